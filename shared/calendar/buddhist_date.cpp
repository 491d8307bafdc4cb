#include "shared/calendar/buddhist_date.hpp"

#include <array>

namespace domain {

namespace {

struct MonthNames {
  std::string_view th, th_abbr, en, en_abbr;
};
constexpr std::array<MonthNames, 12> kMonths{{
    {"มกราคม", "ม.ค.", "January", "Jan"},
    {"กุมภาพันธ์", "ก.พ.", "February", "Feb"},
    {"มีนาคม", "มี.ค.", "March", "Mar"},
    {"เมษายน", "เม.ย.", "April", "Apr"},
    {"พฤษภาคม", "พ.ค.", "May", "May"},
    {"มิถุนายน", "มิ.ย.", "June", "Jun"},
    {"กรกฎาคม", "ก.ค.", "July", "Jul"},
    {"สิงหาคม", "ส.ค.", "August", "Aug"},
    {"กันยายน", "ก.ย.", "September", "Sep"},
    {"ตุลาคม", "ต.ค.", "October", "Oct"},
    {"พฤศจิกายน", "พ.ย.", "November", "Nov"},
    {"ธันวาคม", "ธ.ค.", "December", "Dec"},
}};

const MonthNames* month(int m) { return (m >= 1 && m <= 12) ? &kMonths[m - 1] : nullptr; }

FieldError date_error(std::string code, std::string th, std::string en) {
  return FieldError{std::move(code), "date", std::move(th), std::move(en)};
}

FieldError no_such_day() {
  return date_error("date_invalid", "วันที่ไม่ถูกต้อง (ไม่มีวันนี้ในปฏิทิน)",
                    "Date is invalid (no such day in the calendar)");
}

// Parses 1..max_len ASCII digits; -1 if s is not that.
int small_number(std::string_view s, std::size_t max_len) {
  if (s.empty() || s.size() > max_len || !is_ascii_digits(s)) return -1;
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

std::string two_digits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

}  // namespace

bool is_leap_year(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return (m == 2 && is_leap_year(y)) ? 29 : kDays[m - 1];
}

bool is_valid_date(const Date& x) {
  return x.y >= 1 && x.y <= 9999 && x.m >= 1 && x.m <= 12 && x.d >= 1 && x.d <= days_in_month(x.y, x.m);
}

Checked<Date> make_date(int y, int m, int d) {
  const Date x{y, m, d};
  if (!is_valid_date(x)) return no_such_day();
  return x;
}

Checked<Date> parse_iso_date(std::string_view raw) {
  const std::string text = trim(raw);
  if (text.empty()) return date_error("date_required", "กรุณากรอกวันที่", "Date is required");
  const std::string_view s = text;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-' || small_number(s.substr(0, 4), 4) < 0 ||
      small_number(s.substr(5, 2), 2) < 0 || small_number(s.substr(8, 2), 2) < 0)
    return date_error("date_format", "รูปแบบวันที่ไม่ถูกต้อง (ต้องเป็น ปปปป-ดด-วว เช่น 2024-02-29)",
                      "Date format is invalid (expected YYYY-MM-DD, e.g. 2024-02-29)");
  return make_date(small_number(s.substr(0, 4), 4), small_number(s.substr(5, 2), 2),
                   small_number(s.substr(8, 2), 2));
}

std::string to_iso(const Date& x) {
  std::string y = std::to_string(x.y);
  while (y.size() < 4) y = "0" + y;
  return y + "-" + two_digits(x.m) + "-" + two_digits(x.d);
}

Checked<Date> parse_be_date(std::string_view raw) {
  const std::string text = to_ascii_digits(trim(raw));
  if (text.empty()) return date_error("date_required", "กรุณากรอกวันที่", "Date is required");
  const std::string_view s = text;
  const auto slash1 = s.find('/');
  const auto slash2 = slash1 == std::string_view::npos ? slash1 : s.find('/', slash1 + 1);
  int d = -1, m = -1, y = -1;
  if (slash2 != std::string_view::npos) {
    d = small_number(s.substr(0, slash1), 2);
    m = small_number(s.substr(slash1 + 1, slash2 - slash1 - 1), 2);
    const std::string_view year = s.substr(slash2 + 1);
    y = year.size() == 4 ? small_number(year, 4) : -1;
  }
  if (d < 0 || m < 0 || y < 0)
    return date_error("date_format", "รูปแบบวันที่ไม่ถูกต้อง (ต้องเป็น วว/ดด/ปปปป พ.ศ. เช่น 23/11/2569)",
                      "Date format is invalid (expected DD/MM/YYYY in B.E., e.g. 23/11/2569)");
  if (y < 2400)
    return date_error("date_be_year", "ปีต้องเป็นปีพุทธศักราช (พ.ศ.) เช่น 2569",
                      "The year must be Buddhist Era (B.E.), e.g. 2569");
  return make_date(to_ce_year(y), m, d);
}

std::string_view thai_month_name(int m) { return month(m) ? month(m)->th : std::string_view(); }
std::string_view thai_month_abbr(int m) { return month(m) ? month(m)->th_abbr : std::string_view(); }
std::string_view english_month_name(int m) { return month(m) ? month(m)->en : std::string_view(); }
std::string_view english_month_abbr(int m) { return month(m) ? month(m)->en_abbr : std::string_view(); }

std::string format_thai_date(const Date& x) {
  return std::to_string(x.d) + " " + std::string(thai_month_name(x.m)) + " " + std::to_string(to_be_year(x.y));
}

std::string format_thai_date_short(const Date& x) {
  return std::to_string(x.d) + " " + std::string(thai_month_abbr(x.m)) + " " + std::to_string(to_be_year(x.y));
}

std::string format_be_date(const Date& x) {
  return two_digits(x.d) + "/" + two_digits(x.m) + "/" + std::to_string(to_be_year(x.y));
}

void to_json(nlohmann::json& j, const Date& x) { j = to_iso(x); }

}  // namespace domain
