// Every read of a person's or a child's data leaves an audit row with who (the actor),
// what (action and target), whose (the organisation) and from where (the address).
#include <catch2/catch.hpp>

#include <optional>

#include "tests/server/audit_helpers.hpp"
#include "tests/server/lec_helpers.hpp"
#include "tests/server/registration_helpers.hpp"
#include "tests/server/sign_in_helpers.hpp"

using namespace test_server;
using nlohmann::json;

namespace {

// The newest row of `action` was made by `actor` from loopback about `org`.
void check_read(const ServerProcess& server, const std::string& action, std::optional<std::int64_t> actor,
                const std::string& org) {
  INFO(action);
  const json row = last_audit(server, action);
  REQUIRE(row.is_object());
  if (actor) CHECK(row["actor"] == *actor);
  else CHECK(row["actor"].is_null());
  CHECK(row["address"] == "127.0.0.1");
  CHECK(row["org"] == org);
}

}  // namespace

TEST_CASE("audit: reading a registration, its letters and the review queue is recorded with the reader",
          "[server][audit]") {
  ServerProcess server;
  const auto port = server.port();
  auto created = register_school(server, registration_body());
  REQUIRE(created.status == 201);
  const json c = created.json();
  REQUIRE(upload_letter(server, c, small_jpeg(), "s.jpg").status == 200);
  const std::string reg = "/api/v1/registrations/" + std::to_string(c["registration_id"].get<int>());
  const Headers token = {{"Authorization", "Bearer " + c["registration_token"].get<std::string>()}};

  // The registrant, by the token: no user, but the address and the registration.
  REQUIRE(get(port, reg, token).status == 200);
  check_read(server, "registration.read", std::nullopt, "1010720001");
  CHECK(last_audit(server, "registration.read")["detail"]["by"] == "registration_token");
  REQUIRE(get(port, reg + "/letter.pdf", token).status == 200);
  check_read(server, "registration.letter_generated", std::nullopt, "1010720001");

  const auto reviewer = sign_in(port, "area.reviewer", demo_password("area.reviewer"));
  const auto reviewer_id = user_id(server, "area.reviewer");
  REQUIRE(get(port, reg, as(reviewer)).status == 200);
  check_read(server, "registration.read", reviewer_id, "1010720001");
  REQUIRE(get(port, reg + "/letter.pdf", as(reviewer)).status == 200);
  check_read(server, "registration.letter_generated", reviewer_id, "1010720001");
  REQUIRE(get(port, reg + "/signed-letter", as(reviewer)).status == 200);
  check_read(server, "registration.letter_downloaded", reviewer_id, "1010720001");
  REQUIRE(get(port, "/api/v1/review/registrations/" + std::to_string(c["registration_id"].get<int>()) + "/preview",
              as(reviewer)).status == 200);
  check_read(server, "registration.letter_viewed", reviewer_id, "1010720001");
  REQUIRE(get(port, "/api/v1/review/registrations", as(reviewer)).status == 200);
  CHECK(last_audit(server, "registration.queue_read")["actor"] == reviewer_id);

  // No national ID or name in any row: ids, codes and masks only.
  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%1101700203450%' "
                                     "OR detail LIKE '%สมหญิง%'") == 0);
}

