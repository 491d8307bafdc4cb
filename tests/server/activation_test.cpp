// AccountService::issue_activation (called by the registration approval) and
// POST /api/v1/auth/activate: single use, 72 h, the password policy.
#include <catch2/catch.hpp>

#include "server/accounts/account_service.hpp"
#include "server/auth/crypto.hpp"
#include "tests/server/sign_in_helpers.hpp"

using namespace test_server;
using nlohmann::json;

namespace {

// Issues the link the way the registration approval does: in the server's database file.
std::string issue(const ServerProcess& server, const std::string& username) {
  server::auth::init_crypto();
  server::storage::ConnectionPool db(server.database());
  domain::OrgTree no_tree;
  server::auth::AuditLog audit(db);
  server::accounts::AccountService accounts(db, no_tree, audit);
  return accounts.issue_activation({username, "1040010003", "นาย", "ทดสอบ", "เปิดใช้", "ครู", "0800000099", "",
                                    {{domain::Permission::report_submit, "1040010003"}}},
                                   std::nullopt);
}

}  // namespace

TEST_CASE("activation: the link sets the first password once; then sign-in works", "[server][auth][activation]") {
  ServerProcess server;
  const auto token = issue(server, "1040010003");
  CHECK(token.size() == 32);
  // Not usable before activation.
  CHECK(post_json(server.port(), "/api/v1/auth/login", {{"username", "1040010003"}, {"password", "Anything-At-All-9"}}).status == 401);

  auto weak = post_json(server.port(), "/api/v1/auth/activate", {{"token", token}, {"password", "12345678"}});
  CHECK(weak.status == 400);
  CHECK(weak.json()["error"]["field"] == "password");
  auto ok = post_json(server.port(), "/api/v1/auth/activate", {{"token", token}, {"password", "Baan-Don-Thong-Kru-7"}});
  INFO(ok.body);
  REQUIRE(ok.status == 200);  // the weak attempt did not use the link up
  CHECK(ok.json()["username"] == "1040010003");
  CHECK(ok.set_cookies.empty());  // no automatic sign-in
  auto s = sign_in(server.port(), "1040010003", "Baan-Don-Thong-Kru-7");
  CHECK(s.body["user"]["profile"]["first_name"] == "ทดสอบ");

  auto replay = post_json(server.port(), "/api/v1/auth/activate", {{"token", token}, {"password", "Another-Good-One-5"}});
  CHECK(replay.status == 410);
  CHECK(replay.json()["error"]["code"] == "link_used");
  sign_in(server.port(), "1040010003", "Baan-Don-Thong-Kru-7");  // unchanged
  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM audit_log WHERE action = 'activation'") == 1);
}

TEST_CASE("activation: an expired, unknown or superseded link changes nothing", "[server][auth][activation]") {
  ServerProcess server;
  const auto first = issue(server, "1040010004");
  const auto second = issue(server, "1040010004");  // a new link voids the old one
  auto voided = post_json(server.port(), "/api/v1/auth/activate", {{"token", first}, {"password", "Good-Password-Here-1"}});
  CHECK(voided.status == 410);
  auto unknown = post_json(server.port(), "/api/v1/auth/activate", {{"token", std::string(32, 'f')}, {"password", "Good-Password-Here-1"}});
  CHECK(unknown.status == 404);
  CHECK(unknown.json()["error"]["code"] == "link_unknown");
  execute(server.database(), "UPDATE one_time_tokens SET expires_at = " + now_sql() + " - 1");
  auto expired = post_json(server.port(), "/api/v1/auth/activate", {{"token", second}, {"password", "Good-Password-Here-1"}});
  CHECK(expired.status == 410);
  CHECK(expired.json()["error"]["code"] == "link_expired");
  CHECK(query_text(server.database(), "SELECT status FROM users WHERE username = '1040010004'") == "pending");
  auto missing = post_json(server.port(), "/api/v1/auth/activate", {{"password", "Good-Password-Here-1"}});
  CHECK(missing.status == 400);
  CHECK(missing.json()["error"]["field"] == "token");
}

// Issue 11, defect 3: wrong links were hashed (Argon2id) before being judged, unthrottled.
// Now a wrong link is refused on a lookup and counts against the address: after 10 in an
// hour each next one waits 1, 2, 4 ... s (429 with Retry-After), like sign-in.
TEST_CASE("activation and password reset: wrong tokens are slowed down per client address", "[server][auth][activation]") {
  ServerProcess server;
  const auto port = server.port();
  const auto token = issue(server, "1040010005");
  const auto wrong_until_refused = [&](const std::string& path, const json& body) {
    int answered = 0;
    for (int i = 0; i < 16; ++i) {
      auto r = post_json(port, path, body);
      if (r.status == 429) {
        CHECK(r.json()["error"]["code"] == "rate_limited");
        CHECK(std::stoi(r.header("retry-after")) >= 1);
        return answered;
      }
      CHECK(r.status != 200);
      ++answered;
    }
    return answered;
  };
  const int activations = wrong_until_refused(
      "/api/v1/auth/activate", {{"token", std::string(32, 'e')}, {"password", "Good-Password-Here-1"}});
  CHECK(activations >= 10);
  CHECK(activations < 16);
  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM sign_in_failures WHERE key LIKE 'link:%'") == activations);
  CHECK(query_text(server.database(), "SELECT status FROM users WHERE username = '1040010005'") == "pending");

  // Another address's budget is its own; here the failures are cleared to go on.
  execute(server.database(), "DELETE FROM sign_in_failures");
  const int resets = wrong_until_refused(
      "/api/v1/auth/forgot-password",
      {{"username", "1010720001"}, {"otp_token", std::string(40, 'a')}, {"new_password", "Good-Password-Here-1"}});
  CHECK(resets >= 10);
  CHECK(resets < 16);
  sign_in(port, "1010720001", demo_password("1010720001"));  // unchanged

  // Once the address has waited, a real link works as before.
  execute(server.database(), "DELETE FROM sign_in_failures");
  auto ok = post_json(port, "/api/v1/auth/activate", {{"token", token}, {"password", "Baan-Don-Thong-Kru-7"}});
  INFO(ok.body);
  CHECK(ok.status == 200);
  sign_in(port, "1040010005", "Baan-Don-Thong-Kru-7");
}
