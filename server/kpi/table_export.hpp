#pragma once
// A table (Thai headers, text and number cells) written as CSV for Excel (UTF-8 with BOM,
// CRLF) or as an XLSX workbook (libxlsxwriter).
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace server::kpi {

using Cell = std::variant<std::monostate, std::string, double>;
struct Table {
  std::string title;  // the sheet name
  std::vector<std::string> headers;
  std::vector<std::vector<Cell>> rows;
};

// Every CSV file of the server is written here, so every text cell goes through
// formula_safe(): a cell Excel or LibreOffice would run as a formula (leading =, +, -, @,
// or a tab / CR / LF before one) gets a leading apostrophe, which they show as text.
// XLSX cells are written as typed strings, never formulas: they need no guard.
std::string formula_safe(std::string_view cell);
std::string to_csv(const Table& t);
// Writes through a temporary file in `temp_dir`; throws std::runtime_error on failure.
std::string to_xlsx(const Table& t, const std::filesystem::path& temp_dir);

}  // namespace server::kpi
