// Issue 11: the bad-input sweep over every JSON write endpoint (the table below). Each
// field gets wrong JSON types, null, a 900 KB string, "" and NUL / ESC / RIGHT-TO-LEFT
// OVERRIDE, in an otherwise good body, from a user who may write there: 400 naming the
// field, and no table but the logs changes. A new JSON write endpoint belongs in the table.
#include <catch2/catch.hpp>

#include <map>

#include "shared/calendar/buddhist_date.hpp"
#include "tests/server/file_fixtures.hpp"
#include "tests/server/bad_input_sweep.hpp"
#include "tests/server/lec_helpers.hpp"
#include "tests/server/registration_helpers.hpp"

using namespace test_server;
using namespace test_server::sweep;
using nlohmann::json;

namespace {

std::string upload(unsigned short port, const SignedIn& who, const std::string& name) {
  Headers h = as(who);
  h["Content-Type"] = "multipart/form-data; boundary=XyZ";
  const std::string body = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name +
                           "\"\r\nContent-Type: application/pdf\r\n\r\n" + tiny_pdf("sweep") + "\r\n--XyZ--\r\n";
  auto r = request(port, "POST", "/api/v1/files", h, body);
  INFO(r.body);
  REQUIRE(r.status == 201);
  return r.json()["file_id"];
}

json profile(const std::string& first, const std::string& phone) {
  return {{"title", "นาง"}, {"first_name", first}, {"last_name", "ใจดี"}, {"position", "ครู"}, {"phone", phone},
          {"email", "someone@example.org"}};
}

std::vector<Field> profile_fields(const std::string& at, bool email_required) {
  return {{at + "/title", Kind::text, true, ""},      {at + "/first_name", Kind::text, true, ""},
          {at + "/last_name", Kind::text, true, ""},  {at + "/position", Kind::text, true, ""},
          {at + "/phone", Kind::code, true, ""},      {at + "/email", Kind::code, email_required, ""}};
}

}  // namespace

