// Issue 13: two server processes on one database behave as one. A session made on A works
// on B and ends on both; a cached live KPI summary on B follows a write made on A (the
// cache is checked against the revision in the database, not one process's counter); an OTP
// and its waits are shared; servers starting together migrate once. On both engines.
#include <catch2/catch.hpp>

#include <atomic>
#include <memory>
#include <regex>
#include <thread>

#include "server/storage/migrations.hpp"
#include "tests/server/registration_helpers.hpp"
#include "tests/server/sign_in_helpers.hpp"

using namespace test_server;
using nlohmann::json;

TEST_CASE("two servers on one database: sessions and live summaries are shared", "[server][two_servers]") {
  ServerProcess a;
  ServerOptions second;
  second.data_dir = a.data_dir();
  ServerProcess b(second);

  // Signed in on A, known on B; signed out on B, gone on A.
  const auto controller = sign_in(a.port(), "area.kpi", demo_password("area.kpi"));
  CHECK(get(b.port(), "/api/v1/me", as(controller)).status == 200);
  const auto school = sign_in(b.port(), "1040010001", demo_password("1040010001"));
  CHECK(get(a.port(), "/api/v1/me", as(school)).status == 200);

  auto created = send_json(a.port(), "POST", "/api/v1/kpi", controller,
                           {{"year", 2567}, {"number", "7"}, {"name", "ตัวชี้วัดของสองเครื่อง"}, {"type", "score_1_5"},
                            {"criteria", {2, 3, 4, 5}}, {"cadence", "once"}, {"open_periods", {"once"}},
                            {"status", "open"}});
  INFO(created.body);
  REQUIRE(created.status == 201);
  const std::string kpi = "/api/v1/kpi/" + std::to_string(created.json()["id"].get<std::int64_t>());
  REQUIRE(send_json(a.port(), "PUT", kpi + "/periods/once/units", controller, {{"unit_codes", {"1040010001"}}}).status ==
          200);

  // B builds and caches the summary: nothing submitted yet.
  auto before = get(b.port(), kpi + "/summary", as(controller));
  REQUIRE(before.status == 200);
  CHECK(before.json()["periods"][0]["submitted"] == 0);
  CHECK(get(b.port(), kpi + "/summary", as(controller)).json()["periods"][0]["submitted"] == 0);

  // The school reports through A; B's next summary counts it.
  const std::string report = kpi + "/periods/once/reports/1040010001";
  REQUIRE(send_json(a.port(), "PUT", report, school, {{"self_score", 4}}).status == 200);
  auto confirmed = send_json(a.port(), "POST", report + "/confirm", school);
  INFO(confirmed.body);
  REQUIRE(confirmed.status == 200);
  auto after = get(b.port(), kpi + "/summary", as(controller));
  REQUIRE(after.status == 200);
  CHECK(after.json()["periods"][0]["submitted"] == 1);
  CHECK(after.json()["periods"][0]["avg_self"] == 4.0);

  // The SMS the submission sent through A is in the one outbox B reads.
  CHECK(get(b.port(), "/api/v1/dev/outbox?phone=0800000005").json().size() == 1);

  // Signing out on B ends the session on A too.
  REQUIRE(send_json(b.port(), "POST", "/api/v1/auth/logout", school).status < 300);
  CHECK(get(a.port(), "/api/v1/me", as(school)).status == 401);
}

TEST_CASE("two servers on one database: a QR sheet made on A is downloaded from B", "[server][two_servers]") {
  ServerProcess a;
  ServerOptions second;
  second.data_dir = a.data_dir();
  ServerProcess b(second);
  const auto admin = sign_in(a.port(), "area.admin", demo_password("area.admin"));
  auto made = post_json(a.port(), "/api/v1/admin/institution-accounts", {{"org_code", "1040000001"}}, as(admin));
  INFO(made.body);
  REQUIRE(made.status == 201);
  const std::string sheet = made.json()["sheet"];
  auto pdf = get(b.port(), sheet, as(admin));
  REQUIRE(pdf.status == 200);
  CHECK(pdf.body.rfind("%PDF-", 0) == 0);
  // Kept sealed: the stored text is not the PDF, and the PDF's own bytes are nowhere in it.
  CHECK(query_int(a.database(), "SELECT COUNT(*) FROM sign_in_sheets WHERE pdf_sealed LIKE 'JVBERi%'") == 0);
  CHECK(query_int(a.database(), "SELECT COUNT(*) FROM sign_in_sheets") == 1);
  // Only for its maker, from either server.
  const auto other = sign_in(b.port(), "centre.admin", demo_password("centre.admin"));
  CHECK(get(b.port(), sheet, as(other)).status == 404);
  CHECK(get(a.port(), sheet, as(other)).status == 404);
  // A restart of both keeps it (within its hour).
  REQUIRE(a.stop() == 0);
  REQUIRE(b.stop() == 0);
  ServerOptions again;
  again.data_dir = second.data_dir;
  ServerProcess c(again);
  const auto admin_again = sign_in(c.port(), "area.admin", demo_password("area.admin"));
  CHECK(get(c.port(), sheet, as(admin_again)).body == pdf.body);
}

