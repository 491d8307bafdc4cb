#include <catch2/catch.hpp>

#include "shared/lec/level.hpp"

using namespace domain;

TEST_CASE("levels parse from the wire and from Thai as typed in imports", "[lec][level]") {
  const std::pair<const char*, Level> table[] = {
      {"k1", Level::k1},           {"อ.1", Level::k1},     {"อ. ๒", Level::k2},      {"อนุบาล 3", Level::k3},
      {"p1", Level::p1},           {"ป.๑", Level::p1},     {"ป.6", Level::p6},       {"ประถมศึกษาปีที่ 4", Level::p4},
      {"ม.1", Level::m1},          {"M6", Level::m6},      {"มัธยมศึกษาปีที่ 3", Level::m3}, {"cdc", Level::cdc},
      {"ศพด.", Level::cdc},        {"ศพด", Level::cdc},    {"ศูนย์พัฒนาเด็กเล็ก", Level::cdc}, {" p2 ", Level::p2},
  };
  for (const auto& [text, level] : table) {
    CAPTURE(text);
    auto parsed = parse_level(text);
    REQUIRE(parsed.ok());
    CHECK(parsed.value() == level);
  }
  const std::pair<const char*, const char*> bad[] = {
      {"", "level_required"}, {"  ", "level_required"}, {"p7", "level_unknown"}, {"ป.7", "level_unknown"},
      {"อ.4", "level_unknown"}, {"grade 1", "level_unknown"}, {"m0", "level_unknown"},
  };
  for (const auto& [text, code] : bad) {
    CAPTURE(text);
    auto parsed = parse_level(text, "rows[3].level");
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error().code == code);
    CHECK(parsed.error().field == "rows[3].level");
  }
  CHECK(levels().size() == kLevelCount);
  for (std::size_t i = 0; i < kLevelCount; ++i) CHECK(static_cast<std::size_t>(levels()[i].level) == i);
  CHECK(to_string(Level::k1) == "k1");
  CHECK(info(Level::p1).short_th == "ป.1");
}

TEST_CASE("next level: up one a year, none after ม.6 or from a centre", "[lec][level]") {
  CHECK(next_level(Level::k3) == Level::p1);
  CHECK(next_level(Level::p6) == Level::m1);
  CHECK(next_level(Level::k1) == Level::k2);
  CHECK_FALSE(next_level(Level::m6));
  CHECK_FALSE(next_level(Level::cdc));
  CHECK(is_funded_school_level(Level::k1));
  CHECK(is_funded_school_level(Level::p6));
  CHECK_FALSE(is_funded_school_level(Level::cdc));
  CHECK_FALSE(is_funded_school_level(Level::m1));
}

TEST_CASE("subsidies: lunch 22 baht x 200 days, milk 7.37 baht x 260 days, cdc..p6 only", "[lec][level]") {
  LevelCounts c;
  c[Level::cdc] = 20;
  c[Level::k1] = 25;
  c[Level::p6] = 30;
  c[Level::m1] = 40;  // secondary: neither subsidy
  CHECK(c.total() == 115);
  const Subsidy s = subsidy(c);
  CHECK(s.lunch_children == 75);
  CHECK(s.milk_children == 75);
  CHECK(s.lunch_baht == 75 * 22 * 200);
  CHECK(s.milk_baht == 143715);  // 75 x 7.37 x 260 = 143,715
  LevelCounts one;
  one[Level::k2] = 1;
  CHECK(subsidy(one).milk_baht == 1916);  // 1,916.20 rounded
  const auto j = counts_json(c);
  CHECK(j["levels"]["m1"] == 40);
  CHECK(j["levels"]["k3"] == 0);
  CHECK(j["levels"].size() == kLevelCount);
  CHECK(j["total"] == 115);
  CHECK(j["lunch"] == 75);
  CHECK(j["milk"] == 75);
  CHECK(j["lunch_baht"] == 330000);
  LevelCounts d = c;
  d -= one;
  d += one;
  CHECK(d == c);
}

