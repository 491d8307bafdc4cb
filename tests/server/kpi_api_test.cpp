// The KPI API over loopback HTTP against the real server binary, signed in as the demo
// accounts through the real Guard (session cookie + CSRF).
#include <catch2/catch.hpp>

#include "tests/server/file_fixtures.hpp"
#include "tests/server/sign_in_helpers.hpp"

using namespace test_server;
using nlohmann::json;

namespace {

std::string upload(unsigned short port, const SignedIn& who, const std::string& name, const std::string& bytes) {
  Headers h = as(who);
  h["Content-Type"] = "multipart/form-data; boundary=XyZ";
  const std::string body = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name +
                           "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + bytes + "\r\n--XyZ--\r\n";
  auto r = request(port, "POST", "/api/v1/files", h, body);
  INFO(r.body);
  REQUIRE(r.status == 201);
  CHECK(r.json()["sha256"].get<std::string>().size() == 64);
  return r.json()["file_id"].get<std::string>();
}

}  // namespace

TEST_CASE("KPI over HTTP: the whole round with the demo accounts, and who may do what", "[server][kpi][http]") {
  ServerProcess server;
  const auto port = server.port();
  const auto controller = sign_in(port, "area.kpi", demo_password("area.kpi"));
  const auto reviewer = sign_in(port, "area.reviewer", demo_password("area.reviewer"));
  const auto school1 = sign_in(port, "1040010001", demo_password("1040010001"));
  const auto school2 = sign_in(port, "1040010002", demo_password("1040010002"));

  auto created = send_json(port, "POST", "/api/v1/kpi", controller,
                           {{"year", 2567}, {"number", "1"}, {"name", "ระดับความสำเร็จของการประเมินภายใน"},
                            {"type", "score_1_5"}, {"criteria", {2, 3, 4, 5}}, {"cadence", "half_year"},
                            {"open_periods", {"h1", "h2"}}, {"status", "open"}});
  INFO(created.body);
  REQUIRE(created.status == 201);
  const std::string kpi = "/api/v1/kpi/" + std::to_string(created.json()["id"].get<std::int64_t>());
  CHECK(created.json()["office_code"] == "1040000001");

  // Without the CSRF header a state change is refused by the Guard.
  auto no_csrf = request(port, "PUT", kpi + "/periods/h1/units", as(controller, false), R"({"unit_codes":[]})");
  CHECK(no_csrf.status == 403);

  auto units = send_json(port, "PUT", kpi + "/periods/h1/units", controller,
                         {{"unit_codes", {"1010720001", "1040010001", "1040010002"}}});
  INFO(units.body);
  REQUIRE(units.status == 200);
  CHECK(units.json()["total"] == 3);

  const std::string report = kpi + "/periods/h1/reports/1040010001";
  const auto f1 = upload(port, school1, "photo.jpg", tiny_jpeg());
  const auto f2 = upload(port, school1, "report.pdf", tiny_pdf("report"));
  // A scanned report of a few MB goes through; one over 10 MB is refused by name, not cut off.
  const std::string big_pdf = tiny_pdf(std::string(4 * 1024 * 1024, 'x'));
  CHECK_FALSE(upload(port, school1, "scan.pdf", big_pdf).empty());
  {
    Headers h = as(school1);
    h["Content-Type"] = "multipart/form-data; boundary=XyZ";
    const std::string body = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.pdf\"\r\n\r\n%PDF-1.4" +
                             std::string(10 * 1024 * 1024, 'x') + "\r\n--XyZ--\r\n";
    auto huge = request(port, "POST", "/api/v1/files", h, body);
    CHECK(huge.status == 413);
    CHECK(huge.json()["error"]["code"] == "file_too_large");
  }
  auto draft = send_json(port, "PUT", report, school1,
                         {{"self_score", 4},
                          {"files", {{{"file_id", f1}, {"description", "ภาพกิจกรรม"}}, {{"file_id", f2}, {"description", "รายงาน"}}}}});
  INFO(draft.body);
  REQUIRE(draft.status == 200);
  REQUIRE(send_json(port, "POST", report + "/confirm", school1).status == 200);
  CHECK(send_json(port, "POST", report + "/confirm", school1).json()["error"]["code"] == "report_already_confirmed");

  // School 2 of the same area cannot read or write school 1's report.
  CHECK(get(port, report, as(school2)).status == 403);
  CHECK(send_json(port, "PUT", report, school2, {{"self_score", 1}}).status == 403);
  CHECK(get(port, "/api/v1/files/" + f1, as(school2)).status == 404);

  CHECK(get(port, "/api/v1/files/" + f1, as(reviewer)).status == 200);
  auto reviewed = send_json(port, "POST", report + "/review", reviewer, {{"score", 3}, {"comment", "ดี"}});
  INFO(reviewed.body);
  REQUIRE(reviewed.status == 200);

  auto summary = get(port, kpi + "/summary", as(controller));
  REQUIRE(summary.status == 200);
  const json h1 = summary.json()["periods"][0];
  CHECK(h1["submitted"] == 1);
  CHECK(h1["reviewed"] == 1);
  CHECK(h1["total"] == 3);
  CHECK(h1["avg_self"] == 4.0);
  CHECK(h1["avg_review"] == 3.0);
  CHECK(get(port, "/api/v1/notifications", as(school1)).json().size() == 1);
  // ... and by SMS: the area's reviewer of the submission, the school of its score.
  auto to_reviewer = get(port, "/api/v1/dev/outbox?phone=0800000005");
  REQUIRE(to_reviewer.json().size() == 1);
  CHECK(to_reviewer.json()[0]["text"].get<std::string>().find("1040010001") != std::string::npos);
  CHECK(get(port, "/api/v1/dev/outbox?phone=0800000012").json().size() == 1);

  // A KPI of another area office: invisible and untouchable for this area's staff.
  execute(server.database(),
          "INSERT INTO kpis (office_code, year, number, name, description, type, criteria, owner_group, cadence, "
          "open_periods, status) VALUES ('1040000002', 2567, '1', 'เขต 2', '', 'score_1_5', '[]', '', 'once', "
          "'[\"once\"]', 'open')");
  const std::string other = "/api/v1/kpi/" + std::to_string(query_int(server.database(), "SELECT MAX(id) FROM kpis"));
  CHECK(get(port, other, as(controller)).status == 404);
  CHECK(send_json(port, "PUT", other + "/periods/once/units", controller, {{"unit_codes", json::array()}}).status == 404);
  CHECK(send_json(port, "POST", "/api/v1/kpi", controller,
                  {{"office_code", "1040000002"}, {"year", 2567}, {"number", "2"}, {"name", "x"}, {"type", "percentage"},
                   {"cadence", "once"}})
            .status == 403);

  // The public page needs no login and shows aggregates only.
  auto stats = get(port, "/api/v1/public/stats?year=2567");
  REQUIRE(stats.status == 200);
  CHECK(stats.body.find("ระดับความสำเร็จของการประเมินภายใน") != std::string::npos);
  CHECK(stats.body.find("1040010001") == std::string::npos);
  CHECK(get(port, "/api/v1/kpi?year=2567").status == 401);

  auto xlsx = get(port, kpi + "/export.xlsx", as(controller));
  CHECK(xlsx.status == 200);
  CHECK(xlsx.body.rfind("PK", 0) == 0);
}
