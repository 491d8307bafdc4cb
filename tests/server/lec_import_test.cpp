// POST .../children/import over loopback HTTP with real XLSX and CSV files.
#include <catch2/catch.hpp>

#include "server/lec/lec_demo.hpp"
#include "tests/server/lec_files_helpers.hpp"

using namespace test_server;
using nlohmann::json;

namespace {

constexpr const char* kSchool = "5110405002";  // the demo school: 33 children

std::vector<std::vector<XCell>> as_cells(const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::vector<XCell>> out;
  for (const auto& r : rows) {
    std::vector<XCell> cells(r.begin(), r.end());
    out.push_back(std::move(cells));
  }
  return out;
}

std::int64_t total(unsigned short port, const SignedIn& who, int year) {
  return lec::call(port, who, "GET", lec::base(year) + "/counts?org=" + kSchool).json()["total"].get<std::int64_t>();
}

}  // namespace

TEST_CASE("LEC import: dry run, write, re-import unchanged, an edit is an update", "[server][lec][http]") {
  ServerProcess server;
  const auto port = server.port();
  const int year = lec::current_year();
  const auto school = sign_in(port, kSchool, demo_password(kSchool));
  TempDir dir;
  std::vector<std::vector<std::string>> rows{kThaiRegisterHeader, register_row(1, "ป.1", year),
                                             register_row(2, "อ.2", year, "2"), register_row(3, "ประถมศึกษาปีที่ 3", year)};
  const auto xlsx = make_xlsx(dir, as_cells(rows));

  auto dry = import_register(port, school, year, kSchool, xlsx, true);
  INFO(dry.body);
  REQUIRE(dry.status == 200);
  CHECK(dry.json()["added"] == 3);
  CHECK(dry.json()["errors"].empty());
  CHECK(dry.json()["written"] == false);
  CHECK(total(port, school, year) == 33);  // a dry run writes nothing

  auto real = import_register(port, school, year, kSchool, xlsx, false);
  INFO(real.body);
  REQUIRE(real.status == 200);
  CHECK(real.json()["added"] == 3);
  CHECK(real.json()["written"] == true);
  CHECK(total(port, school, year) == 36);
  auto list = lec::call(port, school, "GET", lec::base(year) + "/institutions/" + kSchool + "/children?q=นำเข้า2");
  REQUIRE(list.json().size() == 1);
  CHECK(list.json()[0]["level"] == "k2");
  CHECK(list.json()[0]["room"] == "2");
  CHECK(list.json()[0]["id_masked"].get<std::string>().find("xxxxx") != std::string::npos);

  rows[3][8] = "3";  // row 4 moves room; the CSV says so
  auto again = import_register(port, school, year, kSchool, to_csv_bytes(rows), false, "register.csv");
  INFO(again.body);
  REQUIRE(again.status == 200);
  CHECK(again.json()["added"] == 0);
  CHECK(again.json()["updated"] == 1);
  CHECK(again.json()["unchanged"] == 2);
  CHECK(total(port, school, year) == 36);
}

TEST_CASE("LEC import: every row's problems; with any error nothing is written", "[server][lec][http]") {
  ServerProcess server;
  const auto port = server.port();
  const int year = lec::current_year();
  const auto school = sign_in(port, kSchool, demo_password(kSchool));
  auto bad = register_row(5, "ป.1", year);
  bad[7] = "ป.9";
  bad[1] = "1234567890123";  // wrong check digit
  auto dup = register_row(6, "ป.2", year);
  // A child of the demo centre 5110405001 (seeded from 2000): attending there this year.
  auto elsewhere = register_row(7, "ป.1", year);
  elsewhere[1] = server::lec::demo_national_id(2000);
  const std::vector<std::vector<std::string>> rows{kThaiRegisterHeader, register_row(4, "ป.1", year), bad, dup, dup, elsewhere};
  auto r = import_register(port, school, year, kSchool, to_csv_bytes(rows), false, "r.csv");
  INFO(r.body);
  REQUIRE(r.status == 200);
  CHECK(r.json()["written"] == false);
  const auto reply = r.json();
  std::map<std::pair<int, std::string>, std::string> errors;
  for (const auto& e : reply["errors"]) {
    CHECK_FALSE(e["message_th"].get<std::string>().empty());
    errors[{e["row"].get<int>(), e["field"].get<std::string>()}] = e["code"].get<std::string>();
  }
  CHECK(errors.count({3, "id_number"}) == 1);
  CHECK(errors[{3, "level"}] == "level_unknown");
  CHECK(errors[{4, "id_number"}] == "import_duplicate");
  CHECK(errors[{5, "id_number"}] == "import_duplicate");
  CHECK(errors[{6, "id_number"}] == "child_enrolled_elsewhere");
  CHECK(errors.count({2, "id_number"}) == 0);
  for (const auto& e : reply["errors"])
    if (e["row"] == 6) CHECK(e["message_en"].get<std::string>().find("5110405001") != std::string::npos);
  CHECK(total(port, school, year) == 33);
  CHECK(r.body.find(elsewhere[1]) == std::string::npos);  // no ID echoed back, not even a wrong one
  CHECK(r.body.find(bad[1]) == std::string::npos);

  auto missing = import_register(port, school, year, kSchool, to_csv_bytes({{"ชื่อ", "นามสกุล"}, {"ก", "ข"}}), true);
  INFO(missing.body);
  REQUIRE(missing.status == 200);
  CHECK(missing.json()["errors"][0]["code"] == "import_column_missing");
  CHECK(missing.json()["errors"][0]["row"] == 1);
}

