// An issued password: first login must complete the profile and set a new password before
// anything else works (the server enforces it); password change signs out everywhere;
// one-time sign-in QR codes.
#include <catch2/catch.hpp>

#include "tests/server/sign_in_helpers.hpp"

using namespace test_server;
using nlohmann::json;

namespace {

const json good_profile = {{"title", "นาง"}, {"first_name", "ใหม่"}, {"last_name", "รับช่วง"},
                           {"position", "ครู"}, {"phone", "081-234-5678"}, {"email", ""}};

HttpResponse put_json(unsigned short port, const std::string& target, const json& body, Headers headers) {
  headers["Content-Type"] = "application/json";
  return request(port, "PUT", target, headers, body.dump());
}

// The area admin creates an account for a school in the area; returns the issued password.
std::string create_account(const ServerProcess& server, const std::string& username, const std::string& org) {
  auto admin = sign_in(server.port(), "area.admin", demo_password("area.admin"));
  auto r = post_json(server.port(), "/api/v1/admin/users",
                     {{"username", username}, {"org_code", org},
                      {"grants", {{{"permission", "report.submit"}, {"org_code", org}}}}},
                     as(admin));
  INFO(r.body);
  REQUIRE(r.status == 201);
  CHECK(r.json()["user"]["must_change_password"] == true);
  CHECK(r.json()["user"]["must_complete_profile"] == true);
  return r.json()["password"];
}

}  // namespace

TEST_CASE("first login: profile, then a new password, before anything else works", "[server][auth][first-login]") {
  ServerProcess server;
  const auto port = server.port();
  const std::string issued = create_account(server, "1040020001", "1040020001");
  CHECK(issued.size() == 19);  // xxxx-xxxx-xxxx-xxxx

  auto s = sign_in(port, "1040020001", issued);
  CHECK(s.body["must_complete_profile"] == true);
  CHECK(s.body["must_change_password"] == true);
  CHECK(get(port, "/api/v1/me", as(s)).status == 200);  // allowed: the client needs to know
  auto blocked = get(port, "/api/v1/admin/users", as(s));
  CHECK(blocked.status == 403);
  CHECK(blocked.json()["error"]["code"] == "must_complete_profile");

  // Bad profile: named field, nothing changes.
  auto bad = put_json(port, "/api/v1/me/profile", {{"title", "นาง"}, {"first_name", "ใหม่"}, {"last_name", "รับช่วง"},
                                                   {"position", "ครู"}, {"phone", "0212345678"}}, as(s));
  CHECK(bad.status == 400);
  CHECK(bad.json()["error"]["field"] == "phone");
  auto wrong_type = put_json(port, "/api/v1/me/profile", {{"first_name", 12}}, as(s));
  CHECK(wrong_type.status == 400);
  CHECK(wrong_type.json()["error"]["code"] == "wrong_type");
  CHECK(put_json(port, "/api/v1/me/profile", good_profile, as(s, false)).json()["error"]["code"] == "csrf_failed");
  CHECK(query_text(server.database(), "SELECT first_name FROM users WHERE username = '1040020001'").empty());

  auto profile = put_json(port, "/api/v1/me/profile", good_profile, as(s));
  REQUIRE(profile.status == 200);
  CHECK(profile.json()["user"]["profile"]["phone"] == "0812345678");
  auto still = get(port, "/api/v1/admin/users", as(s));
  CHECK(still.json()["error"]["code"] == "must_change_password");

  auto other_device = sign_in(port, "1040020001", issued);  // a second session, to be signed out
  auto wrong_current = post_json(port, "/api/v1/auth/password", {{"current_password", "nope-nope-nope"}, {"new_password", "Kru-Mai-Rak-Rian-42"}}, as(s));
  CHECK(wrong_current.status == 400);
  CHECK(wrong_current.json()["error"]["field"] == "current_password");
  auto weak = post_json(port, "/api/v1/auth/password", {{"current_password", issued}, {"new_password", "1040020001-abc"}}, as(s));
  CHECK(weak.status == 400);
  CHECK(weak.json()["error"]["field"] == "new_password");
  CHECK(weak.json()["error"]["code"] == "password_contains_username");

  auto changed = post_json(port, "/api/v1/auth/password", {{"current_password", issued}, {"new_password", "Kru-Mai-Rak-Rian-42"}}, as(s));
  INFO(changed.body);
  REQUIRE(changed.status == 200);
  CHECK(changed.json()["must_change_password"] == false);
  CHECK(changed.json()["must_complete_profile"] == false);
  SignedIn fresh{session_cookie_of(changed), changed.json()["csrf_token"], changed.json()};
  CHECK(fresh.cookie != s.cookie);
  CHECK(get(port, "/api/v1/me", as(s)).status == 401);             // this session's old id
  CHECK(get(port, "/api/v1/me", as(other_device)).status == 401);  // signed out everywhere
  auto now_works = get(port, "/api/v1/admin/users", as(fresh));
  CHECK(now_works.status == 403);  // past first login: now only the missing permission stops it
  CHECK(now_works.json()["error"]["code"] == "forbidden");

  // The issued password worked once.
  CHECK(post_json(port, "/api/v1/auth/login", {{"username", "1040020001"}, {"password", issued}}).status == 401);
  sign_in(port, "1040020001", "Kru-Mai-Rak-Rian-42");
  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM audit_log WHERE action IN ('profile.update', 'password.change', 'user.issue_password')") == 3);
}

