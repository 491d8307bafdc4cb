// Issue 11, defects 6 and 7 over real HTTP: control and direction characters refused in
// free text (they were stored and came out raw in CSV exports), a CSV cell never starts a
// formula, and wrong JSON types answer 400 naming the field (some answered 500 or were
// taken as empty text).
#include <catch2/catch.hpp>

#include "server/kpi/table_export.hpp"
#include "tests/server/lec_helpers.hpp"

using namespace test_server;
using nlohmann::json;

namespace {

json kpi_body(const std::string& number, const std::string& name) {
  return {{"year", 2567}, {"number", number}, {"name", name}, {"type", "score_1_5"}, {"criteria", {2, 3, 4, 5}},
          {"cadence", "once"}, {"open_periods", {"once"}}, {"status", "open"}};
}

// Each CSV line's cells, naively split (the test's cells hold no commas or quotes).
std::vector<std::string> cells_of(const std::string& csv) {
  std::vector<std::string> out;
  std::string cell;
  for (char c : csv) {
    if (c == ',' || c == '\n' || c == '\r') {
      if (!cell.empty()) out.push_back(cell);
      cell.clear();
    } else {
      cell += c;
    }
  }
  if (!cell.empty()) out.push_back(cell);
  return out;
}

}  // namespace

TEST_CASE("free text with NUL, ESC or RIGHT-TO-LEFT OVERRIDE is refused naming the field, and not stored",
          "[server][text][bad-input]") {
  ServerProcess server;
  const auto port = server.port();
  const auto kpi = sign_in(port, "area.kpi", demo_password("area.kpi"));
  const auto school = sign_in(port, "5110405002", demo_password("5110405002"));
  const int year = lec::current_year();
  const auto children = query_int(server.database(), "SELECT COUNT(*) FROM lec_children");
  for (const std::string& bad : {std::string("ก\0ข", 7), std::string("ก\x1B[2Jข"), std::string("txt\xE2\x80\xAE" "fdp.exe")}) {
    CAPTURE(bad);
    auto r = lec::call(port, kpi, "POST", "/api/v1/kpi", kpi_body("9", "ตัวชี้วัด " + bad));
    CHECK(r.status == 400);
    CHECK(r.json()["error"]["code"] == "text_control_character");
    CHECK(r.json()["error"]["field"] == "name");

    json child = lec::child_body(61, "p1", year);
    child["last_name"] = "ใจ" + bad;
    auto c = lec::call(port, school, "POST", lec::base(year) + "/institutions/5110405002/children", child);
    CHECK(c.status == 400);
    CHECK(c.json()["error"]["code"] == "text_control_character");
    CHECK(c.json()["error"]["field"] == "last_name");
  }
  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM kpis") == 0);
  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM lec_children") == children);
  // A comment keeps its lines.
  auto ok = lec::call(port, kpi, "POST", "/api/v1/kpi", [] {
    auto b = kpi_body("1", "ตัวชี้วัดหนึ่ง");
    b["description"] = "ข้อหนึ่ง\r\nข้อสอง";
    return b;
  }());
  REQUIRE(ok.status == 201);
  CHECK(ok.json()["description"] == "ข้อหนึ่ง\nข้อสอง");
}

TEST_CASE("CSV exports never start a cell with a formula character", "[server][text][export]") {
  CHECK(server::kpi::formula_safe("=1+1") == "'=1+1");
  CHECK(server::kpi::formula_safe("+66 81") == "'+66 81");
  CHECK(server::kpi::formula_safe("-2") == "'-2");
  CHECK(server::kpi::formula_safe("@SUM(A1)") == "'@SUM(A1)");
  CHECK(server::kpi::formula_safe("\t=1") == "'\t=1");
  CHECK(server::kpi::formula_safe("\r=1") == "'\r=1");
  CHECK(server::kpi::formula_safe("ครู 1-2") == "ครู 1-2");
  CHECK(server::kpi::formula_safe("") == "");

  ServerProcess server;
  const auto port = server.port();
  const auto kpi = sign_in(port, "area.kpi", demo_password("area.kpi"));
  const std::vector<std::string> names = {"=HYPERLINK(\"http://evil.example\";\"x\")", "+1+1", "-1+1", "@SUM(1;1)"};
  for (std::size_t i = 0; i < names.size(); ++i)
    REQUIRE(lec::call(port, kpi, "POST", "/api/v1/kpi", kpi_body(std::to_string(i + 1), names[i])).status == 201);
  auto csv = get(port, "/api/v1/kpi/export.csv?year=2567", as(kpi));
  REQUIRE(csv.status == 200);
  INFO(csv.body);
  for (const auto& cell : cells_of(csv.body)) {
    const std::string bare = cell.front() == '"' ? cell.substr(1) : cell;
    CHECK(std::string("=+-@").find(bare.front()) == std::string::npos);
  }
  CHECK(csv.body.find("'+1+1") != std::string::npos);
  CHECK(csv.body.find("'@SUM(1;1)") != std::string::npos);
}

