#include <catch2/catch.hpp>

#include "shared/calendar/fiscal_year.hpp"

using namespace domain;

namespace {
bool has_thai(const std::string& s) {
  return s.find("\xE0\xB8") != std::string::npos || s.find("\xE0\xB9") != std::string::npos;
}
Period period(const char* id) { return parse_period(id).value(); }
Date next_day(Date d) {
  if (++d.d > days_in_month(d.y, d.m)) {
    d.d = 1;
    if (++d.m > 12) {
      d.m = 1;
      ++d.y;
    }
  }
  return d;
}
}  // namespace

TEST_CASE("the fiscal year is named by the B.E. year it ends in", "[fiscal_year]") {
  struct Case {
    Date date;
    int fiscal_year;
  };
  const Case cases[] = {
      {{2023, 10, 1}, 2567}, {{2024, 9, 30}, 2567}, {{2024, 10, 1}, 2568}, {{2023, 9, 30}, 2566},
      {{2024, 1, 15}, 2567}, {{2024, 2, 29}, 2567}, {{2026, 11, 23}, 2570}, {{2026, 12, 31}, 2570},
  };
  for (const auto& c : cases) {
    CAPTURE(to_iso(c.date));
    CHECK(fiscal_year_of(c.date) == c.fiscal_year);
  }
  CHECK(fiscal_year_start(2567) == Date{2023, 10, 1});
  CHECK(fiscal_year_end(2567) == Date{2024, 9, 30});
  CHECK(format_thai_date(fiscal_year_start(2567)) == "1 ตุลาคม 2566");
  CHECK(format_thai_date(fiscal_year_end(2567)) == "30 กันยายน 2567");
}

TEST_CASE("every day of fiscal 2567 falls in exactly one month and one quarter", "[fiscal_year]") {
  const auto months = periods_of(Cadence::monthly);
  const auto quarters = periods_of(Cadence::quarterly);
  int days = 0;
  for (Date d = fiscal_year_start(2567); d <= fiscal_year_end(2567); d = next_day(d), ++days) {
    CAPTURE(to_iso(d));
    REQUIRE(fiscal_year_of(d) == 2567);
    int in_months = 0, in_quarters = 0;
    for (const auto& p : months) in_months += period_range(p, 2567).contains(d);
    for (const auto& p : quarters) in_quarters += period_range(p, 2567).contains(d);
    REQUIRE(in_months == 1);
    REQUIRE(in_quarters == 1);
    REQUIRE(period_range(period("h2"), 2567).contains(d));
    REQUIRE(period_range(period("h1"), 2567).contains(d) == (d.m >= 10 || d.m <= 3));
  }
  CHECK(days == 366);  // includes 29 Feb 2024
}

TEST_CASE("period ids parse and print", "[fiscal_year][period]") {
  const char* valid[] = {"m01", "m02", "m03", "m04", "m05", "m06", "m07", "m08", "m09", "m10",
                         "m11", "m12", "q1",  "q2",  "q3",  "q4",  "h1",  "h2",  "once"};
  for (const char* id : valid) {
    CAPTURE(id);
    const auto p = parse_period(id);
    REQUIRE(p);
    CHECK(period_id(p.value()) == id);
  }
  CHECK(period("m10") == Period{PeriodKind::month, 10});
  CHECK(period("q3") == Period{PeriodKind::quarter, 3});

  const char* invalid[] = {"m00", "m13", "m1", "M01", "q0", "q5", "h0", "h3",  "",
                           "ONCE", "once ", "m001", "x1", "q",  "m1a", "h", "q1 "};
  for (const char* id : invalid) {
    CAPTURE(id);
    const auto p = parse_period(id);
    REQUIRE_FALSE(p);
    CHECK(p.error().code == "period_invalid");
    CHECK(p.error().field == "period");
    CHECK(has_thai(p.error().message_th));
    CHECK(p.error().message_en.find("period") != std::string::npos);
  }
}

TEST_CASE("period labels in Thai and English", "[fiscal_year][period]") {
  struct Case {
    const char* id;
    int fiscal_year;
    std::string th, en;
  };
  const Case cases[] = {
      {"m01", 2567, "ตุลาคม 2566", "October 2023"},
      {"m03", 2567, "ธันวาคม 2566", "December 2023"},
      {"m04", 2567, "มกราคม 2567", "January 2024"},
      {"m05", 2567, "กุมภาพันธ์ 2567", "February 2024"},
      {"m12", 2567, "กันยายน 2567", "September 2024"},
      {"m01", 2569, "ตุลาคม 2568", "October 2025"},
      {"q1", 2567, "ไตรมาส 1 (ต.ค.–ธ.ค.)", "Quarter 1 (Oct–Dec)"},
      {"q2", 2567, "ไตรมาส 2 (ม.ค.–มี.ค.)", "Quarter 2 (Jan–Mar)"},
      {"q3", 2567, "ไตรมาส 3 (เม.ย.–มิ.ย.)", "Quarter 3 (Apr–Jun)"},
      {"q4", 2567, "ไตรมาส 4 (ก.ค.–ก.ย.)", "Quarter 4 (Jul–Sep)"},
      {"h1", 2567, "รอบ 6 เดือน", "6-month round"},
      {"h2", 2567, "รอบ 12 เดือน", "12-month round"},
      {"once", 2567, "ครั้งเดียว", "Once"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.id, c.fiscal_year);
    CHECK(period_label_th(period(c.id), c.fiscal_year) == c.th);
    CHECK(period_label_en(period(c.id), c.fiscal_year) == c.en);
  }
}

