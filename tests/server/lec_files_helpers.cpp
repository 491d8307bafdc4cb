#include "tests/server/lec_files_helpers.hpp"

#include <xlsxwriter.h>

#include <atomic>
#include <stdexcept>

#include "shared/calendar/buddhist_date.hpp"
#include "shared/lec/level.hpp"

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

std::string checked_national_id(const std::string& twelve) {
  int sum = 0;
  for (int i = 0; i < 12; ++i) sum += (twelve[i] - '0') * (13 - i);
  return twelve + std::to_string((11 - sum % 11) % 10);
}

HttpResponse import_register(unsigned short port, const SignedIn& who, int year, const std::string& institution,
                             const std::string& bytes, bool dry_run, const std::string& file_name) {
  Headers h = as(who);
  h["Content-Type"] = "multipart/form-data; boundary=LecBoundary7";
  const std::string body = "--LecBoundary7\r\nContent-Disposition: form-data; name=\"dry_run\"\r\n\r\n" +
                           std::string(dry_run ? "true" : "false") +
                           "\r\n--LecBoundary7\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file_name +
                           "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + bytes + "\r\n--LecBoundary7--\r\n";
  return request(port, "POST", lec::base(year) + "/institutions/" + institution + "/children/import", h, body);
}

const std::vector<std::string> kThaiRegisterHeader = {"ลำดับ", "เลขประจำตัวประชาชน", "คำนำหน้า", "ชื่อ", "นามสกุล",
                                                      "เพศ",   "วันเกิด",            "ระดับชั้น", "ห้อง"};

std::vector<std::string> register_row(std::int64_t seed, const std::string& level_th, int year, const std::string& room) {
  const auto level = domain::parse_level(level_th).value();
  const domain::Date birth{domain::to_ce_year(year) - domain::info(level).min_age - 1, 9, 1 + static_cast<int>(seed % 28)};
  const bool girl = seed % 2;
  return {std::to_string(seed), lec::national_id(seed), girl ? "ด.ญ." : "ด.ช.", girl ? "ธัญชนก" : "ภูมิใจ",
          "นำเข้า" + std::to_string(seed), girl ? "หญิง" : "ชาย", domain::format_be_date(birth), level_th, room};
}

std::string to_csv_bytes(const std::vector<std::vector<std::string>>& rows) {
  std::string out = "\xEF\xBB\xBF";
  for (const auto& r : rows) {
    for (std::size_t i = 0; i < r.size(); ++i) out += (i ? "," : "") + r[i];
    out += "\r\n";
  }
  return out;
}

}  // namespace test_server
