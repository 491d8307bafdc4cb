#include <catch2/catch.hpp>

#include <set>

#include "shared/lec/child_import.hpp"

using namespace domain;

namespace {
// A national ID with a correct check digit, from 12 leading digits.
std::string nid(std::string twelve) {
  int sum = 0;
  for (int i = 0; i < 12; ++i) sum += (twelve[i] - '0') * (13 - i);
  return twelve + std::to_string((11 - sum % 11) % 10);
}
const Date kToday{2025, 6, 1};
constexpr int kYear = 2568;
const std::vector<std::string> kThaiHeader = {"ลำดับ", "เลขประจำตัวประชาชน", "คำนำหน้า", "ชื่อ", "นามสกุล",
                                              "เพศ",   "วันเกิด",            "ระดับชั้น", "ห้อง"};
std::vector<std::string> row(std::string id, std::string first, std::string level = "ป.1",
                             std::string born = "5/3/2562") {
  return {"1", std::move(id), "ด.ช.", std::move(first), "ใจดี", "ชาย", std::move(born), std::move(level), "1"};
}
bool has(const ImportResult& r, std::size_t row, const std::string& field, const std::string& code) {
  for (const auto& e : r.errors)
    if (e.row == row && e.error.field == field && e.error.code == code) return true;
  return false;
}
}  // namespace

TEST_CASE("Thai and English headers name the wire fields", "[lec]") {
  CHECK(import_column("เลขประจำตัวประชาชน") == "id_number");
  CHECK(import_column(" เลขบัตร ") == "id_number");
  CHECK(import_column("G-Code") == "id_number");
  CHECK(import_column("คำนำหน้า") == "title");
  CHECK(import_column("นามสกุล") == "last_name");
  CHECK(import_column("First Name") == "first_name");
  CHECK(import_column("วันเกิด") == "birth_date");
  CHECK(import_column("ระดับชั้น") == "level");
  CHECK(import_column("ห้อง") == "room");
  CHECK_FALSE(import_column("ลำดับ").has_value());
}

TEST_CASE("birth dates as typed: B.E., ISO and Excel day numbers", "[lec]") {
  CHECK(to_iso(parse_import_date("5/3/2562").value()) == "2019-03-05");
  CHECK(to_iso(parse_import_date("๕/๓/๒๕๖๒").value()) == "2019-03-05");
  CHECK(to_iso(parse_import_date("2019-03-05").value()) == "2019-03-05");
  CHECK(to_iso(parse_import_date("43529").value()) == "2019-03-05");
  CHECK(to_iso(date_from_excel_serial(1).value()) == "1900-01-01");
  CHECK(to_iso(date_from_excel_serial(61).value()) == "1900-03-01");
  CHECK_FALSE(date_from_excel_serial(60).has_value());
  const auto ce = parse_import_date("5/3/2019");  // C.E. typed where B.E. is expected
  REQUIRE_FALSE(ce.ok());
  CHECK(ce.error().field == "birth_date");
  CHECK(parse_import_date("").error().field == "birth_date");
  // Found by fuzz/fields_fuzz: no day number at all, or one too long for a double, threw
  // out of the import (a 500) instead of naming the cell.
  for (const std::string& bad : std::vector<std::string>{".", "..", "1.2.3", std::string(400, '9'), std::string(400, '9') + ".5"}) {
    const auto d = parse_import_date(bad);
    REQUIRE_FALSE(d.ok());
    CHECK(d.error().field == "birth_date");
  }
}

TEST_CASE("a good Thai register gives every child, rows numbered as in Excel", "[lec]") {
  ImportTable t{kThaiHeader, {row(nid("110170012345"), "สมชาย"), {}, row(nid("110170012346"), "สมศักดิ์", "อ.3", "2020-02-01")}};
  const auto r = check_import(t, kYear, kToday, InstitutionType::school);
  CHECK(r.errors.empty());
  REQUIRE(r.children.size() == 2);
  CHECK(r.children[0].row == 2);
  CHECK(r.children[0].child.first_name == "สมชาย");
  CHECK(r.children[0].child.level == Level::p1);
  CHECK(to_iso(r.children[0].child.birth_date) == "2019-03-05");
  CHECK(r.children[1].row == 4);  // the blank row 3 is skipped but still counted
  CHECK(r.children[1].child.level == Level::k3);
}