TEST_CASE("audit: reading KPI reports, summaries, exports and evidence is recorded with the reader",
          "[server][audit]") {
  ServerProcess server;
  const auto port = server.port();
  const auto controller = sign_in(port, "area.kpi", demo_password("area.kpi"));
  const auto reviewer = sign_in(port, "area.reviewer", demo_password("area.reviewer"));
  const auto school = sign_in(port, "1040010001", demo_password("1040010001"));
  auto created = send_json(port, "POST", "/api/v1/kpi", controller,
                           {{"year", 2567}, {"number", "1"}, {"name", "การประเมินภายใน"}, {"type", "score_1_5"},
                            {"criteria", {2, 3, 4, 5}}, {"cadence", "once"}, {"open_periods", {"once"}}, {"status", "open"}});
  INFO(created.body);
  REQUIRE(created.status == 201);
  const std::string kpi = "/api/v1/kpi/" + std::to_string(created.json()["id"].get<std::int64_t>());
  REQUIRE(send_json(port, "PUT", kpi + "/periods/once/units", controller, {{"unit_codes", {"1040010001"}}}).status == 200);
  Headers h = as(school);
  h["Content-Type"] = "multipart/form-data; boundary=XyZ";
  auto up = request(port, "POST", "/api/v1/files", h,
                    "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.jpg\"\r\n"
                    "Content-Type: image/jpeg\r\n\r\n" + small_jpeg() + "\r\n--XyZ--\r\n");
  INFO(up.body);
  REQUIRE(up.status == 201);
  const std::string file = up.json()["file_id"].get<std::string>();
  const std::string report = kpi + "/periods/once/reports/1040010001";
  REQUIRE(send_json(port, "PUT", report, school, {{"self_score", 4}, {"files", {{{"file_id", file}, {"description", "ภาพ"}}}}})
              .status == 200);

  const auto reviewer_id = user_id(server, "area.reviewer"), controller_id = user_id(server, "area.kpi");
  REQUIRE(get(port, report, as(reviewer)).status == 200);
  check_read(server, "kpi.report.read", reviewer_id, "1040010001");
  REQUIRE(get(port, "/api/v1/files/" + file, as(reviewer)).status == 200);
  check_read(server, "file.download", reviewer_id, "1040010001");
  CHECK(last_audit(server, "file.download")["target"] == "file:" + file);
  // The summary is polled by its screen: the minute's first read is a row at once, the
  // repeats are counted into it (audit_repeated_test.cpp), not a row each.
  for (int i = 0; i < 3; ++i) REQUIRE(get(port, kpi + "/summary", as(controller)).status == 200);
  check_read(server, "kpi.summary.read", controller_id, "1040000001");
  const auto rows = query_int(server.database(), "SELECT COUNT(*) FROM audit_log WHERE action = 'kpi.summary.read'");
  CHECK(rows >= 1);
  CHECK(rows <= 2);  // two only when the reads straddle a minute
  REQUIRE(get(port, kpi + "/periods/once/units", as(controller)).status == 200);
  check_read(server, "kpi.units.read", controller_id, "1040000001");
  for (const char* format : {"csv", "xlsx"}) {
    REQUIRE(get(port, kpi + "/export." + format, as(controller)).status == 200);
    check_read(server, "kpi.units.export", controller_id, "1040000001");
    CHECK(last_audit(server, "kpi.units.export")["detail"]["format"] == format);
    REQUIRE(get(port, std::string("/api/v1/kpi/export.") + format + "?year=2567", as(controller)).status == 200);
    check_read(server, "kpi.export", controller_id, "1040000001");
  }
}

TEST_CASE("audit: an admin reading users is recorded, attributed to the users' organisation", "[server][audit]") {
  ServerProcess server;
  const auto port = server.port();
  const auto admin = sign_in(port, "area.admin", demo_password("area.admin"));
  REQUIRE(get(port, "/api/v1/admin/users", as(admin)).status == 200);
  check_read(server, "users.list", user_id(server, "area.admin"), "");
  const auto school = user_id(server, "1040010001");
  REQUIRE(get(port, "/api/v1/admin/users/" + std::to_string(school), as(admin)).status == 200);
  check_read(server, "user.read", user_id(server, "area.admin"), "1040010001");
}

TEST_CASE("audit: local education data reads (register, class list, counts) are recorded like the others",
          "[server][audit]") {
  ServerProcess server;
  const auto port = server.port();
  const int year = lec::current_year();
  const auto school = sign_in(port, "5110405002", demo_password("5110405002"));
  const auto lgo = sign_in(port, "lgo.bangyaphraek", demo_password("lgo.bangyaphraek"));
  const std::string at = lec::base(year) + "/institutions/5110405002";
  REQUIRE(get(port, at + "/children", as(school)).status == 200);
  check_read(server, "lec.children.read", user_id(server, "5110405002"), "5110405002");
  REQUIRE(get(port, at + "/class-list.pdf", as(school)).status == 200);
  check_read(server, "lec.class_list.print", user_id(server, "5110405002"), "5110405002");
  for (const char* format : {"csv", "xlsx"}) {
    REQUIRE(get(port, lec::base(year) + "/counts." + format + "?org=5011040500", as(lgo)).status == 200);
    check_read(server, "lec.counts.export", user_id(server, "lgo.bangyaphraek"), "5011040500");
    CHECK(last_audit(server, "lec.counts.export")["detail"]["format"] == format);
  }
}
