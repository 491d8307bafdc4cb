#include "server/lec/import_file.hpp"

#include <sstream>
#include <string>

#include "server/directory/csv_reader.hpp"
#include "server/lec/xlsx_reader.hpp"
#include "shared/core/text.hpp"

namespace server::lec {

namespace {

domain::FieldError unreadable(const std::string& why) {
  return {"file_unreadable", "file", "อ่านไฟล์ไม่ได้ (" + why + ") โปรดบันทึกใหม่เป็น .xlsx หรือ .csv แล้วลองอีกครั้ง",
          "The file cannot be read (" + why + "); save it again as .xlsx or .csv and retry"};
}

domain::ImportTable to_table(std::vector<std::vector<std::string>> rows) {
  domain::ImportTable t;
  if (rows.empty()) return t;
  t.header = std::move(rows.front());
  rows.erase(rows.begin());
  t.rows = std::move(rows);
  return t;
}

}  // namespace

domain::Checked<domain::ImportTable> read_import_file(std::string_view bytes) {
  if (looks_like_xlsx(bytes)) {
    try {
      return to_table(read_xlsx_first_sheet(bytes));
    } catch (const XlsxError& e) {
      return unreadable(e.what());
    }
  }
  if (bytes.find('\0') != std::string_view::npos || !domain::is_valid_utf8(bytes))
    return domain::FieldError{"file_type", "file",
                              "ไฟล์ต้องเป็น Excel (.xlsx) หรือ CSV (UTF-8) เท่านั้น",
                              "The file must be an Excel workbook (.xlsx) or a UTF-8 CSV file"};
  std::istringstream in{std::string(bytes)};
  directory::CsvReader csv(in);
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> fields;
  while (csv.next(fields)) {
    if (csv.unterminated_quote()) return unreadable("unterminated quote, line " + std::to_string(csv.line()));
    // The reader skips blank lines; its line number keeps the row where Excel shows it.
    if (rows.size() < csv.line()) rows.resize(csv.line() - 1);
    rows.push_back(fields);
  }
  return to_table(std::move(rows));
}

}  // namespace server::lec