TEST_CASE("English headers in another order", "[lec]") {
  ImportTable t{{"level", "first_name", "last_name", "title", "sex", "birth_date", "id_number"},
                {{"p1", "Anan", "Dee", "ด.ช.", "m", "2019-03-05", nid("110170012345")}}};
  const auto r = check_import(t, kYear, kToday, InstitutionType::school);
  CHECK(r.errors.empty());
  REQUIRE(r.children.size() == 1);
  CHECK(r.children[0].child.room.empty());
  CHECK(r.children[0].child.sex == Sex::m);
}

TEST_CASE("missing columns are named and nothing else is checked", "[lec]") {
  ImportTable t{{"ชื่อ", "นามสกุล", "ห้อง"}, {{"a", "b", "1"}}};
  const auto r = check_import(t, kYear, kToday, InstitutionType::school);
  CHECK(r.children.empty());
  CHECK(has(r, 1, "id_number", "import_column_missing"));
  CHECK(has(r, 1, "birth_date", "import_column_missing"));
  CHECK(has(r, 1, "level", "import_column_missing"));
  CHECK_FALSE(has(r, 1, "room", "import_column_missing"));
  CHECK(r.errors.size() == 5);  // id, title, sex, birth date, level
  CHECK(has(check_import({}, kYear, kToday, InstitutionType::school), 1, "file", "import_empty"));
}

TEST_CASE("every problem of every row, with its row and field", "[lec]") {
  auto bad = row("1234567890123", "", "ป.9", "31/02/2562");
  bad[5] = "x";
  ImportTable t{kThaiHeader, {row(nid("110170012345"), "สมชาย"), bad}};
  const auto r = check_import(t, kYear, kToday, InstitutionType::school);
  REQUIRE(r.children.size() == 1);
  std::set<std::string> fields;
  for (const auto& e : r.errors) {
    CHECK(e.row == 3);
    CHECK_FALSE(e.error.message_th.empty());
    CHECK_FALSE(e.error.message_en.empty());
    fields.insert(e.error.field);
  }
  CHECK(fields == std::set<std::string>{"id_number", "first_name", "sex", "birth_date", "level"});
  CHECK(has(r, 3, "birth_date", "date_invalid"));
  const auto j = import_error_json(r.errors[0]);
  CHECK(j["row"] == 3);
  CHECK(j.contains("message_th"));
}

TEST_CASE("a child twice in the file: both rows name each other, neither is taken", "[lec]") {
  const std::string id = nid("110170012345");
  ImportTable t{kThaiHeader, {row(id, "ก"), row(nid("110170012346"), "ข"), row(id, "ค")}};
  const auto r = check_import(t, kYear, kToday, InstitutionType::school);
  REQUIRE(r.children.size() == 1);
  CHECK(r.children[0].row == 3);
  REQUIRE(r.errors.size() == 2);
  CHECK(r.errors[0].row == 2);
  CHECK(r.errors[0].error.code == "import_duplicate");
  CHECK(r.errors[0].error.message_en.find("row 4") != std::string::npos);
  CHECK(r.errors[1].row == 4);
  CHECK(r.errors[1].error.message_th.find("2") != std::string::npos);
}

TEST_CASE("a centre takes only centre children", "[lec]") {
  ImportTable t{kThaiHeader, {row(nid("110170012345"), "ก", "ศพด.", "1/1/2566"), row(nid("110170012346"), "ข")}};
  const auto r = check_import(t, kYear, kToday, InstitutionType::child_development_centre);
  CHECK(r.children.size() == 1);
  CHECK(has(r, 3, "level", "level_not_offered"));
}
