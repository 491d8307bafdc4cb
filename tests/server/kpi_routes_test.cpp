// The KPI endpoints through the real router, store and SQLite file, with callers given
// directly (the accounts Guard is the boundary: its own tests cover sign-in). Covers the
// whole flow, every bad input of api.md and the authorisation rules.
#include <catch2/catch.hpp>

#include "tests/server/kpi_fixture.hpp"

using namespace server;
using namespace kpi_fixture;
using nlohmann::json;
using domain::Permission;

TEST_CASE("KPI API: define, assign, report with evidence, confirm, review; the summary shows [1/1/3]", "[server][kpi][api]") {
  Api api;
  const auto id = set_up(api);
  const std::string r1 = report_path(id, "h1", kSchool1);

  const auto f1 = api.upload(kSchool1, "กิจกรรม.jpg", kJpeg);
  const auto f2 = api.upload(kSchool1, "รายงาน.pdf", kPdf);
  auto draft = api.put(r1, kSchool1, {{"self_score", 4}, {"files", {{{"file_id", f1}, {"description", "ภาพกิจกรรม"}}, {{"file_id", f2}, {"description", "รายงานผล"}}}}});
  INFO(draft.body);
  REQUIRE(draft.status == 200);
  CHECK(draft.j()["status"] == "draft");
  CHECK(draft.j()["files"].size() == 2);
  // The office's summary is served from a cache: every write must show at once.
  const std::string summary_path = "/api/v1/kpi/" + std::to_string(id) + "/summary";
  CHECK(api.get(summary_path, "area.kpi").j()["periods"][0]["submitted"] == 0);
  CHECK(api.get(summary_path, "area.reviewer").j()["periods"][0]["submitted"] == 0);
  REQUIRE(api.post(r1 + "/confirm", kSchool1, json::object()).status == 200);
  CHECK(api.get(summary_path, "area.kpi").j()["periods"][0]["submitted"] == 1);

  auto queue = api.get("/api/v1/kpi/queue?year=2567", "area.reviewer");
  REQUIRE(queue.j().size() == 1);
  CHECK(queue.j()[0]["unit_code"] == kSchool1);
  CHECK(api.notifications_to(kArea) == 1);

  // The reviewer opens the evidence: the image inline, the PDF as a download.
  auto image = api.get("/api/v1/files/" + f1, "area.reviewer");
  CHECK(image.status == 200);
  CHECK(image.body == kJpeg);
  CHECK(image.content_type == "image/jpeg");
  CHECK(api.get("/api/v1/files/" + f2, "area.reviewer").body == kPdf);

  auto reviewed = api.post(r1 + "/review", "area.reviewer", {{"score", 3}, {"comment", "หลักฐานครบ"}});
  INFO(reviewed.body);
  REQUIRE(reviewed.status == 200);
  CHECK(reviewed.j()["status"] == "reviewed");
  CHECK(api.notifications_to(kSchool1) == 1);

  auto summary = api.get("/api/v1/kpi/" + std::to_string(id) + "/summary", "area.kpi");
  REQUIRE(summary.status == 200);
  const json h1 = summary.j()["periods"][0];
  CHECK(h1["period"] == "h1");
  CHECK(h1["submitted"] == 1);
  CHECK(h1["reviewed"] == 1);
  CHECK(h1["total"] == 3);
  CHECK(h1["avg_self"] == 4.0);
  CHECK(h1["avg_review"] == 3.0);
  REQUIRE(h1["units"].size() == 3);
  CHECK(h1["units"][0]["unit_code"] == kSchool3);  // ordered by code
  CHECK(h1["units"][0]["status"] == "waiting_submit");
  CHECK(h1["units"][1]["unit_code"] == kSchool1);
  CHECK(h1["units"][1]["self_score"] == 4.0);
  CHECK(h1["units"][1]["reporter"] == kSchool1);
  CHECK(h1["units"][1]["review_score"] == 3.0);
  CHECK(h1["units"][1]["reviewer"] == "area.reviewer");

  // A school sees only its own line; the list shows where it may report.
  auto own = api.get("/api/v1/kpi/" + std::to_string(id) + "/summary", kSchool2);
  CHECK(own.j()["periods"][0]["units"].size() == 1);
  auto list = api.get("/api/v1/kpi?year=2567", kSchool2);
  REQUIRE(list.j().size() == 1);
  CHECK(list.j()[0]["periods"][0]["mine"]["can_report"] == true);
  CHECK(list.j()[0]["periods"][0]["submitted"] == 1);
  CHECK_FALSE(list.j()[0]["periods"][1].contains("mine"));  // not assigned in h2

  // Cancel the review, return with a reason: the school sees it in the thread.
  REQUIRE(api.del(r1 + "/review", "area.reviewer").status == 200);
  CHECK(api.post(r1 + "/return", "area.reviewer", {{"reason", " "}}).code() == "reason_required");
  REQUIRE(api.post(r1 + "/return", "area.reviewer", {{"reason", "ขาดภาพถ่ายกิจกรรม"}}).status == 200);
  auto back = api.get(r1, kSchool1);
  CHECK(back.j()["status"] == "returned");
  CHECK(back.j()["return_reason"] == "ขาดภาพถ่ายกิจกรรม");
  CHECK(back.j()["comments"].size() == 3);
  // The school's list carries the state, the scores and the reason of its own report.
  const json mine = api.get("/api/v1/kpi?year=2567", kSchool1).j()[0]["periods"][0]["mine"];
  CHECK(mine["status"] == "returned");
  CHECK(mine["self_score"] == 4.0);
  CHECK(mine["return_reason"] == "ขาดภาพถ่ายกิจกรรม");
  CHECK(api.post(r1 + "/comments", kSchool1, {{"body", "แนบเพิ่มแล้วค่ะ"}}).status == 201);
}

