// A registrant who closed the browser looks their registration up (institution code, a fresh
// OTP to the same phone) in any state, and asks for a new activation link once the 72-hour
// one lapsed unused.
#include <catch2/catch.hpp>
#include <regex>

#include "tests/server/registration_helpers.hpp"
#include "tests/server/sign_in_helpers.hpp"

using namespace test_server;
using nlohmann::json;

namespace {

HttpResponse look_up(const ServerProcess& server, const std::string& phone = "0812345678") {
  advance_clock(server, 61);  // past the OTP resend cooldown
  return post_json(server.port(), "/api/v1/registrations/resume",
                   {{"institution_code", "1010720001"}, {"otp_token", otp_token(server, phone)}});
}

HttpResponse renew(const ServerProcess& server, const json& looked_up) {
  return request(server.port(), "POST",
                 "/api/v1/registrations/" + std::to_string(looked_up["registration_id"].get<int>()) + "/activation-link",
                 {{"Authorization", "Bearer " + looked_up["registration_token"].get<std::string>()},
                  {"Content-Type", "application/json"}},
                 "{}");
}

json submit(const ServerProcess& server) {
  advance_clock(server, 61);
  auto created = register_school(server, registration_body());
  REQUIRE(created.status == 201);
  TempDir dir;
  REQUIRE(run_command({"/usr/bin/convert", "-size", "400x560", "xc:white", "jpg:" + (dir / "s.jpg").string()}, {})
              .exit_code == 0);
  REQUIRE(upload_letter(server, created.json(), read_file(dir / "s.jpg"), "s.jpg").status == 200);
  return created.json();
}

std::string decide(const ServerProcess& server, const json& c, const std::string& action, const json& body) {
  auto area = sign_in(server.port(), "area.reviewer", demo_password("area.reviewer"));
  auto r = post_json(server.port(),
                     "/api/v1/review/registrations/" + std::to_string(c["registration_id"].get<int>()) + "/" + action,
                     body, as(area));
  REQUIRE(r.status == 200);
  return r.json()["status"];
}

std::size_t links_sent(const ServerProcess& server) {
  std::size_t n = 0;
  for (const auto& m : get(server.port(), "/api/v1/dev/outbox?phone=0812345678").json())
    if (m["text"].get<std::string>().find("/#/activate/") != std::string::npos) ++n;
  return n;
}

}  // namespace

TEST_CASE("registration lookup: under review and rejected registrations are found with their state and reason",
          "[server][api][registration]") {
  ServerProcess server;
  CHECK(look_up(server).json()["error"]["code"] == "registration_not_open");  // nothing yet
  auto c = submit(server);
  auto seen = look_up(server);
  REQUIRE(seen.status == 200);
  CHECK(seen.json()["registration_id"] == c["registration_id"]);
  CHECK(seen.json()["status"] == "under_review");
  // The looked-up token reads it; another phone cannot look it up.
  auto read = get(server.port(), "/api/v1/registrations/" + std::to_string(c["registration_id"].get<int>()),
                  {{"Authorization", "Bearer " + seen.json()["registration_token"].get<std::string>()}});
  CHECK(read.status == 200);
  CHECK(look_up(server, "0898765432").json()["error"]["code"] == "otp_phone_mismatch");
  // Not approved: no activation link to ask for.
  CHECK(renew(server, seen.json()).json()["error"]["code"] == "registration_state");

  CHECK(decide(server, c, "reject", {{"reason", "ลายมือชื่อไม่ชัด"}}) == "rejected");
  auto rejected = look_up(server);
  REQUIRE(rejected.status == 200);
  CHECK(rejected.json()["status"] == "rejected");
  CHECK(rejected.json()["reason"] == "ลายมือชื่อไม่ชัด");
}

TEST_CASE("registration lookup: a new activation link only once the last one lapsed, and never after activation",
          "[server][api][registration]") {
  ServerProcess server;
  auto c = submit(server);
  CHECK(decide(server, c, "approve", json::object()) == "approved");
  REQUIRE(links_sent(server) == 1);
  auto seen = look_up(server);
  REQUIRE(seen.status == 200);
  CHECK(seen.json()["status"] == "approved");

  auto early = renew(server, seen.json());
  CHECK(early.status == 409);
  CHECK(early.json()["error"]["code"] == "activation_link_valid");
  CHECK(early.json()["error"]["message_en"].get<std::string>().find("72 hours") != std::string::npos);
  CHECK(links_sent(server) == 1);
  CHECK(request(server.port(), "POST",
                "/api/v1/registrations/" + std::to_string(c["registration_id"].get<int>()) + "/activation-link",
                {{"Authorization", "Bearer " + std::string(64, 'a')}}, "{}")
            .status == 401);

  // 72 hours later: the first link has lapsed.
  execute(server.database(), "UPDATE one_time_tokens SET expires_at = 1 WHERE purpose = 'activation'");
  auto renewed = renew(server, seen.json());
  INFO(renewed.body);
  REQUIRE(renewed.status == 200);
  CHECK(renewed.json()["sent_to"] == "xxx-xxx-xx78");
  REQUIRE(links_sent(server) == 2);
  const std::string sms = get(server.port(), "/api/v1/dev/outbox?phone=0812345678").json()[0]["text"];
  std::smatch m;
  REQUIRE(std::regex_search(sms, m, std::regex("/#/activate/([A-Za-z0-9_-]+)")));
  CHECK(post_json(server.port(), "/api/v1/auth/activate", {{"token", m[1].str()}, {"password", "Baan-Nong-Bua-Kru-7"}})
            .status == 200);
  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM audit_log WHERE action = 'registration.activation_renewed'") == 1);

  auto after = renew(server, seen.json());
  CHECK(after.status == 409);
  CHECK(after.json()["error"]["code"] == "account_already_active");
  CHECK(links_sent(server) == 2);
}
