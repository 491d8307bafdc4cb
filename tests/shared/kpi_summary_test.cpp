#include <catch2/catch.hpp>

#include "shared/kpi/kpi_summary.hpp"

using namespace domain;
using S = ReportStatus;

namespace {
UnitReport unit(std::string code, S status, std::optional<double> self = {}, std::optional<double> review = {}) {
  return {std::move(code), status, self, review, self ? "ครูหนึ่ง" : "", review ? "ผู้ตรวจ" : ""};
}
}  // namespace

TEST_CASE("[submitted/reviewed/total] and the averages", "[kpi][summary]") {
  const std::vector<UnitReport> units = {
      unit("a", S::reviewed, 4, 3),  unit("b", S::waiting_review, 5), unit("c", S::draft, 2),
      unit("d", S::waiting_submit),  unit("e", S::returned, 1),      unit("f", S::reviewed, 3, 4),
  };
  const SummaryCounts c = summarise(units);
  CHECK(c.submitted == 3);
  CHECK(c.reviewed == 2);
  CHECK(c.total == 6);
  CHECK(*c.avg_self() == 4.0);    // (4 + 5 + 3) / 3: drafts and returned reports do not count
  CHECK(*c.avg_review() == 3.5);  // (3 + 4) / 2
  CHECK_FALSE(summarise({unit("x", S::draft, 3)}).avg_self());
  CHECK(summarise({unit("a", S::waiting_review, 1), unit("b", S::waiting_review, 2), unit("c", S::waiting_review, 2)})
            .avg_self() == 1.67);
}

TEST_CASE("running sums follow each write without recounting", "[kpi][summary]") {
  std::vector<UnitReport> units = {unit("a", S::waiting_submit), unit("b", S::waiting_submit), unit("c", S::waiting_submit)};
  SummaryCounts running;
  for (const auto& u : units) running += delta(std::nullopt, u);  // assignment
  CHECK(running == summarise(units));

  const auto write = [&](std::size_t i, UnitReport after) {
    running += delta(units[i], after);
    units[i] = std::move(after);
    CHECK(running.submitted == summarise(units).submitted);
    CHECK(running.reviewed == summarise(units).reviewed);
    CHECK(running.total == summarise(units).total);
    CHECK(running.avg_self() == summarise(units).avg_self());
    CHECK(running.avg_review() == summarise(units).avg_review());
  };
  write(0, unit("a", S::draft, 4));
  write(0, unit("a", S::waiting_review, 4));
  write(1, unit("b", S::waiting_review, 2));
  write(0, unit("a", S::reviewed, 4, 3));
  write(1, unit("b", S::returned, 2));
  write(0, unit("a", S::waiting_review, 4));  // review cancelled
  write(0, unit("a", S::reviewed, 4, 5));
  CHECK(running.submitted == 1);
  CHECK(running.reviewed == 1);
  CHECK(*running.avg_review() == 5);

  running += delta(units[2], std::nullopt);  // removal of a unit that had not reported
  units.pop_back();
  CHECK(running.total == 2);
  CHECK(running == summarise(units));
}

TEST_CASE("public statistics hide counts under 3 and averages drawn from them", "[kpi][summary][public]") {
  SummaryCounts c;
  c.total = 3;
  c.submitted = 2;
  c.self_sum = 9;
  c.self_count = 2;
  c.reviewed = 1;
  c.review_sum = 3;
  c.review_count = 1;
  PublicCounts p = public_counts(c);
  CHECK(p.total == 3);
  CHECK_FALSE(p.submitted);
  CHECK_FALSE(p.reviewed);
  CHECK_FALSE(p.avg_self);
  CHECK_FALSE(p.avg_review);

  c.submitted = 3;
  c.self_sum = 12;
  c.self_count = 3;
  p = public_counts(c);
  CHECK(p.submitted == 3);
  CHECK(p.avg_self == 4.0);
  CHECK_FALSE(p.reviewed);

  SummaryCounts tiny;
  tiny.total = 2;
  nlohmann::json j = public_counts(tiny);
  CHECK(j["total"].is_null());
  CHECK(j["submitted"].is_null());
}
