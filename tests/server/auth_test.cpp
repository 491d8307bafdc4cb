// Sign-in over real HTTP: the session cookie, CSRF, expiry, the same reply for unknown
// users, the slow-down, demo accounts, audit.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <set>

#include "tests/server/sign_in_helpers.hpp"

using namespace test_server;
using nlohmann::json;

namespace {

std::int64_t audit_count(const ServerProcess& s, const std::string& action) {
  return query_int(s.database(), "SELECT COUNT(*) FROM audit_log WHERE action = '" + action + "'");
}

}  // namespace

TEST_CASE("login: a __Host- session cookie, a CSRF token, and /me knows the user", "[server][auth]") {
  ServerProcess server;
  auto r = post_json(server.port(), "/api/v1/auth/login",
                     {{"username", "area.admin"}, {"password", demo_password("area.admin")}});
  REQUIRE(r.status == 200);
  REQUIRE(r.set_cookies.size() == 1);
  const std::string& cookie = r.set_cookies[0];
  CHECK(cookie.rfind("__Host-session=", 0) == 0);
  for (const char* attribute : {"; Path=/", "; Secure", "; HttpOnly", "; SameSite=Strict"})
    CHECK(cookie.find(attribute) != std::string::npos);
  const std::string id = session_cookie_of(r).substr(std::string("__Host-session=").size());
  CHECK(id.size() == 32);  // 128 bits, hex
  CHECK(id.find_first_not_of("0123456789abcdef") == std::string::npos);
  // Only a digest is stored.
  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM sessions WHERE token_digest = '" + id + "'") == 0);
  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM sessions") == 1);

  const json body = r.json();
  CHECK(body["csrf_token"].get<std::string>().size() == 32);
  CHECK(body["must_change_password"] == false);
  CHECK(body["must_complete_profile"] == false);
  CHECK(body["user"]["username"] == "area.admin");
  CHECK(body["user"]["org_code"] == "1040000001");
  CHECK(body["user"]["org_name"] == "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาขอนแก่น เขต 1");
  CHECK(body["user"]["grants"].size() == 2);

  auto me = get(server.port(), "/api/v1/me", {{"Cookie", session_cookie_of(r)}});
  REQUIRE(me.status == 200);
  CHECK(me.json()["user"]["username"] == "area.admin");
  CHECK(me.json()["csrf_token"] == body["csrf_token"]);
  CHECK(me.header("cache-control") == "private, no-store");

  auto anonymous = get(server.port(), "/api/v1/me");
  CHECK(anonymous.status == 401);
  CHECK(anonymous.json()["error"]["code"] == "not_signed_in");
  auto forged = get(server.port(), "/api/v1/me", {{"Cookie", "__Host-session=" + std::string(32, 'a')}});
  CHECK(forged.status == 401);
  CHECK(forged.json()["error"]["code"] == "not_signed_in");
  CHECK(audit_count(server, "sign_in") == 1);
}

TEST_CASE("login: a wrong password and an unknown user get the same reply, and both are audited", "[server][auth]") {
  ServerProcess server;
  auto wrong = post_json(server.port(), "/api/v1/auth/login", {{"username", "area.admin"}, {"password", "Not-The-Password-42"}});
  auto unknown = post_json(server.port(), "/api/v1/auth/login", {{"username", "no.such.user"}, {"password", "Not-The-Password-42"}});
  CHECK(wrong.status == 401);
  CHECK(unknown.status == 401);
  CHECK(wrong.body == unknown.body);
  CHECK(wrong.json()["error"]["code"] == "sign_in_failed");
  CHECK(wrong.set_cookies.empty());
  CHECK(audit_count(server, "sign_in.failed") == 2);
  CHECK(query_text(server.database(), "SELECT client_address FROM audit_log WHERE action = 'sign_in.failed'") == "127.0.0.1");
  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM sessions") == 0);
}

TEST_CASE("login: a new session id each time; the old one stops working", "[server][auth]") {
  ServerProcess server;
  auto first = sign_in(server.port(), "1010720001", demo_password("1010720001"));
  auto again = post_json(server.port(), "/api/v1/auth/login",
                         {{"username", "1010720001"}, {"password", demo_password("1010720001")}},
                         {{"Cookie", first.cookie}});
  REQUIRE(again.status == 200);
  CHECK(session_cookie_of(again) != first.cookie);
  CHECK(get(server.port(), "/api/v1/me", {{"Cookie", first.cookie}}).status == 401);
  CHECK(get(server.port(), "/api/v1/me", {{"Cookie", session_cookie_of(again)}}).status == 200);
}

