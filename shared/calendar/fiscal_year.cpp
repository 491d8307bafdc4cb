#include "shared/calendar/fiscal_year.hpp"

#include "shared/core/text.hpp"

namespace domain {

namespace {

// Fiscal month 1 (October) .. 12 (September) -> calendar month and C.E. year.
int calendar_month(int fiscal_month) { return (fiscal_month + 8) % 12 + 1; }
int calendar_year(int fiscal_month, int fiscal_year) {
  return to_ce_year(fiscal_year) - (fiscal_month <= 3 ? 1 : 0);
}

Date first_of(int fiscal_month, int fiscal_year) {
  return {calendar_year(fiscal_month, fiscal_year), calendar_month(fiscal_month), 1};
}
Date last_of(int fiscal_month, int fiscal_year) {
  const int y = calendar_year(fiscal_month, fiscal_year), m = calendar_month(fiscal_month);
  return {y, m, days_in_month(y, m)};
}

// "ต.ค.–ธ.ค." for the months a quarter or half spans (en dash, as printed in Thai forms).
std::string month_span_th(int first_fm, int last_fm) {
  return std::string(thai_month_abbr(calendar_month(first_fm))) + "–" +
         std::string(thai_month_abbr(calendar_month(last_fm)));
}
std::string month_span_en(int first_fm, int last_fm) {
  return std::string(english_month_abbr(calendar_month(first_fm))) + "–" +
         std::string(english_month_abbr(calendar_month(last_fm)));
}

FieldError range_error() {
  return FieldError{"fiscal_year_range", "year",
                    "ปีงบประมาณต้องเป็นปี พ.ศ. ระหว่าง " + std::to_string(kMinFiscalYear) + " ถึง " +
                        std::to_string(kMaxFiscalYear) + " เช่น 2567",
                    "Fiscal year must be a B.E. year from " + std::to_string(kMinFiscalYear) + " to " +
                        std::to_string(kMaxFiscalYear) + ", e.g. 2567"};
}

}  // namespace

int fiscal_year_of(const Date& d) { return to_be_year(d.y) + (d.m >= 10 ? 1 : 0); }
Date fiscal_year_start(int fy) { return {to_ce_year(fy) - 1, 10, 1}; }
Date fiscal_year_end(int fy) { return {to_ce_year(fy), 9, 30}; }

std::optional<FieldError> check_fiscal_year(int fy) {
  if (fy < kMinFiscalYear || fy > kMaxFiscalYear) return range_error();
  return std::nullopt;
}

Checked<int> parse_fiscal_year(std::string_view raw) {
  const std::string s = to_ascii_digits(trim(raw));
  if (s.empty())
    return FieldError{"fiscal_year_required", "year", "กรุณาเลือกปีงบประมาณ", "Fiscal year is required"};
  if (s.size() != 4 || !is_ascii_digits(s))
    return FieldError{"fiscal_year_format", "year", "ปีงบประมาณต้องเป็นตัวเลข 4 หลัก เช่น 2567",
                      "Fiscal year must be 4 digits, e.g. 2567"};
  int fy = 0;
  for (char c : s) fy = fy * 10 + (c - '0');
  if (auto e = check_fiscal_year(fy)) return *e;
  return fy;
}

std::string period_id(const Period& p) {
  switch (p.kind) {
    case PeriodKind::month: return (p.index < 10 ? "m0" : "m") + std::to_string(p.index);
    case PeriodKind::quarter: return "q" + std::to_string(p.index);
    case PeriodKind::half: return "h" + std::to_string(p.index);
    case PeriodKind::once: break;
  }
  return "once";
}

Checked<Period> parse_period(std::string_view id) {
  // Ids are exact (lower case, m-numbers zero-padded): they are URL path segments.
  if (id == "once") return Period{PeriodKind::once, 0};
  const auto digit = [&](std::size_t i) { return id[i] >= '0' && id[i] <= '9' ? id[i] - '0' : -1; };
  if (id.size() == 3 && id[0] == 'm' && digit(1) >= 0 && digit(2) >= 0) {
    const int n = digit(1) * 10 + digit(2);
    if (n >= 1 && n <= 12) return Period{PeriodKind::month, n};
  } else if (id.size() == 2 && id[0] == 'q' && digit(1) >= 1 && digit(1) <= 4) {
    return Period{PeriodKind::quarter, digit(1)};
  } else if (id.size() == 2 && id[0] == 'h' && digit(1) >= 1 && digit(1) <= 2) {
    return Period{PeriodKind::half, digit(1)};
  }
  return FieldError{"period_invalid", "period",
                    "รอบการรายงานไม่ถูกต้อง (ใช้ m01–m12, q1–q4, h1, h2 หรือ once)",
                    "Reporting period is invalid (use m01–m12, q1–q4, h1, h2 or once)"};
}

std::string period_label_th(const Period& p, int fy) {
  switch (p.kind) {
    case PeriodKind::month: {
      const Date first = first_of(p.index, fy);
      return std::string(thai_month_name(first.m)) + " " + std::to_string(to_be_year(first.y));
    }
    case PeriodKind::quarter:
      return "ไตรมาส " + std::to_string(p.index) + " (" + month_span_th(p.index * 3 - 2, p.index * 3) + ")";
    case PeriodKind::half: return p.index == 1 ? "รอบ 6 เดือน" : "รอบ 12 เดือน";
    case PeriodKind::once: break;
  }
  return "ครั้งเดียว";
}

std::string period_label(std::string_view id, int fy, bool thai) {
  const auto p = parse_period(id);
  if (!p) return std::string(id);
  return thai ? period_label_th(p.value(), fy) : period_label_en(p.value(), fy);
}

std::string period_label_en(const Period& p, int fy) {
  switch (p.kind) {
    case PeriodKind::month: {
      const Date first = first_of(p.index, fy);
      return std::string(english_month_name(first.m)) + " " + std::to_string(first.y);
    }
    case PeriodKind::quarter:
      return "Quarter " + std::to_string(p.index) + " (" + month_span_en(p.index * 3 - 2, p.index * 3) + ")";
    case PeriodKind::half: return p.index == 1 ? "6-month round" : "12-month round";
    case PeriodKind::once: break;
  }
  return "Once";
}

DateRange period_range(const Period& p, int fy) {
  switch (p.kind) {
    case PeriodKind::month: return {first_of(p.index, fy), last_of(p.index, fy)};
    case PeriodKind::quarter: return {first_of(p.index * 3 - 2, fy), last_of(p.index * 3, fy)};
    // The rounds are cumulative: the 12-month round covers the whole year, not Apr-Sep.
    case PeriodKind::half: return {first_of(1, fy), last_of(p.index == 1 ? 6 : 12, fy)};
    case PeriodKind::once: break;
  }
  return {fiscal_year_start(fy), fiscal_year_end(fy)};
}

std::string_view cadence_id(Cadence c) {
  switch (c) {
    case Cadence::monthly: return "monthly";
    case Cadence::quarterly: return "quarterly";
    case Cadence::half_year: return "half_year";
    case Cadence::once: break;
  }
  return "once";
}

Checked<Cadence> parse_cadence(std::string_view id) {
  for (Cadence c : {Cadence::monthly, Cadence::quarterly, Cadence::half_year, Cadence::once})
    if (cadence_id(c) == id) return c;
  return FieldError{"cadence_invalid", "cadence",
                    "ความถี่การรายงานไม่ถูกต้อง (ใช้ monthly, quarterly, half_year หรือ once)",
                    "Reporting cadence is invalid (use monthly, quarterly, half_year or once)"};
}

std::vector<Period> periods_of(Cadence c) {
  std::vector<Period> out;
  switch (c) {
    case Cadence::monthly:
      for (int i = 1; i <= 12; ++i) out.push_back({PeriodKind::month, i});
      break;
    case Cadence::quarterly:
      for (int i = 1; i <= 4; ++i) out.push_back({PeriodKind::quarter, i});
      break;
    case Cadence::half_year:
      out = {{PeriodKind::half, 1}, {PeriodKind::half, 2}};
      break;
    case Cadence::once:
      out = {{PeriodKind::once, 0}};
      break;
  }
  return out;
}

bool period_in_cadence(const Period& p, Cadence c) {
  switch (c) {
    case Cadence::monthly: return p.kind == PeriodKind::month;
    case Cadence::quarterly: return p.kind == PeriodKind::quarter;
    case Cadence::half_year: return p.kind == PeriodKind::half;
    case Cadence::once: break;
  }
  return p.kind == PeriodKind::once;
}

void to_json(nlohmann::json& j, const Period& p) { j = period_id(p); }
void to_json(nlohmann::json& j, Cadence c) { j = std::string(cadence_id(c)); }

}  // namespace domain
