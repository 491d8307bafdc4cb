#pragma once
// A KPI (ตัวชี้วัด) of one fiscal year, as an area office's controllers define it: what is
// measured, how it is scored, how often units report and which periods take reports now.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/calendar/fiscal_year.hpp"
#include "shared/core/field_error.hpp"

namespace domain {

// "score_1_5": weighted average 1-5 (ค่าเฉลี่ยถ่วงน้ำหนัก 1-5); "percentage": 0-100.
enum class KpiType { score_1_5, percentage };
struct ScoreRange {
  double min;
  double max;
};
std::string_view kpi_type_id(KpiType t);
std::string_view kpi_type_label_th(KpiType t);
std::string_view kpi_type_label_en(KpiType t);
ScoreRange score_range(KpiType t);
// Error code (field "type"): kpi_type_invalid.
Checked<KpiType> parse_kpi_type(std::string_view id);

// "open" takes reports; "closed" stays visible and takes none.
enum class KpiStatus { open, closed };
std::string_view kpi_status_id(KpiStatus s);
// Error code (field "status"): kpi_status_invalid.
Checked<KpiStatus> parse_kpi_status(std::string_view id);

struct KpiDefinition {
  int year = 0;                // fiscal year, B.E.
  std::string number;          // "1", "1.2" (as printed in the area office's plan)
  std::string name;
  std::string description;
  KpiType type = KpiType::score_1_5;
  std::vector<double> criteria;  // levels, ascending, within the type's range: [2,3,4,5]
  std::string owner_group;       // the office's group responsible (กลุ่มนโยบายและแผน)
  Cadence cadence = Cadence::once;
  std::vector<Period> open_periods;  // a subset of periods_of(cadence), in cadence order
  KpiStatus status = KpiStatus::open;

  bool is_open(const Period& p) const;  // the KPI is open and p is one of its open periods
};

constexpr std::size_t kMaxKpiNumberLength = 20;
constexpr std::size_t kMaxKpiNameLength = 500;
constexpr std::size_t kMaxKpiDescriptionLength = 5000;
constexpr std::size_t kMaxOwnerGroupLength = 200;
constexpr std::size_t kMaxCriteria = 10;

// The api.md body of POST/PUT /api/v1/kpi. Checks every field and returns the first
// problem, naming the field: year, number, name, description, type, criteria[i],
// owner_group, cadence, open_periods[i], status.
// Error codes besides the field rules: criteria_format, criteria_range, criteria_order,
// criteria_too_many, period_not_in_cadence, period_duplicate.
Checked<KpiDefinition> parse_kpi_definition(const nlohmann::json& body);
// The same checks, every field's problem at once (at most one per field, in that order),
// for a form that shows each under its field as the user types. Empty when
// parse_kpi_definition accepts the body. (criteria are not judged while the type is bad,
// nor open_periods while the cadence is.)
std::vector<FieldError> kpi_definition_problems(const nlohmann::json& body);

// Criteria levels as a person types them: "2, 3, 4, 5", "[2] → [3] → [4] → [5]", Thai
// digits too. Only the numbers are read; anything but spaces, commas, brackets and arrows
// between them is criteria_format (field "criteria"). Range and order are the body's rules.
Checked<std::vector<double>> parse_criteria_text(std::string_view text);
// The levels as they are typed back: {2, 3, 4, 5} -> "2, 3, 4, 5".
std::string criteria_text(const std::vector<double>& levels);

void to_json(nlohmann::json& j, const KpiDefinition& k);

// A score given for a KPI of this type: a number (or numeric string) within its range.
// Error codes: score_required, score_format, score_range.
Checked<double> check_score(KpiType type, const nlohmann::json& value, const std::string& field);

// Copying a year's KPIs into the next: the same definitions, year + 1, all open again.
KpiDefinition copied_to_next_year(const KpiDefinition& k);

}  // namespace domain
