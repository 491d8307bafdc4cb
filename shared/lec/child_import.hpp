#pragma once
// An institution's register imported from a spreadsheet (api.md POST .../children/import):
// a header row and rows of text cells, read from CSV or XLSX by the server, turned here into
// children or the problems of each row, as the person sees them in Excel.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/calendar/buddhist_date.hpp"
#include "shared/core/field_error.hpp"
#include "shared/lec/child.hpp"

namespace domain {

struct ImportTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  // data rows, in file order (blank rows kept: they keep row numbers right)
};

// One problem of the file. row: the Excel row number (the header is row 1, the first data
// row 2); 1 for a problem of the header itself. field: the api.md wire field.
struct ImportError {
  std::size_t row = 0;
  FieldError error;
};

struct ImportedChild {
  std::size_t row = 0;
  ChildInput child;
};

struct ImportResult {
  std::vector<ImportedChild> children;  // the rows without problems
  std::vector<ImportError> errors;      // in row order
};

// The most rows one file may hold (a large municipal school has ~3,000 children).
constexpr std::size_t kMaxImportRows = 50000;

// The wire field a header names, Thai or English ("เลขประจำตัวประชาชน", "เลขบัตร", "G-Code",
// "id_number" -> "id_number"; "คำนำหน้า" -> "title"; "ชื่อ" -> "first_name"; "นามสกุล";
// "เพศ"; "วันเกิด"; "ระดับชั้น"/"ชั้น"; "ห้อง"). Spaces and ASCII case do not matter;
// nullopt for a column the import does not use ("ลำดับ", "No.").
std::optional<std::string_view> import_column(std::string_view header);

// A birth date as typed in Thai schools: "5/3/2562" (B.E.), "2019-03-05" (ISO), or an Excel
// date serial ("43529", what a date cell holds). Errors as parse_be_date, field "birth_date".
Checked<Date> parse_import_date(std::string_view cell);
// Excel's day number (1900 date system, 1 = 1900-01-01, with its phantom 29 Feb 1900).
std::optional<Date> date_from_excel_serial(double serial);

// Every row checked with child_problems (against `year`, `today` and the institution type).
// Header problems (error codes, row 1): import_empty (no header row), import_column_missing
// (field = the missing wire field), import_column_twice; then nothing else is checked.
// Row problems: those of child_problems; import_too_many_rows (row = the first row over the
// limit); import_duplicate (field "id_number", both rows, each naming the other). Blank rows
// are skipped.
ImportResult check_import(const ImportTable& table, int year, const Date& today, InstitutionType type);

// The api.md error entry {"row","field","code","message_th","message_en"}.
nlohmann::json import_error_json(const ImportError& e);

}  // namespace domain
