#pragma once
// Real spreadsheets for the LEC import tests, written by libxlsxwriter the way Excel saves them.
#include <string>
#include <variant>
#include <vector>

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
std::string national_id(const std::string& twelve);

}  // namespace test_server
