#pragma once
// Civil dates and their Buddhist Era (พ.ศ. = C.E. + 543) presentation. A Date holds the
// C.E. year (ISO 8601 on the wire); B.E. is only for people.
#include <compare>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "shared/core/field_error.hpp"
#include "shared/core/text.hpp"  // to_thai_digits, to_ascii_digits

namespace domain {

constexpr int kBuddhistEraOffset = 543;
constexpr int to_be_year(int ce_year) { return ce_year + kBuddhistEraOffset; }
constexpr int to_ce_year(int be_year) { return be_year - kBuddhistEraOffset; }

struct Date {
  int y = 1970;  // C.E.
  int m = 1;     // 1..12
  int d = 1;     // 1..31
  friend auto operator<=>(const Date&, const Date&) = default;
};

bool is_leap_year(int ce_year);             // Gregorian rule
int days_in_month(int ce_year, int month);  // 0 for a month outside 1..12
bool is_valid_date(const Date& date);       // year 1..9999, real month and day

// Error codes (field "date"; relabel with in_field): date_invalid (no such day).
Checked<Date> make_date(int ce_year, int month, int day);
// Strict "YYYY-MM-DD". Error codes: date_required, date_format, date_invalid.
Checked<Date> parse_iso_date(std::string_view text);
std::string to_iso(const Date& date);  // "2026-11-23"

// "23/11/2569" or "1/2/2567" (day/month/B.E. year; Thai digits accepted). Error codes:
// date_required, date_format, date_be_year (a year below 2400 is almost surely C.E. typed by mistake),
// date_invalid.
Checked<Date> parse_be_date(std::string_view text);

std::string_view thai_month_name(int month);   // 11 -> "พฤศจิกายน"; "" outside 1..12
std::string_view thai_month_abbr(int month);   // 11 -> "พ.ย."
std::string_view english_month_name(int month);  // 11 -> "November"
std::string_view english_month_abbr(int month);  // 11 -> "Nov"

std::string format_thai_date(const Date& date);        // "23 พฤศจิกายน 2569"
std::string format_thai_date_short(const Date& date);  // "23 พ.ย. 2569"
std::string format_be_date(const Date& date);          // "23/11/2569" (what parse_be_date reads)

// Wire form: the ISO string.
void to_json(nlohmann::json& j, const Date& date);

}  // namespace domain
