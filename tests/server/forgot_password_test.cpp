// Forgotten password by OTP to the registered phone: no enumeration, no automatic sign-in.
#include <catch2/catch.hpp>

#include "tests/server/sign_in_helpers.hpp"

using namespace test_server;
using nlohmann::json;

TEST_CASE("forgotten password: an OTP to the registered phone sets a new password, signs out, signs nobody in", "[server][auth][forgot]") {
  ServerProcess server;
  const auto port = server.port();
  auto old_session = sign_in(port, "1010720001", demo_password("1010720001"));
  const std::string phone = "0800000011";  // the demo account's registered phone

  auto weak = post_json(port, "/api/v1/auth/forgot-password",
                        {{"username", "1010720001"}, {"otp_token", "x"}, {"new_password", "1010720001"}});
  CHECK(weak.status == 400);
  CHECK(weak.json()["error"]["field"] == "new_password");

  const auto token = otp_token_for(port, phone, "password_reset");
  auto r = post_json(port, "/api/v1/auth/forgot-password",
                     {{"username", "1010720001"}, {"otp_token", token}, {"new_password", "Nong-Bua-Mai-Laew-4"}});
  INFO(r.body);
  REQUIRE(r.status == 200);
  CHECK(r.set_cookies.empty());  // no automatic sign-in
  CHECK(get(port, "/api/v1/me", as(old_session)).status == 401);
  CHECK(post_json(port, "/api/v1/auth/login", {{"username", "1010720001"}, {"password", demo_password("1010720001")}}).status == 401);
  sign_in(port, "1010720001", "Nong-Bua-Mai-Laew-4");
  CHECK(last_sms(port, phone).find("ถูกเปลี่ยนแล้ว") != std::string::npos);
  auto replay = post_json(port, "/api/v1/auth/forgot-password",
                          {{"username", "1010720001"}, {"otp_token", token}, {"new_password", "Another-One-Here-5"}});
  CHECK(replay.status == 400);
  CHECK(replay.json()["error"]["field"] == "otp_token");
  const std::string matched_body = r.body;

  // Another phone, or a username that does not exist: the very same reply, nothing changes.
  const auto stranger = otp_token_for(port, "0861234567", "password_reset");
  auto other = post_json(port, "/api/v1/auth/forgot-password",
                         {{"username", "1040010001"}, {"otp_token", stranger}, {"new_password", "Taken-Over-Now-77"}});
  CHECK(other.status == 200);
  CHECK(other.body == matched_body);
  const auto stranger2 = otp_token_for(port, "0861234568", "password_reset");
  auto nobody = post_json(port, "/api/v1/auth/forgot-password",
                          {{"username", "no.such.user"}, {"otp_token", stranger2}, {"new_password", "Taken-Over-Now-77"}});
  CHECK(nobody.body == matched_body);
  sign_in(port, "1040010001", demo_password("1040010001"));  // unchanged
  // The token was used up by the unmatched try: one token, one try.
  CHECK(post_json(port, "/api/v1/auth/forgot-password",
                  {{"username", "1040010001"}, {"otp_token", stranger}, {"new_password", "Taken-Over-Now-77"}}).status == 400);
  // A registration OTP does not reset passwords.
  const auto registration = otp_token_for(port, "0800000012", "registration");
  CHECK(post_json(port, "/api/v1/auth/forgot-password",
                  {{"username", "1040010001"}, {"otp_token", registration}, {"new_password", "Taken-Over-Now-77"}}).status == 400);
  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM audit_log WHERE action = 'password.reset'") == 1);
  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM audit_log WHERE action = 'password.reset_unmatched'") == 2);
}
