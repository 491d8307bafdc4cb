#include "shared/kpi/kpi_summary.hpp"

#include <cmath>

namespace domain {

std::optional<double> SummaryCounts::avg_self() const {
  if (self_count <= 0) return std::nullopt;
  return round2(self_sum / static_cast<double>(self_count));
}
std::optional<double> SummaryCounts::avg_review() const {
  if (review_count <= 0) return std::nullopt;
  return round2(review_sum / static_cast<double>(review_count));
}

SummaryCounts& SummaryCounts::operator+=(const SummaryCounts& o) {
  submitted += o.submitted;
  reviewed += o.reviewed;
  total += o.total;
  self_sum += o.self_sum;
  self_count += o.self_count;
  review_sum += o.review_sum;
  review_count += o.review_count;
  return *this;
}
SummaryCounts& SummaryCounts::operator-=(const SummaryCounts& o) {
  submitted -= o.submitted;
  reviewed -= o.reviewed;
  total -= o.total;
  self_sum -= o.self_sum;
  self_count -= o.self_count;
  review_sum -= o.review_sum;
  review_count -= o.review_count;
  return *this;
}

SummaryCounts contribution(const UnitReport& u) {
  SummaryCounts c;
  c.total = 1;
  const bool submitted = u.status == ReportStatus::waiting_review || u.status == ReportStatus::reviewed;
  if (submitted) {
    c.submitted = 1;
    if (u.self_score) {
      c.self_sum = *u.self_score;
      c.self_count = 1;
    }
  }
  if (u.status == ReportStatus::reviewed) {
    c.reviewed = 1;
    if (u.review_score) {
      c.review_sum = *u.review_score;
      c.review_count = 1;
    }
  }
  return c;
}

SummaryCounts delta(const std::optional<UnitReport>& before, const std::optional<UnitReport>& after) {
  SummaryCounts d;
  if (after) d += contribution(*after);
  if (before) d -= contribution(*before);
  return d;
}

SummaryCounts summarise(const std::vector<UnitReport>& units) {
  SummaryCounts c;
  for (const auto& u : units) c += contribution(u);
  return c;
}

double round2(double v) { return std::round(v * 100.0) / 100.0; }

PublicCounts public_counts(const SummaryCounts& c) {
  const auto shown = [](std::int64_t n) -> std::optional<std::int64_t> {
    if (n < kMinPublicCount) return std::nullopt;
    return n;
  };
  PublicCounts p;
  p.total = shown(c.total);
  p.submitted = shown(c.submitted);
  p.reviewed = shown(c.reviewed);
  if (c.self_count >= kMinPublicCount) p.avg_self = c.avg_self();
  if (c.review_count >= kMinPublicCount) p.avg_review = c.avg_review();
  return p;
}

namespace {
template <class T>
nlohmann::json or_null(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json();
}
}  // namespace

void to_json(nlohmann::json& j, const UnitReport& u) {
  j = {{"unit_code", u.unit_code},
       {"status", report_status_id(u.status)},
       {"self_score", or_null(u.self_score)},
       {"review_score", or_null(u.review_score)},
       {"reporter", u.reporter},
       {"reviewer", u.reviewer}};
}

void to_json(nlohmann::json& j, const PublicCounts& c) {
  j = {{"submitted", or_null(c.submitted)},
       {"reviewed", or_null(c.reviewed)},
       {"total", or_null(c.total)},
       {"avg_self", or_null(c.avg_self)},
       {"avg_review", or_null(c.avg_review)}};
}

}  // namespace domain