TEST_CASE("logout: needs the CSRF token, then the session is gone", "[server][auth]") {
  ServerProcess server;
  auto s = sign_in(server.port(), "area.kpi", demo_password("area.kpi"));
  auto no_csrf = post_json(server.port(), "/api/v1/auth/logout", json::object(), as(s, false));
  CHECK(no_csrf.status == 403);
  CHECK(no_csrf.json()["error"]["code"] == "csrf_failed");
  auto other_csrf = post_json(server.port(), "/api/v1/auth/logout", json::object(),
                              {{"Cookie", s.cookie}, {"X-CSRF-Token", std::string(32, '0')}});
  CHECK(other_csrf.status == 403);
  CHECK(get(server.port(), "/api/v1/me", as(s)).status == 200);  // nothing changed

  auto out = post_json(server.port(), "/api/v1/auth/logout", json::object(), as(s));
  CHECK(out.status == 200);
  REQUIRE(out.set_cookies.size() == 1);
  CHECK(out.set_cookies[0].find("Max-Age=0") != std::string::npos);
  CHECK(get(server.port(), "/api/v1/me", as(s)).status == 401);
  CHECK(post_json(server.port(), "/api/v1/auth/logout", json::object(), as(s)).status == 401);  // replayed
  CHECK(audit_count(server, "sign_out") == 1);
}

TEST_CASE("sessions expire after 30 idle minutes and after 8 hours in any case", "[server][auth]") {
  ServerProcess server;
  auto idle = sign_in(server.port(), "area.admin", demo_password("area.admin"));
  execute(server.database(), "UPDATE sessions SET last_seen_at = last_seen_at - 31 * 60, created_at = created_at - 31 * 60");
  auto r = get(server.port(), "/api/v1/me", as(idle));
  CHECK(r.status == 401);
  CHECK(r.json()["error"]["code"] == "session_expired");
  CHECK(session_cookie_of(r) == "__Host-session=");  // the browser is told to drop it
  CHECK(get(server.port(), "/api/v1/me", as(idle)).json()["error"]["code"] == "not_signed_in");  // and it is deleted

  auto active = sign_in(server.port(), "area.admin", demo_password("area.admin"));
  execute(server.database(), "UPDATE sessions SET last_seen_at = last_seen_at - 29 * 60, created_at = created_at - 29 * 60");
  CHECK(get(server.port(), "/api/v1/me", as(active)).status == 200);  // 29 idle minutes: still alive, and refreshed
  CHECK(query_int(server.database(), "SELECT " + now_sql() + " - last_seen_at FROM sessions") < 60);
  execute(server.database(), "UPDATE sessions SET created_at = created_at - 8 * 3600");
  auto old = get(server.port(), "/api/v1/me", as(active));
  CHECK(old.status == 401);
  CHECK(old.json()["error"]["code"] == "session_expired");
}

TEST_CASE("login: failed attempts slow down per account and per address, for unknown users alike", "[server][auth]") {
  ServerProcess server;
  const auto db = server.database();
  // 10 recent failures of one account: 7 charged -> 64 s to wait after the last one.
  const std::string ten = "WITH RECURSIVE n(value) AS (SELECT 0 UNION ALL SELECT value + 1 FROM n WHERE value < 9) ";
  execute(db, ten + "INSERT INTO sign_in_failures (key, at) SELECT 'user:area.admin', " + now_sql() + " - value FROM n");
  execute(db, ten + "INSERT INTO sign_in_failures (key, at) SELECT 'user:nobody.here', " + now_sql() + " - value FROM n");
  auto known = post_json(server.port(), "/api/v1/auth/login", {{"username", "area.admin"}, {"password", demo_password("area.admin")}});
  auto unknown = post_json(server.port(), "/api/v1/auth/login", {{"username", "nobody.here"}, {"password", "whatever-it-is"}});
  CHECK(known.status == 429);  // even the right password waits
  CHECK(unknown.status == 429);
  CHECK(known.json()["error"]["code"] == "rate_limited");
  const int retry = std::stoi(known.header("retry-after"));
  CHECK(retry > 50);
  CHECK(retry <= 64);
  // The same reply either way; only the seconds to wait may tick between the two requests.
  const auto without_digits = [](nlohmann::json j) {
    for (const char* m : {"message_th", "message_en"}) {
      std::string text = j["error"][m];
      std::erase_if(text, [](char c) { return c >= '0' && c <= '9'; });
      j["error"][m] = text;
    }
    return j;
  };
  CHECK(without_digits(known.json()) == without_digits(unknown.json()));
  CHECK(std::abs(std::stoi(unknown.header("retry-after")) - retry) <= 1);
  CHECK(known.set_cookies.empty());
  // Other accounts from this address are not slowed down by it.
  CHECK(post_json(server.port(), "/api/v1/auth/login", {{"username", "area.kpi"}, {"password", demo_password("area.kpi")}}).status == 200);

  // 12 failures from one address (any usernames): 2 charged -> 2 s for everyone there.
  execute(db, "WITH RECURSIVE n(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM n WHERE value < 12) "
              "INSERT INTO sign_in_failures (key, at) SELECT 'address:127.0.0.1', " + now_sql() + " FROM n");
  auto from_address = post_json(server.port(), "/api/v1/auth/login", {{"username", "area.kpi"}, {"password", demo_password("area.kpi")}});
  CHECK(from_address.status == 429);
  CHECK(std::stoi(from_address.header("retry-after")) <= 2);
  // Refusals are counted per address and minute, not written one row each.
  CHECK(sum_detail(server.database(), "SELECT detail FROM audit_log WHERE action = 'sign_in.throttled'", "count") == 3);
}