TEST_CASE("KPI API: each bad input gets its error and changes nothing", "[server][kpi][api][bad-input]") {
  Api api;
  const auto id = set_up(api);
  const std::string r1 = report_path(id, "h1", kSchool1);
  const auto f1 = api.upload(kSchool1, "a.jpg", kJpeg);
  const auto before = [&] { return api.get("/api/v1/kpi/" + std::to_string(id) + "/summary", "area.kpi").body; };
  REQUIRE(api.put(r1, kSchool1, {{"self_score", 4}, {"files", {{{"file_id", f1}, {"description", "ภาพ"}}}}}).status == 200);
  const std::string saved = api.get(r1, kSchool1).body;
  const std::string summary0 = before();

  SECTION("a score outside the type's range") {
    auto r = api.put(r1, kSchool1, {{"self_score", 6}});
    CHECK(r.status == 400);
    CHECK(r.code() == "score_range");
    CHECK(r.field() == "self_score");
  }
  SECTION("an 11th file") {
    json files = json::array();
    for (int i = 0; i < 11; ++i) files.push_back({{"file_id", api.upload(kSchool1, "p.jpg", kJpeg + std::to_string(i))}, {"description", "ภาพ"}});
    auto r = api.put(r1, kSchool1, {{"self_score", 4}, {"files", files}});
    CHECK(r.status == 400);
    CHECK(r.code() == "files_too_many");
  }
  SECTION("confirming with a file not described yet") {
    const auto f2 = api.upload(kSchool1, "b.jpg", kJpeg + std::string("2"));
    REQUIRE(api.put(r1, kSchool1, {{"self_score", 4}, {"files", {{{"file_id", f1}, {"description", "ภาพ"}}, {{"file_id", f2}}}}}).status == 200);
    const std::string undescribed = api.get(r1, kSchool1).body;
    const std::string summary1 = before();
    auto r = api.post(r1 + "/confirm", kSchool1, json::object());
    CHECK(r.status == 400);
    CHECK(r.code() == "evidence_description_required");
    CHECK(r.field() == "files[1].description");
    CHECK(api.get(r1, kSchool1).body == undescribed);  // still a draft, both files kept
    CHECK(json::parse(undescribed)["files"].size() == 2);
    CHECK(before() == summary1);
    return;
  }
  SECTION("a report for an unassigned school") {
    api.users[kSchool4] = {99, kSchool4, kSchool4, {{Permission::report_submit, kSchool4}}};
    auto r = api.put(report_path(id, "h1", kSchool4), kSchool4, {{"self_score", 4}});
    CHECK(r.status == 409);
    CHECK(r.code() == "unit_not_assigned");
  }
  SECTION("a closed period and a closed KPI") {
    auto closed_period = half_year();
    closed_period["open_periods"] = {"h2"};
    REQUIRE(api.put("/api/v1/kpi/" + std::to_string(id), "area.kpi", closed_period).status == 200);
    CHECK(api.put(r1, kSchool1, {{"self_score", 3}}).code() == "period_closed");
    auto closed = half_year();
    closed["status"] = "closed";
    REQUIRE(api.put("/api/v1/kpi/" + std::to_string(id), "area.kpi", closed).status == 200);
    auto r = api.put(r1, kSchool1, {{"self_score", 3}});
    CHECK(r.status == 409);
    CHECK(r.code() == "kpi_closed");
    REQUIRE(api.put("/api/v1/kpi/" + std::to_string(id), "area.kpi", half_year()).status == 200);  // reopened
  }
  SECTION("removing a unit that has reported") {
    auto r = api.put("/api/v1/kpi/" + std::to_string(id) + "/periods/h1/units", "area.kpi", {{"unit_codes", {kSchool2, kSchool3}}});
    CHECK(r.status == 409);
    CHECK(r.code() == "unit_has_reported");
  }
  SECTION("confirming twice") {
    REQUIRE(api.post(r1 + "/confirm", kSchool1, json::object()).status == 200);
    const std::string confirmed = api.get(r1, kSchool1).body;
    const std::string summary1 = before();
    auto r = api.post(r1 + "/confirm", kSchool1, json::object());
    CHECK(r.status == 409);
    CHECK(r.code() == "report_already_confirmed");
    CHECK(api.get(r1, kSchool1).body == confirmed);
    CHECK(before() == summary1);
    return;
  }
  SECTION("a malformed period id") {
    auto r = api.put(report_path(id, "h3", kSchool1), kSchool1, {{"self_score", 4}});
    CHECK(r.status == 400);
    CHECK(r.code() == "period_invalid");
    CHECK(r.field() == "period");
    CHECK(api.put(report_path(id, "m01", kSchool1), kSchool1, {{"self_score", 4}}).code() == "period_not_in_cadence");
  }
  SECTION("a wrong file type, judged by its bytes") {
    const std::string boundary = "b0";
    auto r = api.call(http::Verb::post, "/api/v1/files", kSchool1,
                      "--b0\r\nContent-Disposition: form-data; name=\"file\"; filename=\"virus.jpg\"\r\n\r\nMZ\x90\r\n--b0--\r\n",
                      "multipart/form-data; boundary=b0");
    CHECK(r.status == 415);
    CHECK(r.code() == "file_type");
  }
  CHECK(api.get(r1, kSchool1).body == saved);
  CHECK(before() == summary0);
}

