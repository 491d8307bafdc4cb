#pragma once
// The first worksheet of an XLSX workbook as rows of text cells: shared strings, inline
// strings and numbers (a whole number as its digits, so a 13-digit ID typed as a number
// survives; a date cell as its Excel day number, which the import converts).
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace server::lec {

class XlsxError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Rows from the sheet's row 1 on, gaps kept as empty rows so indexes match Excel's row
// numbers (row r at index r-1); trailing empty cells dropped. Throws XlsxError when the
// bytes are not a readable workbook.
std::vector<std::vector<std::string>> read_xlsx_first_sheet(std::string_view bytes);

// Is this a ZIP archive holding xl/workbook.xml?
bool looks_like_xlsx(std::string_view bytes);

// "1234567890123" for 1.234567890123E+12, "2.5" for 2.5.
std::string number_text(std::string_view v);

}  // namespace server::lec