TEST_CASE("bad-input sweep: every field of every JSON write endpoint is refused naming it, nothing changes",
          "[server][sweep][bad-input]") {
  ServerProcess server;
  const auto port = server.port();
  const int year = lec::current_year();
  const int next_ce = domain::to_ce_year(year) + 1;
  std::map<std::string, SignedIn> users;
  for (const char* u : {"area.admin", "area.kpi", "area.reviewer", "centre.reviewer", "1040010001", "1040010002", "5110405001",
                        "5110405002", "lgo.bangyaphraek", "dla.officer", "province.officer"})
    users.emplace(u, sign_in(port, u, demo_password(u)));

  // What the endpoints act on: a KPI with a confirmed report, a registration, a child, a spot check.
  const auto kpi_body = json{{"year", 2567}, {"number", "1"}, {"name", "ระดับความสำเร็จ"}, {"description", "วัดผล"},
                             {"type", "score_1_5"}, {"criteria", {2, 3, 4, 5}}, {"owner_group", "กลุ่มนิเทศ"},
                             {"cadence", "half_year"}, {"open_periods", {"h1", "h2"}}, {"status", "open"}};
  auto created = lec::call(port, users.at("area.kpi"), "POST", "/api/v1/kpi", kpi_body);
  REQUIRE(created.status == 201);
  const std::string kpi = "/api/v1/kpi/" + std::to_string(created.json()["id"].get<std::int64_t>());
  REQUIRE(lec::call(port, users.at("area.kpi"), "PUT", kpi + "/periods/h1/units", {{"unit_codes", {"1040010001", "1040010002"}}}).status == 200);
  const std::string report = kpi + "/periods/h1/reports/1040010001";
  const std::string evidence = upload(port, users.at("1040010001"), "evidence.pdf");
  const json draft = {{"self_score", 4}, {"files", {{{"file_id", evidence}, {"description", "รายงาน"}}}}};
  REQUIRE(lec::call(port, users.at("1040010001"), "PUT", report, draft).status == 200);
  REQUIRE(lec::call(port, users.at("1040010001"), "POST", report + "/confirm", json::object()).status == 200);
  const std::string document = upload(port, users.at("area.kpi"), "tool.pdf");
  // The second school's report is still a draft: its fields are judged, not its state.
  const std::string drafting = kpi + "/periods/h1/reports/1040010002";
  const json draft2 = {{"self_score", 3}, {"files", {{{"file_id", upload(port, users.at("1040010002"), "e2.pdf")}, {"description", "ผล"}}}}};

  auto registered = register_school(server, registration_body());
  REQUIRE(registered.status == 201);
  const std::string registration = std::to_string(registered.json()["registration_id"].get<std::int64_t>());
  const std::string managed = query_text(server.database(), "SELECT id FROM users WHERE username = '1040010002'");
  REQUIRE(!managed.empty());

  const std::string lec = lec::base(year);
  const std::string register_path = lec + "/institutions/5110405002/children";
  const json child = lec::child_body(41, "p1", year);
  const std::string child_id = std::to_string(lec::add_child(port, users.at("5110405002"), year, "5110405002", child));
  auto drawn = lec::call(port, users.at("province.officer"), "POST", lec + "/spot-checks?org=5011000000",
                         {{"institutions", 1}, {"children", 1}});
  REQUIRE(drawn.status == 201);
  const std::string spot_item = lec + "/spot-checks/" + std::to_string(drawn.json()["id"].get<std::int64_t>()) + "/items/" +
                                std::to_string(drawn.json()["items"][0]["id"].get<std::int64_t>());

  const json grant = {{"permission", "view"}, {"org_code", "1040010002"}};
  std::vector<Field> child_fields = {{"/id_number", Kind::code, true, ""},  {"/title", Kind::text, true, ""},
                                     {"/first_name", Kind::text, true, ""}, {"/last_name", Kind::text, true, ""},
                                     {"/sex", Kind::code, true, ""},        {"/birth_date", Kind::code, true, ""},
                                     {"/level", Kind::code, true, ""},      {"/room", Kind::text, false, ""}};
  std::vector<Field> add_fields = child_fields;
  add_fields.push_back({"/move_in", Kind::boolean, false, ""});
  child_fields[0].required = false;  // an edit without an ID keeps the one on file
  std::vector<Field> kpi_fields = {
      {"/year", Kind::integer, true, ""},        {"/number", Kind::text, true, ""},   {"/name", Kind::text, true, ""},
      {"/description", Kind::text, false, ""},   {"/type", Kind::code, true, ""},     {"/criteria", Kind::array, false, ""},
      {"/owner_group", Kind::text, false, ""},   {"/cadence", Kind::code, true, ""},  {"/open_periods", Kind::array, false, ""},
      {"/status", Kind::code, false, ""}};
  std::vector<Field> kpi_create_fields = kpi_fields;
  kpi_create_fields.push_back({"/office_code", Kind::code, false, ""});
  const std::string d = std::to_string(next_ce);

  const std::vector<Endpoint> endpoints = {
      // Signing in and accounts (anonymous).
      {"POST", "/api/v1/auth/login", "", {{"username", "area.admin"}, {"password", "Not-The-Password-1"}},
       {{"/username", Kind::code, true, ""}, {"/password", Kind::secret, true, ""}}},
      {"POST", "/api/v1/auth/qr", "", {{"token", "abc"}}, {{"/token", Kind::secret, true, ""}}},
      {"POST", "/api/v1/auth/activate", "", {{"token", "abc"}, {"password", "Brand-New-Password-77"}},
       {{"/token", Kind::secret, true, ""}, {"/password", Kind::secret, true, ""}}},
      {"POST", "/api/v1/auth/forgot-password", "",
       {{"username", "area.admin"}, {"otp_token", "none"}, {"new_password", "Brand-New-Password-77"}},
       {{"/username", Kind::code, true, ""}, {"/otp_token", Kind::secret, true, ""}, {"/new_password", Kind::secret, true, ""}}},
      {"POST", "/api/v1/otp", "", {{"phone", "0812345670"}, {"purpose", "registration"}},
       {{"/phone", Kind::code, true, ""}, {"/purpose", Kind::code, true, ""}}},
      {"POST", "/api/v1/otp/verify", "", {{"otp_id", "abc"}, {"code", "123456"}},
       {{"/otp_id", Kind::secret, true, ""}, {"/code", Kind::secret, true, ""}}},
      {"POST", "/api/v1/access-requests", "",
       {{"area_code", "1040000001"}, {"school_code", "1040010001"}, {"person", profile("สมศรี", "0812345671")},
        {"otp_token", "none"}},
       [] {
         std::vector<Field> f = {{"/area_code", Kind::code, true, ""}, {"/school_code", Kind::code, true, ""},
                                 {"/person", Kind::object, true, ""},  {"/otp_token", Kind::secret, true, ""}};
         for (auto& p : profile_fields("/person", true)) f.push_back(p);
         return f;
       }()},
      // Registration (anonymous) and its review.
      {"POST", "/api/v1/registrations", "", [] { auto b = registration_body(); b["otp_token"] = "none"; return b; }(),
       [] {
         std::vector<Field> f = {{"/affiliation", Kind::code, true, ""}, {"/institution_code", Kind::code, true, ""},
                                 {"/officer", Kind::object, true, ""},    {"/officer/national_id", Kind::code, true, ""},
                                 {"/legacy", Kind::object, false, ""},    {"/legacy/tsl_username", Kind::code, false, ""},
                                 {"/otp_token", Kind::secret, true, ""},  {"/supersede", Kind::boolean, false, ""}};
         for (auto& p : profile_fields("/officer", false)) f.push_back(p);
         return f;
       }()},
      {"POST", "/api/v1/registrations/resume", "", {{"institution_code", "1010720001"}, {"otp_token", "none"}},
       {{"/institution_code", Kind::code, true, ""}, {"/otp_token", Kind::secret, true, ""}}},
      {"POST", "/api/v1/review/registrations/" + registration + "/reject", "centre.reviewer", {{"reason", "ไม่ครบ"}},
       {{"/reason", Kind::text, true, ""}}},
      // Signed-in accounts.
      {"PUT", "/api/v1/me/profile", "area.admin", profile("วิชัย", "0800000003"), profile_fields("", false)},
      {"POST", "/api/v1/auth/password", "area.reviewer",
       {{"current_password", demo_password("area.reviewer")}, {"new_password", "Brand-New-Password-77"}},
       {{"/current_password", Kind::secret, true, ""}, {"/new_password", Kind::secret, true, ""}}},
      {"POST", "/api/v1/admin/users", "area.admin", {{"username", "new.user"}, {"org_code", "1040010002"}, {"grants", {grant}}},
       {{"/username", Kind::code, true, ""}, {"/org_code", Kind::code, true, ""}, {"/grants", Kind::array, false, ""},
        {"/grants/0/permission", Kind::code, true, ""}, {"/grants/0/org_code", Kind::code, true, ""}}},
      {"PUT", "/api/v1/admin/users/" + managed + "/grants", "area.admin", {{"grants", {grant}}},
       {{"/grants", Kind::array, true, ""}, {"/grants/0/permission", Kind::code, true, ""}, {"/grants/0/org_code", Kind::code, true, ""}}},
      {"POST", "/api/v1/admin/institution-accounts", "area.admin", {{"org_code", "1040000001"}},
       {{"/org_code", Kind::code, true, ""}}},
      {"POST", "/api/v1/admin/access-requests/999999/reject", "area.admin", {{"reason", "ไม่ใช่บุคลากร"}},
       {{"/reason", Kind::text, true, ""}}},
      // KPI reporting.
      {"POST", "/api/v1/kpi", "area.kpi", [&] { auto b = kpi_body; b["number"] = "2"; b["office_code"] = "1040000001"; return b; }(),
       kpi_create_fields},
      {"PUT", kpi, "area.kpi", kpi_body, kpi_fields},
      {"POST", "/api/v1/kpi/copy", "area.kpi", {{"year", 2567}, {"office_code", "1040000001"}},
       {{"/year", Kind::integer, true, ""}, {"/office_code", Kind::code, false, ""}}},
      {"POST", kpi + "/documents", "area.kpi", {{"kind", "other"}, {"file_id", document}, {"label", "เครื่องมือ"}},
       {{"/kind", Kind::code, true, ""}, {"/file_id", Kind::code, true, ""}, {"/label", Kind::text, false, ""}}},
      {"PUT", kpi + "/periods/h1/units", "area.kpi", {{"unit_codes", {"1040010001", "1040010002"}}},
       {{"/unit_codes", Kind::array, false, ""}, {"/unit_codes/1", Kind::code, true, ""}, {"/all_schools", Kind::boolean, false, ""}}},
      {"PUT", drafting, "1040010002", draft2,
       {{"/self_score", Kind::number, false, ""}, {"/files", Kind::array, false, ""},
        {"/files/0/file_id", Kind::code, true, ""}, {"/files/0/description", Kind::text, false, ""}}},  // described before confirming
      {"POST", report + "/review", "area.reviewer", {{"score", 4}, {"comment", "ดี"}},
       {{"/score", Kind::number, true, ""}, {"/comment", Kind::text, false, ""}}},
      {"POST", report + "/return", "area.reviewer", {{"reason", "แก้ไข"}}, {{"/reason", Kind::text, true, ""}}},
      {"POST", report + "/comments", "1040010001", {{"body", "ขอบคุณ"}}, {{"/body", Kind::text, true, ""}}},
      // Local education data.
      {"POST", register_path, "5110405002", lec::child_body(42, "p1", year), add_fields},
      {"PUT", register_path + "/" + child_id, "5110405002", [&] { auto b = child; b["first_name"] = "ใหม่"; return b; }(),
       child_fields},
      {"POST", register_path + "/" + child_id + "/remove", "5110405002", {{"reason", "moved"}, {"note", "ย้าย"}},
       {{"/reason", Kind::code, true, ""}, {"/note", Kind::text, false, ""}}},
      {"PUT", lec + "/funded-schools?org=5011040500", "lgo.bangyaphraek", {{"school_codes", {"1011040001"}}},
       {{"/school_codes", Kind::array, true, ""}, {"/school_codes/0", Kind::code, true, ""}}},
      {"PUT", lec + "/funded-schools/1011040001/counts?org=5011040500", "lgo.bangyaphraek",
       {{"counts", {{"k1", 3}}}, {"closed", false}},
       {{"/counts", Kind::object, true, ""}, {"/counts/k1", Kind::integer, false, ""}, {"/closed", Kind::boolean, false, ""}}},
      {"PUT", lec + "/deadlines", "dla.officer",
       {{"institution", d + "-03-01"}, {"local_government", d + "-03-10"}, {"province", d + "-03-20"}, {"department", d + "-03-31"}},
       {{"/institution", Kind::code, true, ""}, {"/local_government", Kind::code, true, ""},
        {"/province", Kind::code, true, ""}, {"/department", Kind::code, true, ""}}},
      {"POST", lec + "/spot-checks?org=5011000000", "province.officer", {{"institutions", 1}, {"children", 1}},
       {{"/institutions", Kind::integer, false, ""}, {"/children", Kind::integer, false, ""}}},
      {"PUT", spot_item, "province.officer", {{"found", true}, {"note", "พบตัว"}},
       {{"/found", Kind::boolean, true, ""}, {"/note", Kind::text, false, ""}}},
      {"PUT", lec + "/institutions/5110405001/centre", "5110405001",
       {{"teachers", 2}, {"carers", 1}, {"rooms", 2}, {"min_age_months", 24}, {"max_age_months", 48}, {"capacity", 40}},
       {{"/teachers", Kind::integer, true, ""}, {"/carers", Kind::integer, true, ""}, {"/rooms", Kind::integer, true, ""},
        {"/min_age_months", Kind::integer, true, ""}, {"/max_age_months", Kind::integer, true, ""},
        {"/capacity", Kind::integer, true, ""}}},
  };

  const auto before = fingerprint(server.database());
  int sent = 0;
  for (const auto& e : endpoints) {
    for (const auto& f : e.fields) {
      const std::string named = f.named.empty() ? dotted(f.path) : f.named;
      for (const auto& bad : bad_values(f.kind, f.required)) {
        json body = e.good;
        const json::json_pointer at(f.path);
        if (bad.remove && body.at(at.parent_pointer()).is_array()) continue;  // an element has no "missing"
        if (bad.remove) body.at(at.parent_pointer()).erase(at.back());
        else body[at] = bad.value;
        Headers h = e.who.empty() ? Headers{} : as(users.at(e.who));
        h["Content-Type"] = "application/json";
        auto r = request(port, e.method, e.target, h, body.dump());
        ++sent;
        CAPTURE(e.method, e.target, f.path, bad.label, r.body.substr(0, 300));
        CHECK(r.status == 400);
        const json j = json::parse(r.body, nullptr, false);
        const bool has_error = j.is_object() && j.contains("error") && j["error"].is_object();
        CHECK(has_error);
        if (!has_error) continue;
        CHECK(names(j["error"].value("field", std::string()), named));
        CHECK(!j["error"].value("message_th", std::string()).empty());
        CHECK(!j["error"].value("message_en", std::string()).empty());
      }
    }
  }
  INFO(sent << " bad requests");
  CHECK(sent > 600);
  const auto after = fingerprint(server.database());
  REQUIRE(after.size() == before.size());
  for (std::size_t i = 0; i < before.size(); ++i) {
    CAPTURE(before[i].first);
    CHECK(after[i].second == before[i].second);
  }
  // A body over the 1 MiB limit is refused whole, before any handler runs.
  CHECK(lec::call(port, users.at("area.kpi"), "POST", report + "/comments", {{"body", std::string(1100000, 'a')}}).status == 413);
}
