#pragma once
// The overview of a KPI period: [submitted / reviewed / total] and the average self and
// review scores. It is kept as running sums, updated by the difference each report write
// makes (contribution after - contribution before), so it is never regenerated in batches.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "shared/kpi/report_lifecycle.hpp"

namespace domain {

// One unit's line of the overview.
struct UnitReport {
  std::string unit_code;
  ReportStatus status = ReportStatus::waiting_submit;
  std::optional<double> self_score;
  std::optional<double> review_score;
  std::string reporter;  // display name of who confirmed (★)
  std::string reviewer;  // display name of who reviewed (✓)
};

// Submitted = waiting for review or reviewed (a draft or a returned report is not in the
// reviewer's hands). The self average is over submitted reports, the review average over
// reviewed ones.
struct SummaryCounts {
  std::int64_t submitted = 0;
  std::int64_t reviewed = 0;
  std::int64_t total = 0;  // assigned units
  double self_sum = 0;
  std::int64_t self_count = 0;
  double review_sum = 0;
  std::int64_t review_count = 0;

  std::optional<double> avg_self() const;
  std::optional<double> avg_review() const;
  SummaryCounts& operator+=(const SummaryCounts& o);
  SummaryCounts& operator-=(const SummaryCounts& o);
  bool operator==(const SummaryCounts&) const = default;
};

// What one assigned unit adds to its period's counts.
SummaryCounts contribution(const UnitReport& unit);
// The change a write makes: contribution(after) - contribution(before). An assignment is
// before = nullopt; a removal is after = nullopt.
SummaryCounts delta(const std::optional<UnitReport>& before, const std::optional<UnitReport>& after);
// From scratch (tests and checks): the sum of the contributions.
SummaryCounts summarise(const std::vector<UnitReport>& units);

// Averages on the wire: two decimals.
double round2(double v);

// Public statistics: aggregates only, and a count under 3 is hidden (null) together with
// any average computed from it, so no single school's score can be read off.
constexpr std::int64_t kMinPublicCount = 3;
struct PublicCounts {
  std::optional<std::int64_t> submitted, reviewed, total;
  std::optional<double> avg_self, avg_review;
};
PublicCounts public_counts(const SummaryCounts& c);

void to_json(nlohmann::json& j, const UnitReport& u);
void to_json(nlohmann::json& j, const PublicCounts& c);

}  // namespace domain
