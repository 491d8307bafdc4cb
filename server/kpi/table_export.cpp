#include "server/kpi/table_export.hpp"

#include <xlsxwriter.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

namespace server::kpi {

namespace {

std::string csv_field(const Cell& c) {
  if (std::holds_alternative<std::monostate>(c)) return "";
  if (const double* d = std::get_if<double>(&c)) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", *d);
    return buf;
  }
  const std::string s = formula_safe(std::get<std::string>(c));
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char ch : s) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + "\"";
}

}  // namespace

std::string formula_safe(std::string_view cell) {
  if (cell.empty() || std::string_view("=+-@\t\r\n").find(cell[0]) == std::string_view::npos) return std::string(cell);
  return "'" + std::string(cell);
}

std::string to_csv(const Table& t) {
  std::string out = "\xEF\xBB\xBF";  // BOM: Excel reads the file as UTF-8 (Thai intact)
  for (std::size_t i = 0; i < t.headers.size(); ++i) out += (i ? "," : "") + csv_field(t.headers[i]);
  out += "\r\n";
  for (const auto& row : t.rows) {
    for (std::size_t i = 0; i < row.size(); ++i) out += (i ? "," : "") + csv_field(row[i]);
    out += "\r\n";
  }
  return out;
}

std::string to_xlsx(const Table& t, const std::filesystem::path& temp_dir) {
  static std::atomic<unsigned> counter{0};
  const auto file = temp_dir / ("export-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".xlsx");
  lxw_workbook_options options{};
  const std::string tmp = temp_dir.string();
  options.constant_memory = LXW_TRUE;  // rows stream to disk: 1,000s of units stay small in memory
  options.tmpdir = const_cast<char*>(tmp.c_str());
  lxw_workbook* wb = workbook_new_opt(file.c_str(), &options);
  if (!wb) throw std::runtime_error("cannot create " + file.string());
  // Sheet names: at most 31 characters; the title is ASCII-free Thai, so leave the default.
  lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  for (std::size_t c = 0; c < t.headers.size(); ++c) {
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), t.headers[c].c_str(), bold);
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), c == 1 ? 50 : 16, nullptr);
  }
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const auto row = static_cast<lxw_row_t>(r + 1);
    for (std::size_t c = 0; c < t.rows[r].size(); ++c) {
      const auto col = static_cast<lxw_col_t>(c);
      const Cell& cell = t.rows[r][c];
      if (const double* d = std::get_if<double>(&cell)) worksheet_write_number(ws, row, col, *d, nullptr);
      else if (const auto* s = std::get_if<std::string>(&cell)) worksheet_write_string(ws, row, col, s->c_str(), nullptr);
    }
  }
  worksheet_freeze_panes(ws, 1, 0);
  const lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) {
    std::filesystem::remove(file);
    throw std::runtime_error(std::string("xlsx: ") + lxw_strerror(err));
  }
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::filesystem::remove(file);
  return bytes.str();
}

}  // namespace server::kpi
