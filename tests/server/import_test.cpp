// `school-server import-institutions FILE.csv`: the directory import an operator runs.
#include <catch2/catch.hpp>

#include "tests/server/http_client.hpp"
#include "tests/server/server_process.hpp"
#include "tests/server/test_database.hpp"

using namespace test_server;

namespace {

Finished import_csv(const TempDir& data, const std::string& csv) {
  const auto file = data / "import.csv";
  write_file(file, csv);
  return run_command({SERVER_BINARY, "import-institutions", file.string()}, data_env(data / "db"));
}

}  // namespace

TEST_CASE("import-institutions: good rows in and bad rows reported with line and reason", "[server][import]") {
  TempDir data;
  auto result = import_csv(data,
                           "code,name_th,affiliation,province,district,parent_code\n"
                           "1040990001,โรงเรียนบ้านโนนสวรรค์,obec,ขอนแก่น,ชุมแพ,1040000003\n"
                           "12345,โรงเรียนรหัสสั้น,obec,ขอนแก่น,ชุมแพ,\n"
                           "\"5400990001\",\"ศูนย์พัฒนาเด็กเล็กบ้านนา, หมู่ 3\",dla,ขอนแก่น,ชุมแพ,5040010100\n"
                           "5400990002,ศูนย์พัฒนาเด็กเล็กบ้านดง,school,ขอนแก่น,ชุมแพ,\n"
                           "1040990001,โรงเรียนซ้ำ,obec,ขอนแก่น,ชุมแพ,\n"
                           "5400990003,,dla,ขอนแก่น,ชุมแพ,\n"
                           "5400990004,ศูนย์ฯ,dla,ขอนแก่น\n");
  INFO(result.output);
  CHECK(result.exit_code == 1);  // some rows were rejected
  CHECK(result.output.find("7 rows, 2 new, 0 updated, 0 unchanged, 5 rejected") != std::string::npos);
  CHECK(result.output.find("line 3: code: Institution code must have 10 digits (got 5)") != std::string::npos);
  CHECK(result.output.find("line 5: affiliation:") != std::string::npos);
  CHECK(result.output.find("line 6: code: 1040990001 appears already on line 2") != std::string::npos);
  CHECK(result.output.find("line 7: name_th:") != std::string::npos);
  CHECK(result.output.find("line 8: Expected 6 fields, got 4") != std::string::npos);

  // The good rows are searchable (and no demo data was added on top: the table is not empty).
  ServerProcess server({.data_dir = data / "db"});
  auto list = get(server.port(), "/api/v1/institutions?province=" + url_encode("ขอนแก่น")).json();
  REQUIRE(list.size() == 2);
  CHECK(list[0]["code"] == "1040990001");
  CHECK(list[1]["name_th"] == "ศูนย์พัฒนาเด็กเล็กบ้านนา, หมู่ 3");
}

TEST_CASE("import-institutions: a second import updates by code", "[server][import]") {
  TempDir data;
  const std::string header = "code,name_th,affiliation,province,district,parent_code\r\n";
  auto first = import_csv(data, "\xEF\xBB\xBF" + header +  // Excel's byte-order mark and CRLF
                                    "1040990001,โรงเรียนบ้านโนนสวรรค์,obec,ขอนแก่น,ชุมแพ,\r\n"
                                    "1040990002,โรงเรียนบ้านโคกกลาง,obec,ขอนแก่น,ชุมแพ,\r\n");
  CHECK(first.exit_code == 0);
  CHECK(first.output.find("2 rows, 2 new, 0 updated, 0 unchanged, 0 rejected") != std::string::npos);
  auto second = import_csv(data, header + "1040990001,โรงเรียนบ้านโนนสวรรค์ (ประชาสามัคคี),obec,ขอนแก่น,ชุมแพ,\r\n"
                                          "1040990002,โรงเรียนบ้านโคกกลาง,obec,ขอนแก่น,ชุมแพ,\r\n");
  CHECK(second.exit_code == 0);
  CHECK(second.output.find("2 rows, 0 new, 1 updated, 1 unchanged, 0 rejected") != std::string::npos);
}

TEST_CASE("import-institutions: a wrong header or missing file imports nothing", "[server][import]") {
  TempDir data;
  auto wrong = import_csv(data, "code,name,affiliation\n1040990001,x,obec\n");
  CHECK(wrong.exit_code == 2);
  CHECK(wrong.output.find("line 1: the header must be 'code,name_th,affiliation,province,district,parent_code'") !=
        std::string::npos);
  auto missing = run_command({SERVER_BINARY, "import-institutions", (data / "nope.csv").string()},
                             data_env(data / "db"));
  CHECK(missing.exit_code == 2);
  CHECK(missing.output.find("cannot read") != std::string::npos);
}

TEST_CASE("the committed demo directory imports cleanly", "[server][import]") {
  TempDir data;
  auto result = run_command({SERVER_BINARY, "import-institutions", SOURCE_DIR "/assets/directory/institutions.csv"},
                            data_env(data.path()));
  INFO(result.output);
  CHECK(result.exit_code == 0);
  CHECK(result.output.find(" 0 rejected") != std::string::npos);
}