TEST_CASE("first login: an issued password expires after 72 hours", "[server][auth][first-login]") {
  ServerProcess server;
  const std::string issued = create_account(server, "1040030001", "1040030001");
  execute(server.database(), "UPDATE users SET password_expires_at = " + now_sql() + " - 1 WHERE username = '1040030001'");
  auto r = post_json(server.port(), "/api/v1/auth/login", {{"username", "1040030001"}, {"password", issued}});
  CHECK(r.status == 401);
  CHECK(r.json()["error"]["code"] == "issued_password_expired");
  CHECK(r.set_cookies.empty());
}

TEST_CASE("password change: signs out every other session of the user", "[server][auth]") {
  ServerProcess server;
  const auto port = server.port();
  auto phone = sign_in(port, "area.kpi", demo_password("area.kpi"));
  auto laptop = sign_in(port, "area.kpi", demo_password("area.kpi"));
  auto changed = post_json(port, "/api/v1/auth/password",
                           {{"current_password", demo_password("area.kpi")}, {"new_password", "Yam-Woon-Sen-Talay-6"}}, as(laptop));
  REQUIRE(changed.status == 200);
  CHECK(get(port, "/api/v1/me", as(phone)).status == 401);
  CHECK(get(port, "/api/v1/me", {{"Cookie", session_cookie_of(changed)}}).status == 200);
  auto same = post_json(port, "/api/v1/auth/password",
                        {{"current_password", "Yam-Woon-Sen-Talay-6"}, {"new_password", "Yam-Woon-Sen-Talay-6"}},
                        {{"Cookie", session_cookie_of(changed)}, {"X-CSRF-Token", changed.json()["csrf_token"]}});
  CHECK(same.json()["error"]["code"] == "password_unchanged");
  CHECK(post_json(port, "/api/v1/auth/login", {{"username", "area.kpi"}, {"password", demo_password("area.kpi")}}).status == 401);
}

