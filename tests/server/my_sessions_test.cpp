// "My account": the caller's own sessions, listed with a device read from the User-Agent,
// ended one at a time or all but the current one; a password change ends the others too.
#include <catch2/catch.hpp>

#include "tests/server/sign_in_helpers.hpp"

using namespace test_server;
using nlohmann::json;

namespace {

const std::string android_chrome =
    "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile "
    "Safari/537.36";
const std::string windows_firefox = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0";

// Signs in as a browser sending `user_agent` would.
SignedIn sign_in_from(unsigned short port, const std::string& username, const std::string& user_agent) {
  auto r = post_json(port, "/api/v1/auth/login", {{"username", username}, {"password", demo_password(username)}},
                     {{"User-Agent", user_agent}});
  INFO(r.body);
  REQUIRE(r.status == 200);
  return {session_cookie_of(r), r.json()["csrf_token"].get<std::string>(), r.json()};
}

json sessions_of(unsigned short port, const SignedIn& s) {
  auto r = get(port, "/api/v1/me/sessions", as(s, false));
  INFO(r.body);
  REQUIRE(r.status == 200);
  return r.json()["sessions"];
}

// The listed session that is (or is not) the caller's current one.
json pick(const json& sessions, bool current) {
  for (const auto& s : sessions)
    if (s["current"] == current) return s;
  FAIL("no session with current=" << current);
  return {};
}

HttpResponse del(unsigned short port, const std::string& target, const Headers& headers) {
  return request(port, "DELETE", target, headers);
}

bool works(unsigned short port, const SignedIn& s) { return get(port, "/api/v1/me", as(s, false)).status == 200; }

}  // namespace

TEST_CASE("my sessions: two sign-ins give two sessions, one of them current, each with its device",
          "[server][account]") {
  ServerProcess server;
  const auto port = server.port();
  auto desk = sign_in_from(port, "area.kpi", windows_firefox);
  auto phone = sign_in_from(port, "area.kpi", android_chrome);

  const auto list = sessions_of(port, desk);
  REQUIRE(list.size() == 2);
  const auto mine = pick(list, true), other = pick(list, false);
  CHECK(mine["browser"] == "Firefox");
  CHECK(mine["os"] == "Windows");
  CHECK(mine["mobile"] == false);
  CHECK(other["browser"] == "Chrome");
  CHECK(other["os"] == "Android");
  CHECK(other["mobile"] == true);
  CHECK(other["address"] == "127.0.0.1");
  CHECK(other["created_at"].get<std::string>().size() == 20);  // 2026-12-01T10:05:03Z
  CHECK(mine["id"] != other["id"]);

  // The id is neither the token nor usable as one.
  const std::string id = other["id"];
  CHECK(id.size() == 24);
  CHECK(phone.cookie.find(id) == std::string::npos);
  CHECK(get(port, "/api/v1/me", {{"Cookie", "__Host-session=" + id}}).status == 401);
  CHECK(get(port, "/api/v1/me", {{"Cookie", "__Host-session=" + id + "00000000"}}).status == 401);

  // The other device sees the same two, itself as current.
  const auto seen_by_phone = sessions_of(port, phone);
  CHECK(seen_by_phone.size() == 2);
  CHECK(pick(seen_by_phone, true)["id"] == id);
  CHECK(get(port, "/api/v1/me/sessions").status == 401);
}

