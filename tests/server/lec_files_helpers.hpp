#pragma once
// Real spreadsheets for the LEC import tests, written by libxlsxwriter the way Excel saves them.
#include <string>
#include <variant>
#include <vector>

#include "tests/server/lec_helpers.hpp"
#include "tests/server/server_process.hpp"

namespace test_server {

struct DateCell {
  int y, m, d;  // written as an Excel date (a number with a date format)
};
using XCell = std::variant<std::string, double, DateCell>;

// The workbook's bytes. constant_memory: libxlsxwriter then writes inline strings instead of
// the shared-string table, the other form a reader meets.
std::string make_xlsx(const TempDir& dir, const std::vector<std::vector<XCell>>& rows, bool constant_memory = false);

// A national ID with a correct check digit after 12 given digits.
std::string checked_national_id(const std::string& twelve);

// POST .../children/import with a multipart `file` and `dry_run`.
HttpResponse import_register(unsigned short port, const SignedIn& who, int year, const std::string& institution,
                             const std::string& bytes, bool dry_run, const std::string& file_name = "register.xlsx");

// A register row of the Thai header below for child `seed` (lec::national_id(seed)).
extern const std::vector<std::string> kThaiRegisterHeader;
std::vector<std::string> register_row(std::int64_t seed, const std::string& level_th, int year, const std::string& room = "1");
// A CSV file (UTF-8 with BOM) of a header and rows.
std::string to_csv_bytes(const std::vector<std::vector<std::string>>& rows);

}  // namespace test_server
