#include "shared/calendar/thai_time.hpp"

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

}  // namespace domain