TEST_CASE("my sessions: ending the other one signs it out; CSRF needed; audited", "[server][account]") {
  ServerProcess server;
  const auto port = server.port();
  auto desk = sign_in_from(port, "area.kpi", windows_firefox);
  auto phone = sign_in_from(port, "area.kpi", android_chrome);
  const std::string id = pick(sessions_of(port, desk), false)["id"];
  const std::string target = "/api/v1/me/sessions/" + id;

  auto no_csrf = del(port, target, as(desk, false));
  CHECK(no_csrf.status == 403);
  CHECK(no_csrf.json()["error"]["code"] == "csrf_failed");
  CHECK(works(port, phone));

  auto ended = del(port, target, as(desk));
  INFO(ended.body);
  REQUIRE(ended.status == 200);
  CHECK(ended.json()["signed_out"] == false);
  auto gone = get(port, "/api/v1/me", as(phone, false));
  CHECK(gone.status == 401);
  CHECK(gone.json()["error"]["code"] == "not_signed_in");
  CHECK(works(port, desk));
  CHECK(sessions_of(port, desk).size() == 1);
  CHECK(count_detail(server.database(), "SELECT detail FROM audit_log WHERE action = 'session.end'", "session", id) == 1);

  auto again = del(port, target, as(desk));
  CHECK(again.status == 404);
  CHECK(again.json()["error"]["code"] == "session_not_found");
  CHECK(del(port, "/api/v1/me/sessions/not-a-session-id", as(desk)).status == 404);

  // Ending the current one is signing out: the cookie is cleared.
  const std::string own = pick(sessions_of(port, desk), true)["id"];
  auto self = del(port, "/api/v1/me/sessions/" + own, as(desk));
  CHECK(self.status == 200);
  CHECK(self.json()["signed_out"] == true);
  CHECK(session_cookie_of(self) == "__Host-session=");
  CHECK_FALSE(works(port, desk));
}

TEST_CASE("my sessions: another user's session id is unknown (404) and stays signed in", "[server][account]") {
  ServerProcess server;
  const auto port = server.port();
  auto me = sign_in_from(port, "area.kpi", windows_firefox);
  auto someone = sign_in_from(port, "area.admin", android_chrome);
  const std::string theirs = pick(sessions_of(port, someone), true)["id"];

  CHECK(sessions_of(port, me).size() == 1);  // nobody else's sessions are listed
  auto r = del(port, "/api/v1/me/sessions/" + theirs, as(me));
  CHECK(r.status == 404);
  CHECK(r.json()["error"]["code"] == "session_not_found");
  CHECK(r.json()["error"]["field"] == "id");
  CHECK(works(port, someone));
  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM audit_log WHERE action LIKE 'session.%'") == 0);
}

TEST_CASE("my sessions: end-others keeps only the current one", "[server][account]") {
  ServerProcess server;
  const auto port = server.port();
  auto a = sign_in_from(port, "area.kpi", windows_firefox);
  auto b = sign_in_from(port, "area.kpi", android_chrome);
  auto c = sign_in_from(port, "area.kpi", "school-client");
  auto bystander = sign_in_from(port, "area.admin", windows_firefox);
  REQUIRE(sessions_of(port, a).size() == 3);
  CHECK(pick(sessions_of(port, c), true)["browser"] == "School client");

  auto no_csrf = post_json(port, "/api/v1/me/sessions/end-others", json::object(), as(a, false));
  CHECK(no_csrf.status == 403);
  CHECK(no_csrf.json()["error"]["code"] == "csrf_failed");
  CHECK(sessions_of(port, a).size() == 3);

  auto r = request(port, "POST", "/api/v1/me/sessions/end-others", as(a));
  INFO(r.body);
  REQUIRE(r.status == 200);
  CHECK(r.json()["ended"] == 2);
  CHECK(works(port, a));
  CHECK_FALSE(works(port, b));
  CHECK_FALSE(works(port, c));
  CHECK(works(port, bystander));
  const auto left = sessions_of(port, a);
  REQUIRE(left.size() == 1);
  CHECK(left[0]["current"] == true);
  CHECK(count_detail(server.database(), "SELECT detail FROM audit_log WHERE action = 'session.end_others'", "ended", 2) == 1);
}

TEST_CASE("my sessions: changing the password ends the other sessions and keeps this client in",
          "[server][account]") {
  ServerProcess server;
  const auto port = server.port();
  auto a = sign_in_from(port, "area.kpi", windows_firefox);
  auto b = sign_in_from(port, "area.kpi", android_chrome);
  auto changed = post_json(port, "/api/v1/auth/password",
                           {{"current_password", demo_password("area.kpi")}, {"new_password", "Kru-Mai-Rak-Rian-42"}},
                           as(a));
  INFO(changed.body);
  REQUIRE(changed.status == 200);
  CHECK_FALSE(works(port, b));
  CHECK_FALSE(works(port, a));  // the old id too: this client got a new one
  SignedIn renewed{session_cookie_of(changed), changed.json()["csrf_token"], changed.json()};
  const auto left = sessions_of(port, renewed);
  REQUIRE(left.size() == 1);
  CHECK(left[0]["current"] == true);
}
