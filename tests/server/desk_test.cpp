// The signed-in user's desk (GET /api/v1/me/desk) for the demo roles over real HTTP: the
// kinds each role's permissions allow and nothing else, and counts that follow the work as
// it arrives and is done.
#include <catch2/catch.hpp>

#include "server/lec/lec_demo.hpp"
#include "shared/calendar/fiscal_year.hpp"
#include "shared/desk/desk.hpp"
#include "shared/lec/confirmation.hpp"
#include "tests/server/file_fixtures.hpp"
#include "tests/server/lec_helpers.hpp"
#include "tests/server/registration_helpers.hpp"
#include "tests/server/sign_in_helpers.hpp"

using namespace test_server;
using nlohmann::json;

namespace {

// kind -> the entry's JSON, read through the shared parser (as the client reads it).
std::map<std::string, domain::DeskEntry> desk_of(unsigned short port, const SignedIn& who) {
  auto r = get(port, "/api/v1/me/desk", as(who, false));
  INFO(r.body);
  REQUIRE(r.status == 200);
  auto parsed = domain::parse_desk(r.json());
  REQUIRE(parsed.ok());
  std::map<std::string, domain::DeskEntry> out;
  for (const auto& e : parsed.value()) out[std::string(domain::to_string(e.kind))] = e;
  return out;
}

std::vector<std::string> kinds(const std::map<std::string, domain::DeskEntry>& desk) {
  std::vector<std::string> out;
  for (const auto& [k, e] : desk) out.push_back(k);
  return out;
}

std::int64_t count(const std::map<std::string, domain::DeskEntry>& desk, const std::string& kind) {
  const auto it = desk.find(kind);
  REQUIRE(it != desk.end());
  REQUIRE(it->second.count.has_value());
  return *it->second.count;
}

std::string upload_evidence(unsigned short port, const SignedIn& who) {
  Headers h = as(who);
  h["Content-Type"] = "multipart/form-data; boundary=XyZ";
  const std::string body = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.jpg\"\r\n"
                           "Content-Type: image/jpeg\r\n\r\n" + tiny_jpeg() + "\r\n--XyZ--\r\n";
  auto r = request(port, "POST", "/api/v1/files", h, body);
  REQUIRE(r.status == 201);
  return r.json()["file_id"].get<std::string>();
}

using Kinds = std::vector<std::string>;

}  // namespace

TEST_CASE("desk: each demo role sees only the work its permissions allow", "[server][desk]") {
  ServerProcess server;
  const auto port = server.port();
  CHECK(get(port, "/api/v1/me/desk").status == 401);

  const std::map<std::string, Kinds> expected = {
      {"centre.reviewer", {"registrations_review"}},
      {"area.admin", {"access_requests", "audit", "users"}},
      {"area.kpi", {"kpi_manage"}},
      {"area.reviewer", {"kpi_review", "registrations_review"}},
      {"1010720001", {"kpi_report"}},
      {"5110405002", {"lec_confirm"}},
      {"lgo.bangyaphraek", {"lec_confirm"}},
      {"province.officer", {"lec_confirm"}},
  };
  for (const auto& [user, want] : expected) {
    INFO(user);
    const auto desk = desk_of(port, sign_in(port, user, demo_password(user)));
    CHECK(kinds(desk) == want);
    for (const auto& [kind, e] : desk) CHECK(e.count.has_value() == domain::info(e.kind).counted);
  }
}