TEST_CASE("KPI API: schools and areas stay inside their own data", "[server][kpi][api][authorisation]") {
  Api api;
  const auto id = set_up(api);
  const std::string r1 = report_path(id, "h1", kSchool1);
  const auto f1 = api.upload(kSchool1, "a.jpg", kJpeg);
  REQUIRE(api.put(r1, kSchool1, {{"self_score", 4}, {"files", {{{"file_id", f1}, {"description", "ภาพ"}}}}}).status == 200);
  REQUIRE(api.post(r1 + "/confirm", kSchool1, json::object()).status == 200);

  // Another school of the same area: cannot read or write school 1's report or files.
  CHECK(api.get(r1, kSchool2).status == 403);
  CHECK(api.put(r1, kSchool2, {{"self_score", 1}}).status == 403);
  CHECK(api.post(r1 + "/unconfirm", kSchool2, json::object()).status == 403);
  CHECK(api.get("/api/v1/files/" + f1, kSchool2).status == 404);
  // ... nor use school 1's file in its own report.
  CHECK(api.put(report_path(id, "h1", kSchool2), kSchool2, {{"files", {{{"file_id", f1}, {"description", "x"}}}}}).code() ==
        "file_not_found");
  // A school does not review, nor manage.
  CHECK(api.post(r1 + "/review", kSchool1, {{"score", 5}}).status == 403);
  CHECK(api.post("/api/v1/kpi", kSchool1, half_year("9")).status == 403);

  // The controller and reviewer of area B cannot touch area A.
  CHECK(api.get("/api/v1/kpi/" + std::to_string(id), "other.kpi").status == 404);
  CHECK(api.put("/api/v1/kpi/" + std::to_string(id), "other.kpi", half_year()).status == 404);
  CHECK(api.put("/api/v1/kpi/" + std::to_string(id) + "/periods/h1/units", "other.kpi", {{"unit_codes", json::array()}}).status == 404);
  json into_a = half_year("2");
  into_a["office_code"] = kArea;
  CHECK(api.post("/api/v1/kpi", "other.kpi", into_a).status == 403);
  CHECK(api.post(r1 + "/review", "other.reviewer", {{"score", 1}}).status == 404);
  CHECK(api.get("/api/v1/kpi?year=2567", "other.kpi").j().empty());
  CHECK(api.get("/api/v1/kpi/" + std::to_string(id) + "/export.csv", "other.kpi").status == 404);
  // Area A's controller cannot assign area B's school.
  auto outside = api.put("/api/v1/kpi/" + std::to_string(id) + "/periods/h2/units", "area.kpi", {{"unit_codes", {kOtherSchool}}});
  CHECK(outside.code() == "unit_outside_office");
  // Nobody signed in: 401.
  CHECK(api.get("/api/v1/kpi?year=2567", "").status == 401);
  CHECK(api.get(r1 + "", "").status == 401);
}

