#pragma once
// The government fiscal year (1 October .. 30 September), named by the B.E. year in which
// it ends: fiscal 2567 = 1 Oct 2566 .. 30 Sep 2567 B.E. (2023-10-01 .. 2024-09-30).
// KPI reporting periods live inside one fiscal year.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/calendar/buddhist_date.hpp"
#include "shared/core/field_error.hpp"

namespace domain {

constexpr int kMinFiscalYear = 2500;  // B.E.; outside this range it is a typo (or a C.E. year)
constexpr int kMaxFiscalYear = 2700;

int fiscal_year_of(const Date& date);  // B.E.
Date fiscal_year_start(int fiscal_year);  // 1 Oct of the year before
Date fiscal_year_end(int fiscal_year);    // 30 Sep

// Error code (field "year"): fiscal_year_range.
std::optional<FieldError> check_fiscal_year(int fiscal_year);
// "2567" (e.g. a query parameter; Thai digits accepted). Error codes: fiscal_year_required,
// fiscal_year_format, fiscal_year_range.
Checked<int> parse_fiscal_year(std::string_view text);

// A reporting period of a fiscal year. Wire ids: m01..m12 (m01 = October), q1..q4,
// h1 (first 6 months, Oct-Mar), h2 (the full 12 months, Oct-Sep), once.
enum class PeriodKind { month, quarter, half, once };
struct Period {
  PeriodKind kind = PeriodKind::once;
  int index = 0;  // month 1..12 (1 = October), quarter 1..4, half 1..2, once 0
  bool operator==(const Period&) const = default;
};

std::string period_id(const Period& p);  // "m01", "q3", "h1", "once"
// Error code (field "period"): period_invalid.
Checked<Period> parse_period(std::string_view id);

// m01 -> "ตุลาคม 2566" / "October 2023" (the month's own year: B.E. in Thai, C.E. in English);
// q1 -> "ไตรมาส 1 (ต.ค.–ธ.ค.)" / "Quarter 1 (Oct–Dec)"; h1 -> "รอบ 6 เดือน" / "6-month round";
// h2 -> "รอบ 12 เดือน" / "12-month round"; once -> "ครั้งเดียว" / "Once".
std::string period_label_th(const Period& p, int fiscal_year);
std::string period_label_en(const Period& p, int fiscal_year);
// A period's id from the wire as its label; an id that is no period comes back as is.
std::string period_label(std::string_view id, int fiscal_year, bool thai);

struct DateRange {
  Date first;  // inclusive
  Date last;   // inclusive
  bool contains(const Date& d) const { return first <= d && d <= last; }
};
// m/q: the month/quarter; h1: Oct..Mar; h2 and once: the whole fiscal year.
DateRange period_range(const Period& p, int fiscal_year);

enum class Cadence { monthly, quarterly, half_year, once };
std::string_view cadence_id(Cadence c);  // "monthly" | "quarterly" | "half_year" | "once"
// Error code (field "cadence"): cadence_invalid.
Checked<Cadence> parse_cadence(std::string_view id);
std::vector<Period> periods_of(Cadence c);  // monthly -> m01..m12, half_year -> h1, h2, once -> once
bool period_in_cadence(const Period& p, Cadence c);

// Wire forms: the ids.
void to_json(nlohmann::json& j, const Period& p);
void to_json(nlohmann::json& j, Cadence c);

}  // namespace domain