TEST_CASE("two servers on one database: an OTP sent through A is verified through B, its wait holds on both",
          "[server][two_servers]") {
  ServerProcess a;
  ServerOptions second;
  second.data_dir = a.data_dir();
  ServerProcess b(second);
  const json ask{{"phone", "0812345678"}, {"purpose", "registration"}};
  auto sent = post_json(a.port(), "/api/v1/otp", ask);
  REQUIRE(sent.status == 202);
  // The resend wait started on A holds on B.
  auto again = post_json(b.port(), "/api/v1/otp", ask);
  CHECK(again.status == 429);
  CHECK_FALSE(again.header("retry-after").empty());
  const std::string sms = last_sms(b.port(), "0812345678");
  std::smatch code;
  REQUIRE(std::regex_search(sms, code, std::regex("(\\d{6})")));
  auto verified = post_json(b.port(), "/api/v1/otp/verify", {{"otp_id", sent.json()["otp_id"]}, {"code", code[1].str()}});
  INFO(verified.body);
  REQUIRE(verified.status == 200);
  // The token made on B is redeemed once, on A.
  auto body = registration_body();  // officer phone 081-234-5678
  body["otp_token"] = verified.json()["otp_token"];
  auto created = post_json(a.port(), "/api/v1/registrations", body);
  INFO(created.body);
  CHECK(created.status == 201);
  body["institution_code"] = "1011010001";
  CHECK(post_json(b.port(), "/api/v1/registrations", body).json()["error"]["code"] == "otp_token_invalid");
}

TEST_CASE("servers starting at once on an empty database apply each migration once", "[server][two_servers]") {
  TempDir dir;
  ServerOptions options;
  options.data_dir = dir / "data";
  std::vector<std::unique_ptr<ServerProcess>> servers(3);
  std::vector<std::thread> starting;
  std::atomic<int> failed{0};
  for (auto& s : servers)
    starting.emplace_back([&] {
      try {
        s = std::make_unique<ServerProcess>(options);
      } catch (const std::exception&) {
        ++failed;
      }
    });
  for (auto& t : starting) t.join();
  REQUIRE(failed == 0);
  const auto db = servers[0]->database();
  CHECK(query_int(db, "SELECT COUNT(*) FROM schema_migrations") ==
        static_cast<std::int64_t>(server::storage::migrations().size()));
  CHECK(query_int(db, "SELECT COUNT(DISTINCT version) FROM schema_migrations") ==
        static_cast<std::int64_t>(server::storage::migrations().size()));
  CHECK(query_int(db, "SELECT COUNT(*) FROM institutions") == 2922);  // the demo directory, once
  for (auto& s : servers) CHECK(get(s->port(), "/api/v1/health").status == 200);
}

// The guard keeps the callers it has read (server/auth/guard.cpp) until the auth revision
// moves: a change written by any process (here straight into the database, as another
// server would) must count at the very next request.
TEST_CASE("two servers on one database: a kept caller follows a grant or status changed elsewhere",
          "[server][two_servers]") {
  ServerProcess a;
  const auto db = a.database();
  const auto admin = sign_in(a.port(), "area.admin", demo_password("area.admin"));
  const auto teacher = sign_in(a.port(), "1040010001", demo_password("1040010001"));
  for (int i = 0; i < 2; ++i) {
    REQUIRE(get(a.port(), "/api/v1/admin/users", as(admin)).status == 200);
    REQUIRE(get(a.port(), "/api/v1/me", as(teacher)).status == 200);
  }
  execute(db, "DELETE FROM grants WHERE user_id = (SELECT id FROM users WHERE username = 'area.admin')");
  CHECK(get(a.port(), "/api/v1/admin/users", as(admin)).status == 403);
  execute(db, "UPDATE users SET status = 'disabled' WHERE username = '1040010001'");
  CHECK(get(a.port(), "/api/v1/me", as(teacher)).status == 401);
}