TEST_CASE("desk: counts follow KPI reports, registrations, access requests and LEC confirmations", "[server][desk]") {
  ServerProcess server;
  const auto port = server.port();
  const auto today = server::lec::today_in_thailand();

  SECTION("a KPI period opens for a school: its count and days left; it sends: the reviewer's count") {
    const auto controller = sign_in(port, "area.kpi", demo_password("area.kpi"));
    const auto reviewer = sign_in(port, "area.reviewer", demo_password("area.reviewer"));
    const auto school = sign_in(port, "1040010001", demo_password("1040010001"));
    const auto other_school = sign_in(port, "1040010002", demo_password("1040010002"));
    CHECK(count(desk_of(port, school), "kpi_report") == 0);
    CHECK_FALSE(desk_of(port, school).at("kpi_report").days_left);
    CHECK(count(desk_of(port, reviewer), "kpi_review") == 0);

    const int year = domain::fiscal_year_of(today);
    const auto definition = [&](const std::string& status) {
      return json{{"year", year}, {"number", "1"}, {"name", "ระดับความสำเร็จของการประเมินภายใน"},
                  {"type", "score_1_5"}, {"criteria", {2, 3, 4, 5}}, {"cadence", "once"},
                  {"open_periods", {"once"}}, {"status", status}};
    };
    auto created = send_json(port, "POST", "/api/v1/kpi", controller, definition("open"));
    REQUIRE(created.status == 201);
    const std::string kpi = "/api/v1/kpi/" + std::to_string(created.json()["id"].get<std::int64_t>());
    REQUIRE(send_json(port, "PUT", kpi + "/periods/once/units", controller,
                      {{"unit_codes", {"1040010001", "1040010002"}}}).status == 200);
    // Each school counts its own report; the period closes at the end of the fiscal year.
    const auto school_desk = desk_of(port, school);
    CHECK(count(school_desk, "kpi_report") == 1);
    REQUIRE(school_desk.at("kpi_report").days_left);
    CHECK(*school_desk.at("kpi_report").days_left == domain::days_left(domain::fiscal_year_end(year), today));
    CHECK(count(desk_of(port, other_school), "kpi_report") == 1);

    const std::string report = kpi + "/periods/once/reports/1040010001";
    const auto file = upload_evidence(port, school);
    REQUIRE(send_json(port, "PUT", report, school,
                      {{"self_score", 4}, {"files", {{{"file_id", file}, {"description", "ภาพกิจกรรม"}}}}}).status == 200);
    CHECK(count(desk_of(port, school), "kpi_report") == 1);  // a draft is still to send
    REQUIRE(send_json(port, "POST", report + "/confirm", school).status == 200);
    CHECK(count(desk_of(port, school), "kpi_report") == 0);
    CHECK(count(desk_of(port, other_school), "kpi_report") == 1);
    CHECK(count(desk_of(port, reviewer), "kpi_review") == 1);

    // Returned for correction: back on the school's desk, off the reviewer's.
    REQUIRE(send_json(port, "POST", report + "/return", reviewer, {{"reason", "แนบภาพไม่ชัด"}}).status == 200);
    CHECK(count(desk_of(port, reviewer), "kpi_review") == 0);
    CHECK(count(desk_of(port, school), "kpi_report") == 1);
    // A closed KPI asks nobody to report.
    auto put = send_json(port, "PUT", kpi, controller, definition("closed"));
    INFO(put.body);
    REQUIRE(put.status == 200);
    CHECK(count(desk_of(port, school), "kpi_report") == 0);
  }

  SECTION("a signed letter arrives: the centre's and the area's reviewers count it; a decision takes it off") {
    const auto centre = sign_in(port, "centre.reviewer", demo_password("centre.reviewer"));
    const auto area = sign_in(port, "area.reviewer", demo_password("area.reviewer"));
    CHECK(count(desk_of(port, centre), "registrations_review") == 0);
    auto created = register_school(server, registration_body());  // 1010720001, under the area
    REQUIRE(created.status == 201);
    CHECK(count(desk_of(port, centre), "registrations_review") == 0);  // no letter yet
    TempDir dir;
    REQUIRE(run_command({"/usr/bin/convert", "-size", "400x560", "xc:white", "jpg:" + (dir / "s.jpg").string()}, {})
                .exit_code == 0);
    REQUIRE(upload_letter(server, created.json(), read_file(dir / "s.jpg"), "s.jpg").status == 200);
    CHECK(count(desk_of(port, centre), "registrations_review") == 1);
    CHECK(count(desk_of(port, area), "registrations_review") == 1);
    const auto id = std::to_string(created.json()["registration_id"].get<int>());
    REQUIRE(post_json(port, "/api/v1/review/registrations/" + id + "/reject", {{"reason", "ลายมือชื่อไม่ครบ"}}, as(centre))
                .status == 200);
    CHECK(count(desk_of(port, centre), "registrations_review") == 0);
    CHECK(count(desk_of(port, area), "registrations_review") == 0);
  }

  SECTION("an access request arrives for a school of the area: the area admin counts it until decided") {
    const auto admin = sign_in(port, "area.admin", demo_password("area.admin"));
    const auto centre_admin = sign_in(port, "centre.admin", demo_password("centre.admin"));
    CHECK(count(desk_of(port, admin), "access_requests") == 0);
    const json person = {{"title", "นางสาว"}, {"first_name", "ใจดี"}, {"last_name", "มีสุข"}, {"position", "ครู"},
                         {"phone", "0861112222"}, {"email", "jaidee@example.org"}};
    auto made = post_json(port, "/api/v1/access-requests",
                          {{"area_code", "1040000001"}, {"school_code", "1040010001"}, {"person", person},
                           {"otp_token", otp_token_for(port, "0861112222", "school_user")}});
    REQUIRE(made.status == 201);
    CHECK(count(desk_of(port, admin), "access_requests") == 1);
    CHECK(count(desk_of(port, centre_admin), "access_requests") == 1);  // the centre sees every subtree
    const auto id = std::to_string(made.json()["request_id"].get<int>());
    REQUIRE(post_json(port, "/api/v1/admin/access-requests/" + id + "/reject", {{"reason", "ไม่ใช่บุคลากร"}}, as(admin))
                .status == 200);
    CHECK(count(desk_of(port, admin), "access_requests") == 0);
  }

  SECTION("local education data: unconfirmed nodes of the subtree and the days to one's own deadline") {
    const auto school = sign_in(port, "5110405002", demo_password("5110405002"));
    const auto lgo = sign_in(port, "lgo.bangyaphraek", demo_password("lgo.bangyaphraek"));
    const int year = lec::current_year();
    const auto progress = lec::call(port, lgo, "GET", lec::base(year) + "/progress?org=5011040500");
    REQUIRE(progress.status == 200);
    const json node = progress.json();
    std::int64_t done = node["confirmed"].get<bool>() ? 1 : 0, total = 1;  // the LGO itself
    for (const auto& b : node["below"]) done += b["done"].get<int>(), total += b["total"].get<int>();
    const auto lgo_desk = desk_of(port, lgo);
    CHECK(count(lgo_desk, "lec_confirm") == total - done);
    REQUIRE(lgo_desk.at("lec_confirm").days_left);
    const auto deadline = domain::parse_iso_date(node["deadline"].get<std::string>()).value();
    CHECK(*lgo_desk.at("lec_confirm").days_left == domain::days_left(deadline, today));

    CHECK(count(desk_of(port, school), "lec_confirm") == 1);
    REQUIRE(lec::confirm(port, school, year, "5110405002") == 201);
    CHECK(count(desk_of(port, school), "lec_confirm") == 0);
    CHECK(count(desk_of(port, lgo), "lec_confirm") == total - done - 1);
  }
}