TEST_CASE("login: three typing mistakes cost nothing, the fourth makes the next attempt wait", "[server][auth]") {
  ServerProcess server;
  for (int i = 0; i < 3; ++i) {
    auto r = post_json(server.port(), "/api/v1/auth/login", {{"username", "1040010001"}, {"password", "Wrong-Password-" + std::to_string(i)}});
    CHECK(r.status == 401);
  }
  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM sign_in_failures WHERE key = 'user:1040010001'") == 3);
  CHECK(post_json(server.port(), "/api/v1/auth/login", {{"username", "1040010001"}, {"password", demo_password("1040010001")}}).status == 200);
  // Success clears the account's count.
  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM sign_in_failures WHERE key = 'user:1040010001'") == 0);
}

TEST_CASE("login: bad input is refused naming the field, and changes nothing", "[server][auth]") {
  ServerProcess server;
  const auto port = server.port();
  struct Case {
    std::string body, code, field;
  };
  const std::vector<Case> cases = {
      {"{not json", "malformed_json", ""},
      {"[1,2]", "wrong_type", ""},
      {"{\"password\":\"x-y-z-1234\"}", "required", "username"},
      {"{\"username\":\"area.admin\"}", "required", "password"},
      {"{\"username\":42,\"password\":\"x\"}", "wrong_type", "username"},
      {"{\"username\":\"area.admin\",\"password\":[\"x\"]}", "wrong_type", "password"},
      {"{\"username\":\"" + std::string(101, 'a') + "\",\"password\":\"abc\"}", "text_too_long", "username"},
      {"{\"username\":\"area.admin\",\"password\":\"" + std::string(129, 'p') + "\"}", "text_too_long", "password"},
      {"{\"username\":\"area\xff\",\"password\":\"abc\"}", "invalid_utf8", ""},
  };
  for (const auto& c : cases) {
    INFO(c.body);
    auto r = request(port, "POST", "/api/v1/auth/login", {{"Content-Type", "application/json"}}, c.body);
    CHECK(r.status == 400);
    auto e = r.json()["error"];
    CHECK(e["code"] == c.code);
    if (c.field.empty()) CHECK(e["field"].is_null());
    else CHECK(e["field"] == c.field);
    CHECK(!e["message_th"].get<std::string>().empty());
    CHECK(!e["message_en"].get<std::string>().empty());
  }
  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM sign_in_failures") == 0);
  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM sessions") == 0);
}

TEST_CASE("dev accounts: listed and usable in development mode, absent in production", "[server][auth]") {
  ServerProcess dev;
  auto r = get(dev.port(), "/api/v1/dev/accounts");
  REQUIRE(r.status == 200);
  std::set<std::string> names;
  for (const auto& a : r.json()) {
    names.insert(a["username"].get<std::string>());
    CHECK(a["permissions"].size() >= 1);
    CHECK(a["org_code"].get<std::string>().size() == 10);
  }
  for (const char* n : {"centre.reviewer", "area.admin", "area.kpi", "area.reviewer", "1010720001", "1040010001", "1040010002"})
    CHECK(names.count(n) == 1);
  for (const auto& a : r.json()) {
    auto s = sign_in(dev.port(), a["username"], a["password"]);
    CHECK(s.body["must_change_password"] == false);
    CHECK(s.body["must_complete_profile"] == false);
  }

  ServerProcess production({.mode = "production"});
  CHECK(get(production.port(), "/api/v1/dev/accounts").status == 404);
  CHECK(query_int(production.database(), "SELECT COUNT(*) FROM users") == 0);  // nothing seeded
}

TEST_CASE("client address: X-Forwarded-For counts only from a trusted proxy", "[server][auth]") {
  ServerProcess direct;
  post_json(direct.port(), "/api/v1/auth/login", {{"username", "someone"}, {"password", "x-y-z-w-1"}},
            {{"X-Forwarded-For", "203.0.113.9"}});
  CHECK(query_text(direct.database(), "SELECT client_address FROM audit_log WHERE action = 'sign_in.failed'") == "127.0.0.1");

  ServerProcess proxied({.env = {{"TRUSTED_PROXY", "127.0.0.1"}}});
  post_json(proxied.port(), "/api/v1/auth/login", {{"username", "someone"}, {"password", "x-y-z-w-1"}},
            {{"X-Forwarded-For", "198.51.100.1, 203.0.113.9"}});
  // The rightmost address the trusted proxy saw, not what the client claimed before it.
  CHECK(query_text(proxied.database(), "SELECT client_address FROM audit_log WHERE action = 'sign_in.failed'") == "203.0.113.9");
  CHECK(query_int(proxied.database(), "SELECT COUNT(*) FROM sign_in_failures WHERE key = 'address:203.0.113.9'") == 1);
}
