#include "shared/calendar/thai_time.hpp"

#include <chrono>
#include <cstdio>

#include "shared/audit/audit_filter.hpp"
#include "shared/calendar/buddhist_date.hpp"

namespace domain {

std::string format_thai_time(std::string_view iso_utc, bool thai) {
  const std::string at(iso_utc);
  int y = 0, mo = 0, d = 0, h = 0, mi = 0;
  if (std::sscanf(at.c_str(), "%4d-%2d-%2dT%2d:%2d", &y, &mo, &d, &h, &mi) != 5 || h > 23 || mi > 59) return at;
  Date day{y, mo, d};
  if (!is_valid_date(day)) return at;
  h += 7;
  if (h >= 24) h -= 24, day = next_day(day);
  char clock[8];
  std::snprintf(clock, sizeof clock, "%02d:%02d", h, mi);
  if (thai) return format_thai_date_short(day) + " " + clock;
  return std::to_string(day.d) + " " + std::string(english_month_abbr(day.m)) + " " + std::to_string(day.y) +
         " " + clock;
}

std::optional<std::int64_t> parse_iso_instant(std::string_view iso_utc) {
  const std::string at(iso_utc);
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  const int n = std::sscanf(at.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s);
  if (n < 5 || h > 23 || mi > 59 || s > 60 || !is_valid_date(Date{y, mo, d})) return std::nullopt;
  namespace c = std::chrono;
  const c::sys_days date{c::year{y} / c::month{unsigned(mo)} / c::day{unsigned(d)}};
  return std::int64_t(date.time_since_epoch().count()) * 86400 + h * 3600 + mi * 60 + s;
}

std::string format_relative_time(std::string_view iso_utc, std::int64_t now_unix, bool thai) {
  const auto at = parse_iso_instant(iso_utc);
  if (!at) return std::string(iso_utc);
  const std::int64_t ago = now_unix - *at;
  if (ago < -300) return format_thai_time(iso_utc, thai);  // a clock far ahead: say the time itself
  if (ago < 60) return thai ? "เมื่อสักครู่" : "just now";
  if (ago < 3600) {
    const std::string m = std::to_string(ago / 60);
    return thai ? m + " นาทีที่แล้ว" : m + (ago < 120 ? " minute ago" : " minutes ago");
  }
  constexpr std::int64_t thailand = 7 * 3600;
  const std::int64_t day_then = (*at + thailand) / 86400, day_now = (now_unix + thailand) / 86400;
  const std::int64_t local = (*at + thailand) % 86400;
  char clock[8];
  std::snprintf(clock, sizeof clock, "%02d:%02d", int(local / 3600), int(local % 3600 / 60));
  if (day_then == day_now) return (thai ? "วันนี้ " : "today ") + std::string(clock);
  if (day_then + 1 == day_now) return (thai ? "เมื่อวาน " : "yesterday ") + std::string(clock);
  return format_thai_time(iso_utc, thai);
}

}  // namespace domain