TEST_CASE("period date ranges", "[fiscal_year][period]") {
  struct Case {
    const char* id;
    int fiscal_year;
    Date first, last;
  };
  const Case cases[] = {
      {"m01", 2567, {2023, 10, 1}, {2023, 10, 31}},
      {"m05", 2567, {2024, 2, 1}, {2024, 2, 29}},  // leap February
      {"m05", 2568, {2025, 2, 1}, {2025, 2, 28}},
      {"m12", 2567, {2024, 9, 1}, {2024, 9, 30}},
      {"q1", 2567, {2023, 10, 1}, {2023, 12, 31}},
      {"q2", 2567, {2024, 1, 1}, {2024, 3, 31}},
      {"q4", 2567, {2024, 7, 1}, {2024, 9, 30}},
      {"h1", 2567, {2023, 10, 1}, {2024, 3, 31}},
      {"h2", 2567, {2023, 10, 1}, {2024, 9, 30}},
      {"once", 2567, {2023, 10, 1}, {2024, 9, 30}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.id, c.fiscal_year);
    const DateRange r = period_range(period(c.id), c.fiscal_year);
    CHECK(r.first == c.first);
    CHECK(r.last == c.last);
  }
}

TEST_CASE("cadences list their periods", "[fiscal_year][cadence]") {
  struct Case {
    std::string id;
    Cadence cadence;
    std::vector<std::string> periods;
  };
  const Case cases[] = {
      {"monthly",
       Cadence::monthly,
       {"m01", "m02", "m03", "m04", "m05", "m06", "m07", "m08", "m09", "m10", "m11", "m12"}},
      {"quarterly", Cadence::quarterly, {"q1", "q2", "q3", "q4"}},
      {"half_year", Cadence::half_year, {"h1", "h2"}},
      {"once", Cadence::once, {"once"}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.id);
    const auto parsed = parse_cadence(c.id);
    REQUIRE(parsed);
    CHECK(parsed.value() == c.cadence);
    CHECK(cadence_id(c.cadence) == c.id);
    std::vector<std::string> ids;
    for (const auto& p : periods_of(c.cadence)) {
      ids.push_back(period_id(p));
      CHECK(period_in_cadence(p, c.cadence));
    }
    CHECK(ids == c.periods);
  }
  CHECK_FALSE(period_in_cadence(period("q1"), Cadence::monthly));
  CHECK_FALSE(period_in_cadence(period("h1"), Cadence::once));
  CHECK_FALSE(period_in_cadence(period("m01"), Cadence::half_year));

  for (const char* bad : {"Monthly", "yearly", "", "half-year"}) {
    CAPTURE(bad);
    const auto c = parse_cadence(bad);
    REQUIRE_FALSE(c);
    CHECK(c.error().code == "cadence_invalid");
    CHECK(c.error().field == "cadence");
    CHECK(has_thai(c.error().message_th));
  }
  nlohmann::json j = periods_of(Cadence::half_year);
  CHECK(j == nlohmann::json::parse(R"(["h1","h2"])"));
  CHECK(nlohmann::json(Cadence::quarterly) == "quarterly");
}

TEST_CASE("fiscal years must be B.E. years in range", "[fiscal_year]") {
  CHECK_FALSE(check_fiscal_year(2567));
  CHECK_FALSE(check_fiscal_year(2500));
  CHECK_FALSE(check_fiscal_year(2700));
  for (int bad : {2499, 2701, 2024, 0, -1}) {
    CAPTURE(bad);
    const auto e = check_fiscal_year(bad);
    REQUIRE(e);
    CHECK(e->code == "fiscal_year_range");
    CHECK(e->field == "year");
    CHECK(e->message_th.find("ปีงบประมาณ") != std::string::npos);
    CHECK(e->message_en.find("Fiscal year") != std::string::npos);
  }
  struct Case {
    std::string text;
    int year;
    std::string code;
  };
  const Case cases[] = {
      {"2567", 2567, ""},     {" ๒๕๖๘ ", 2568, ""},      {"", 0, "fiscal_year_required"},
      {"25x7", 0, "fiscal_year_format"}, {"256", 0, "fiscal_year_format"}, {"02567", 0, "fiscal_year_format"},
      {"2024", 0, "fiscal_year_range"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const auto y = parse_fiscal_year(c.text);
    if (c.code.empty()) {
      REQUIRE(y);
      CHECK(y.value() == c.year);
    } else {
      REQUIRE_FALSE(y);
      CHECK(y.error().code == c.code);
      CHECK(y.error().field == "year");
      CHECK(has_thai(y.error().message_th));
    }
  }
}