TEST_CASE("KPI API: select all, copy a year, exports and public statistics", "[server][kpi][api]") {
  Api api;
  const auto id = set_up(api);
  auto all = api.put("/api/v1/kpi/" + std::to_string(id) + "/periods/h2/units", "area.kpi", {{"all_schools", true}});
  REQUIRE(all.status == 200);
  CHECK(all.j()["total"] == 4);  // every school of the area, none of area B

  auto copied = api.post("/api/v1/kpi/copy", "area.kpi", {{"year", 2567}});
  REQUIRE(copied.status == 201);
  CHECK(copied.j()["copied"] == 1);
  CHECK(api.get("/api/v1/kpi?year=2568", "area.kpi").j().size() == 1);

  auto csv = api.get("/api/v1/kpi/export.csv?year=2567", "area.kpi");
  REQUIRE(csv.status == 200);
  CHECK(csv.body.rfind("\xEF\xBB\xBF" "เลขตัวชี้วัด,ชื่อตัวชี้วัด,รอบการรายงาน", 0) == 0);
  CHECK(csv.body.find("รอบ 6 เดือน") != std::string::npos);
  auto xlsx = api.get("/api/v1/kpi/" + std::to_string(id) + "/export.xlsx", "area.kpi");
  REQUIRE(xlsx.status == 200);
  CHECK(xlsx.body.rfind("PK\x03\x04", 0) == 0);
  auto units_csv = api.get("/api/v1/kpi/" + std::to_string(id) + "/export.csv", "area.kpi");
  CHECK(units_csv.body.find("โรงเรียนบ้านหนึ่ง") != std::string::npos);

  // Public: no login, aggregates only, counts under 3 hidden.
  auto stats = api.get("/api/v1/public/stats?year=2567", "");
  REQUIRE(stats.status == 200);
  const json k = stats.j()["kpis"][0];
  CHECK(k["name"] == "ระดับความสำเร็จในการบริหารจัดการ");
  CHECK(k["periods"][0]["total"] == 3);
  CHECK(k["periods"][0]["submitted"].is_null());  // 0 < 3
  CHECK(stats.body.find(kSchool1) == std::string::npos);
  CHECK(api.get("/api/v1/public/stats?year=25x7", "").code() == "fiscal_year_format");
}

TEST_CASE("KPI API: the office itself reports beside its schools; units elsewhere are refused", "[server][kpi][api][units]") {
  Api api;
  const auto id = set_up(api);
  const std::string units = "/api/v1/kpi/" + std::to_string(id) + "/periods/h2/units";
  // The picker offers the office itself, apart from its schools.
  auto picker = api.get(units, "area.kpi");
  REQUIRE(picker.status == 200);
  REQUIRE(picker.j()["offices"].size() >= 1);
  CHECK(picker.j()["offices"][0]["code"] == kArea);
  for (const auto& s : picker.j()["schools"]) CHECK(s["code"] != kArea);

  auto assigned = api.put(units, "area.kpi", {{"unit_codes", {kArea, kSchool1}}});
  INFO(assigned.body);
  REQUIRE(assigned.status == 200);
  CHECK(assigned.j()["total"] == 2);
  // The office's reporter sees the period as its own and reports like a school.
  api.users["area.reporter"] = {98, "area.reporter", kArea, {{Permission::report_submit, kArea}}};
  const json mine = api.get("/api/v1/kpi?year=2567", "area.reporter").j()[0]["periods"][1]["mine"];
  CHECK(mine["unit_code"] == kArea);
  const std::string own = report_path(id, "h2", kArea);
  REQUIRE(api.put(own, "area.reporter", {{"self_score", 5}}).status == 200);
  CHECK(api.post(own + "/confirm", "area.reporter", json::object()).status == 200);

  // Another area's office is outside, with the field named; nothing changes.
  auto outside = api.put(units, "area.kpi", {{"unit_codes", {kArea, kOtherArea}}});
  CHECK(outside.status == 400);
  CHECK(outside.code() == "unit_outside_office");
  CHECK(outside.field() == "unit_codes[1]");
  CHECK(api.get(units, "area.kpi").j()["units"].size() == 2);
}
