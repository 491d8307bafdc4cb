#include "tests/server/lec_files_helpers.hpp"

#include <xlsxwriter.h>

#include <atomic>
#include <stdexcept>

namespace test_server {

std::string make_xlsx(const TempDir& dir, const std::vector<std::vector<XCell>>& rows, bool constant_memory) {
  static std::atomic<int> n{0};
  const auto file = dir / ("book-" + std::to_string(n++) + ".xlsx");
  lxw_workbook_options options{};
  options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  const std::string tmp = dir.path().string();
  options.tmpdir = const_cast<char*>(tmp.c_str());
  lxw_workbook* wb = workbook_new_opt(file.c_str(), &options);
  lxw_worksheet* ws = workbook_add_worksheet(wb, "ทะเบียน");
  workbook_add_worksheet(wb, "อื่น");  // a second sheet the reader must not take
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "d/m/yyyy");
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (std::size_t c = 0; c < rows[r].size(); ++c) {
      const auto row = static_cast<lxw_row_t>(r);
      const auto col = static_cast<lxw_col_t>(c);
      const XCell& cell = rows[r][c];
      if (const auto* s = std::get_if<std::string>(&cell)) {
        if (!s->empty()) worksheet_write_string(ws, row, col, s->c_str(), nullptr);
      } else if (const auto* d = std::get_if<double>(&cell)) {
        worksheet_write_number(ws, row, col, *d, nullptr);
      } else {
        const auto& dc = std::get<DateCell>(cell);
        lxw_datetime dt{dc.y, dc.m, dc.d, 0, 0, 0};
        worksheet_write_datetime(ws, row, col, &dt, date);
      }
    }
  }
  if (workbook_close(wb) != LXW_NO_ERROR) throw std::runtime_error("cannot write " + file.string());
  return read_file(file);
}

std::string national_id(const std::string& twelve) {
  int sum = 0;
  for (int i = 0; i < 12; ++i) sum += (twelve[i] - '0') * (13 - i);
  return twelve + std::to_string((11 - sum % 11) % 10);
}

}  // namespace test_server