TEST_CASE("sign-in QR: a one-time link with its picture, never a password", "[server][auth][qr]") {
  ServerProcess server;
  const auto port = server.port();
  auto admin = sign_in(port, "area.admin", demo_password("area.admin"));
  const auto id = query_int(server.database(), "SELECT id FROM users WHERE username = '1040010002'");
  auto r = post_json(port, "/api/v1/admin/users/" + std::to_string(id) + "/sign-in-qr", json::object(), as(admin));
  INFO(r.body);
  REQUIRE(r.status == 200);
  const std::string token = r.json()["token"];
  CHECK(token.size() == 32);
  CHECK(r.json()["url"] == "http://localhost:" + std::to_string(port) + "/#/qr/" + token);
  const auto modules = r.json()["qr_modules"];
  CHECK(modules.size() >= 21);
  CHECK(modules[0].get<std::string>().size() == modules.size());
  CHECK(modules[0].get<std::string>().substr(0, 7) == "1111111");  // a finder pattern
  CHECK(r.json()["qr_svg"].get<std::string>().rfind("<svg", 0) == 0);
  CHECK(r.body.find(demo_password("1040010002")) == std::string::npos);

  auto qr = post_json(port, "/api/v1/auth/qr", {{"token", token}});
  REQUIRE(qr.status == 200);
  CHECK(qr.json()["user"]["username"] == "1040010002");
  CHECK(get(port, "/api/v1/me", {{"Cookie", session_cookie_of(qr)}}).status == 200);
  auto replay = post_json(port, "/api/v1/auth/qr", {{"token", token}});
  CHECK(replay.status == 401);
  CHECK(replay.json()["error"]["code"] == "qr_invalid");
  CHECK(post_json(port, "/api/v1/auth/qr", {{"token", 5}}).json()["error"]["code"] == "wrong_type");

  // Outside the admin's subtree the user does not exist for them.
  const auto outside = query_int(server.database(), "SELECT id FROM users WHERE username = 'centre.reviewer'");
  CHECK(post_json(port, "/api/v1/admin/users/" + std::to_string(outside) + "/sign-in-qr", json::object(), as(admin)).status == 404);
  // An expired code is refused.
  auto again = post_json(port, "/api/v1/admin/users/" + std::to_string(id) + "/sign-in-qr", json::object(), as(admin));
  execute(server.database(), "UPDATE one_time_tokens SET expires_at = " + now_sql() + " - 1 WHERE purpose = 'sign_in_qr'");
  CHECK(post_json(port, "/api/v1/auth/qr", {{"token", again.json()["token"]}}).status == 401);
  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM audit_log WHERE action = 'user.issue_sign_in_qr'") == 2);
}

TEST_CASE("handing over: a password issued to the next person; the holders' history keeps the last one",
          "[server][auth][holders]") {
  ServerProcess server;
  const auto port = server.port();
  auto admin = sign_in(port, "area.admin", demo_password("area.admin"));
  const std::string issued = create_account(server, "1040020001", "1040020001");
  auto first = sign_in(port, "1040020001", issued);
  REQUIRE(put_json(port, "/api/v1/me/profile", good_profile, as(first)).status == 200);
  const auto id = std::to_string(query_int(server.database(), "SELECT id FROM users WHERE username = '1040020001'"));
  const std::string holders_path = "/api/v1/admin/users/" + id + "/holders";
  // A correction by the same person is not a new holder.
  json corrected = good_profile;
  corrected["last_name"] = "รับช่วงต่อ";
  REQUIRE(put_json(port, "/api/v1/me/profile", corrected, as(first)).status == 200);
  CHECK(get(port, holders_path, as(admin)).json()["holders"].size() == 1);

  // The person responsible changes: the admin issues a password; the next one gives a profile.
  auto next_password = post_json(port, "/api/v1/admin/users/" + id + "/password", json::object(), as(admin));
  REQUIRE(next_password.status == 200);
  auto next = sign_in(port, "1040020001", next_password.json()["password"].get<std::string>());
  CHECK(next.body["must_complete_profile"] == true);
  const json next_profile = {{"title", "นาย"}, {"first_name", "สมศักดิ์"}, {"last_name", "สืบสาน"},
                             {"position", "ครูธุรการ"}, {"phone", "089-876-5432"}, {"email", ""}};
  REQUIRE(put_json(port, "/api/v1/me/profile", next_profile, as(next)).status == 200);

  auto holders = get(port, holders_path, as(admin));
  INFO(holders.body);
  REQUIRE(holders.status == 200);
  const json list = holders.json()["holders"];
  REQUIRE(list.size() == 2);
  CHECK(list[0]["profile"]["first_name"] == "สมศักดิ์");
  CHECK(list[0]["until"].is_null());
  CHECK(list[1]["profile"]["last_name"] == "รับช่วงต่อ");
  CHECK(list[1]["until"] == list[0]["since"]);
  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM audit_log WHERE action = 'user.holders.read'") == 2);
  // Only an admin over the account reads it.
  auto reviewer = sign_in(port, "centre.reviewer", demo_password("centre.reviewer"));
  CHECK(get(port, holders_path, as(reviewer)).status == 403);
}