TEST_CASE("LEC import: refused files and callers", "[server][lec][http]") {
  ServerProcess server;
  const auto port = server.port();
  const int year = lec::current_year();
  const auto school = sign_in(port, kSchool, demo_password(kSchool));
  auto pdf = import_register(port, school, year, kSchool, std::string("%PDF-1.7\n\0\0binary", 17), false, "x.xlsx");
  INFO(pdf.body);
  CHECK(pdf.status == 415);
  CHECK(pdf.json()["error"]["field"] == "file");
  Headers h = as(school);
  h["Content-Type"] = "multipart/form-data; boundary=B";
  auto none = request(port, "POST", lec::base(year) + "/institutions/" + kSchool + "/children/import", h,
                      "--B\r\nContent-Disposition: form-data; name=\"dry_run\"\r\n\r\ntrue\r\n--B--\r\n");
  CHECK(none.status == 400);
  CHECK(none.json()["error"]["code"] == "file_required");
  // Another institution's officer may not import here.
  const auto centre = sign_in(port, "5110405001", demo_password("5110405001"));
  CHECK(import_register(port, centre, year, kSchool, to_csv_bytes({kThaiRegisterHeader}), true).status == 403);
}

TEST_CASE("LEC import: a real write voids the confirmations above, in the same transaction", "[server][lec][http]") {
  ServerProcess server;
  const auto port = server.port();
  const int year = lec::current_year();
  const auto school = sign_in(port, kSchool, demo_password(kSchool));
  REQUIRE(lec::confirm(port, school, year, kSchool) == 201);
  auto r = import_register(port, school, year, kSchool, to_csv_bytes({kThaiRegisterHeader, register_row(9, "ป.4", year)}),
                           false, "r.csv");
  INFO(r.body);
  REQUIRE(r.status == 200);
  CHECK(r.json()["added"] == 1);
  CHECK(lec::codes(r.json()["voided"]) == std::vector<std::string>{kSchool});
  CHECK(lec::confirm(port, school, year, kSchool) == 201);  // confirmable again: it had been voided
}

TEST_CASE("LEC import: an XLSX as Excel saves it, IDs typed as numbers and birth dates as date cells", "[server][lec][http]") {
  ServerProcess server;
  const auto port = server.port();
  const int year = lec::current_year();
  const auto school = sign_in(port, kSchool, demo_password(kSchool));
  TempDir dir;
  const int ce = domain::to_ce_year(year);
  const std::vector<std::vector<XCell>> rows{
      {std::string("เลขบัตร"), std::string("คำนำหน้าชื่อ"), std::string("ชื่อ"), std::string("นามสกุล"), std::string("เพศ"),
       std::string("วันเดือนปีเกิด"), std::string("ชั้น"), std::string("ห้อง")},
      {std::stod(lec::national_id(21)), std::string("ด.ญ."), std::string("ปุณยวีร์"), std::string("ตัวเลข"),
       std::string("ญ"), DateCell{ce - 7, 9, 2}, std::string("ป.1"), 2.0},
      {std::string(lec::national_id(22)), std::string("ด.ช."), std::string("ชยพล"), std::string("ตัวเลข"),
       std::string("ช"), DateCell{ce - 4, 10, 3}, std::string("อนุบาล 1"), std::string("1")}};
  for (bool inline_strings : {false, true}) {
    auto r = import_register(port, school, year, kSchool, make_xlsx(dir, rows, inline_strings), false);
    INFO(r.body);
    REQUIRE(r.status == 200);
    CHECK(r.json()["errors"].empty());
    CHECK(r.json()["added"] == (inline_strings ? 0 : 2));
    CHECK(r.json()["unchanged"] == (inline_strings ? 2 : 0));
  }
  auto list = lec::call(port, school, "GET", lec::base(year) + "/institutions/" + kSchool + "/children?q=ตัวเลข").json();
  REQUIRE(list.size() == 2);
  for (const auto& c : list) {
    if (c["first_name"] != "ปุณยวีร์") continue;
    CHECK(c["birth_date"] == domain::to_iso({ce - 7, 9, 2}));
    CHECK(c["room"] == "2");
    CHECK(c["sex"] == "f");
  }
}
