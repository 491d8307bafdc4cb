// Reading an uploaded register: real XLSX workbooks (libxlsxwriter) and CSV, judged by bytes.
#include <catch2/catch.hpp>

#include "server/lec/import_file.hpp"
#include "server/lec/xlsx_reader.hpp"
#include "tests/server/lec_files_helpers.hpp"

using namespace test_server;
using server::lec::read_import_file;

TEST_CASE("xlsx: shared and inline strings, 13-digit numbers, dates, gaps kept", "[lec]") {
  TempDir dir;
  const std::string id = checked_national_id("110170012345");
  for (bool constant_memory : {false, true}) {
    const auto bytes = make_xlsx(dir,
                                 {{std::string("เลขประจำตัวประชาชน"), std::string("ชื่อ"), std::string("วันเกิด")},
                                  {std::stod(id), std::string("สมชาย"), DateCell{2019, 3, 5}},
                                  {},
                                  {std::string(id), std::string(""), std::string("5/3/2562")},
                                  {2.5}},
                                 constant_memory);
    CHECK(server::lec::looks_like_xlsx(bytes));
    const auto t = read_import_file(bytes);
    REQUIRE(t.ok());
    const auto& table = t.value();
    CHECK(table.header == std::vector<std::string>{"เลขประจำตัวประชาชน", "ชื่อ", "วันเกิด"});
    REQUIRE(table.rows.size() == 4);
    CHECK(table.rows[0] == std::vector<std::string>{id, "สมชาย", "43529"});  // 2019-03-05 as Excel counts days
    CHECK(table.rows[1].empty());
    CHECK(table.rows[2][0] == id);
    CHECK(table.rows[2][2] == "5/3/2562");
    CHECK(table.rows[3] == std::vector<std::string>{"2.5"});
  }
}

TEST_CASE("csv: BOM, quotes and blank lines keep Excel's row numbers", "[lec]") {
  const auto t = read_import_file("\xEF\xBB\xBF" "ชื่อ,ห้อง\r\n\"ใจดี, มาก\",1\r\n\r\nก,2\r\n");
  REQUIRE(t.ok());
  CHECK(t.value().header == std::vector<std::string>{"ชื่อ", "ห้อง"});
  REQUIRE(t.value().rows.size() == 3);
  CHECK(t.value().rows[0][0] == "ใจดี, มาก");
  CHECK(t.value().rows[1].empty());
  CHECK(t.value().rows[2][1] == "2");
}

TEST_CASE("neither a workbook nor UTF-8 text: file_type; a broken workbook: file_unreadable", "[lec]") {
  const auto pdf = read_import_file(std::string("%PDF-1.4\n\0\x01\x02", 12));
  REQUIRE_FALSE(pdf.ok());
  CHECK(pdf.error().code == "file_type");
  CHECK(pdf.error().field == "file");
  CHECK(read_import_file("\xCA\xD7\xE8\xCD,x\n").error().code == "file_type");  // TIS-620 Thai, not UTF-8
  TempDir dir;
  auto bytes = make_xlsx(dir, {{std::string("a")}});
  CHECK(read_import_file(bytes.substr(0, bytes.size() / 2)).error().code == "file_type");  // cut short: no central directory
  CHECK(read_import_file("\"a,b\n").error().code == "file_unreadable");
  // A cell outside any <row> (found by fuzz/xlsx_import_fuzz): written before the rows, a crash.
  const auto outside = read_import_file(read_file(fs::path(SOURCE_DIR) / "fuzz/corpus/xlsx_import_fuzz/regression-cell-outside-row"));
  REQUIRE_FALSE(outside.ok());
  CHECK(outside.error().code == "file_unreadable");
}