TEST_CASE("wrong JSON types in LEC and registration bodies are a 400 naming the field, never taken as empty",
          "[server][bad-input]") {
  ServerProcess server;
  const auto port = server.port();
  const int year = lec::current_year();
  const auto school = sign_in(port, "5110405002", demo_password("5110405002"));
  const auto province = sign_in(port, "province.officer", demo_password("province.officer"));
  const std::string reg = lec::base(year) + "/institutions/5110405002/children";
  const auto id = std::to_string(lec::add_child(port, school, year, "5110405002", lec::child_body(71, "p1", year)));

  // A removal note of another type was dropped silently; a reason of another type read as missing.
  auto note = lec::call(port, school, "POST", reg + "/" + id + "/remove", {{"reason", "moved"}, {"note", 42}});
  CHECK(note.status == 400);
  CHECK(note.json()["error"]["code"] == "wrong_type");
  CHECK(note.json()["error"]["field"] == "note");
  auto reason = lec::call(port, school, "POST", reg + "/" + id + "/remove", {{"reason", {"moved"}}});
  CHECK(reason.json()["error"]["code"] == "wrong_type");
  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM lec_children WHERE id = " + id + " AND status = 'attending'") == 1);

  // A spot check's note of another type was dropped; its size as text was not a type error.
  auto drawn = lec::call(port, province, "POST", lec::base(year) + "/spot-checks?org=5011000000", {{"institutions", "2"}});
  CHECK(drawn.status == 400);
  CHECK(drawn.json()["error"]["code"] == "wrong_type");
  CHECK(drawn.json()["error"]["field"] == "institutions");

  // OTP: a phone of another type was "required"; a registration's token of another type "otp_token_required".
  auto otp = post_json(port, "/api/v1/otp", {{"phone", 812345678}, {"purpose", "registration"}});
  CHECK(otp.status == 400);
  CHECK(otp.json()["error"]["code"] == "wrong_type");
  CHECK(otp.json()["error"]["field"] == "phone");
  auto verify = post_json(port, "/api/v1/otp/verify", {{"otp_id", "x"}, {"code", 123456}});
  CHECK(verify.json()["error"]["code"] == "wrong_type");
  CHECK(verify.json()["error"]["field"] == "code");
  auto resume = post_json(port, "/api/v1/registrations/resume", {{"institution_code", "1010720001"}, {"otp_token", 7}});
  CHECK(resume.json()["error"]["code"] == "wrong_type");
  CHECK(resume.json()["error"]["field"] == "otp_token");
}

TEST_CASE("a null grant list is refused, not taken as no grants", "[server][bad-input]") {
  ServerProcess server;
  const auto port = server.port();
  const auto admin = sign_in(port, "area.admin", demo_password("area.admin"));
  const std::string id = query_text(server.database(), "SELECT id FROM users WHERE username = '1040010002'");
  const std::string count = "SELECT COUNT(*) FROM grants WHERE user_id = " + id;
  const auto before = query_int(server.database(), count);
  REQUIRE(before > 0);
  auto r = lec::call(port, admin, "PUT", "/api/v1/admin/users/" + id + "/grants", {{"grants", nullptr}});
  CHECK(r.status == 400);
  CHECK(r.json()["error"]["code"] == "required");
  CHECK(r.json()["error"]["field"] == "grants");
  CHECK(query_int(server.database(), count) == before);
}