TEST_CASE("funded-school counts: k1..p6, whole numbers 0..2000", "[lec][level]") {
  auto ok = parse_funded_counts({{"k1", 12}, {"p1", 30}, {"p6", 0}});
  REQUIRE(ok.ok());
  CHECK(ok.value()[Level::k1] == 12);
  CHECK(ok.value()[Level::p1] == 30);
  CHECK(ok.value()[Level::k2] == 0);
  CHECK(parse_funded_counts(nlohmann::json::object()).ok());
  CHECK(parse_funded_counts({{"p3", 2000}}).ok());
  const std::pair<nlohmann::json, std::pair<const char*, const char*>> bad[] = {
      {nlohmann::json::array(), {"counts_format", "counts"}},
      {{{"m1", 3}}, {"level_unknown", "counts.m1"}},
      {{{"cdc", 3}}, {"level_unknown", "counts.cdc"}},
      {{{"x", 3}}, {"level_unknown", "counts.x"}},
      {{{"k1", 2.5}}, {"count_not_integer", "counts.k1"}},
      {{{"k1", "3"}}, {"count_not_integer", "counts.k1"}},
      {{{"p2", -1}}, {"count_negative", "counts.p2"}},
      {{{"p4", 2001}}, {"count_too_high", "counts.p4"}},
  };
  for (const auto& [body, expected] : bad) {
    CAPTURE(body.dump());
    auto r = parse_funded_counts(body);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == expected.first);
    CHECK(r.error().field == expected.second);
    CHECK_FALSE(r.error().message_th.empty());
  }
}

TEST_CASE("academic year starts on 16 May", "[lec][level]") {
  CHECK(academic_year_start(2568) == Date{2025, 5, 16});
  const std::pair<Date, int> table[] = {
      {{2025, 5, 15}, 2567}, {{2025, 5, 16}, 2568}, {{2025, 12, 1}, 2568},
      {{2026, 3, 31}, 2568}, {{2026, 5, 16}, 2569}, {{2026, 12, 1}, 2569},
  };
  for (const auto& [day, year] : table) {
    CAPTURE(to_iso(day));
    CHECK(academic_year_of(day) == year);
  }
  CHECK(parse_academic_year("2568").value() == 2568);
  CHECK(parse_academic_year("๒๕๖๙").value() == 2569);
  const std::pair<const char*, const char*> bad[] = {
      {"", "year_required"}, {"25a8", "year_format"}, {"2025", "year_out_of_range"}, {"2701", "year_out_of_range"},
      {"-2568", "year_format"},
  };
  for (const auto& [text, code] : bad) {
    CAPTURE(text);
    auto r = parse_academic_year(text);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == code);
    CHECK(r.error().field == "year");
  }
}

TEST_CASE("birth dates: not in the future, the age near the level's", "[lec][level]") {
  const Date today{2026, 12, 1};
  struct Row {
    Date birth;
    Level level;
    const char* code;  // "" = fine
  };
  // Ages on 16 May 2026 (year 2569).
  const Row table[] = {
      {{2023, 1, 10}, Level::k1, ""},                  // 3
      {{2024, 1, 10}, Level::k1, ""},                  // 2: a year below is allowed
      {{2025, 1, 10}, Level::k1, "birth_date_level"},  // 1
      {{2020, 5, 15}, Level::p1, ""},                  // 6
      {{2020, 5, 17}, Level::p1, ""},                  // 5 (turns 6 after the start)
      {{2011, 1, 1}, Level::p6, "birth_date_level"},   // 15: over 11 + 3
      {{2012, 1, 1}, Level::p6, ""},                   // 14
      {{2024, 6, 1}, Level::cdc, ""},                  // 1: a year below 2
      {{2025, 6, 1}, Level::cdc, "birth_date_level"},  // 0
      {{2008, 6, 1}, Level::m6, ""},                   // 17
      {{2027, 1, 1}, Level::k1, "birth_date_future"},
      {{2026, 12, 2}, Level::cdc, "birth_date_future"},
  };
  for (const auto& r : table) {
    CAPTURE(to_iso(r.birth), to_string(r.level));
    auto e = check_birth_date(r.birth, r.level, 2569, today);
    if (std::string(r.code).empty()) {
      CHECK_FALSE(e);
    } else {
      REQUIRE(e);
      CHECK(e->code == r.code);
      CHECK(e->field == "birth_date");
    }
  }
  CHECK(age_on({2020, 5, 16}, {2026, 5, 16}) == 6);
  CHECK(age_on({2020, 5, 17}, {2026, 5, 16}) == 5);
  CHECK(days_between({2026, 12, 1}, {2027, 1, 1}) == 31);
  CHECK(days_between({2024, 2, 28}, {2024, 3, 1}) == 2);
}
