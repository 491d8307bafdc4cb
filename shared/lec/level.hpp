#pragma once
// Levels of a child in local education data (api.md `{level}`) and the academic year
// (ปีการศึกษา) they belong to. Counts are kept per level, so LevelCounts is an array
// indexed by the enum, in the order of levels().
#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/calendar/buddhist_date.hpp"
#include "shared/core/field_error.hpp"

namespace domain {

// In the order children move up; cdc (ศูนย์พัฒนาเด็กเล็ก) first.
enum class Level { cdc, k1, k2, k3, p1, p2, p3, p4, p5, p6, m1, m2, m3, m4, m5, m6 };
constexpr std::size_t kLevelCount = 16;

struct LevelInfo {
  Level level;
  std::string_view id;        // wire: "k1"
  std::string_view short_th;  // "อ.1", "ป.1", "ม.1", "ศพด."
  std::string_view name_th;   // "อนุบาล 1", "ประถมศึกษาปีที่ 1", "ศูนย์พัฒนาเด็กเล็ก"
  std::string_view name_en;   // "Kindergarten 1", "Primary 1", "Child-development centre"
  int min_age;                // usual age on 16 May of the year (a child may be a year or two older)
  int max_age;
  bool lunch;                 // counts for the lunch subsidy (cdc, k1..p6)
  bool milk;                  // counts for the milk subsidy (cdc, k1..p6)
};
const std::vector<LevelInfo>& levels();
const LevelInfo& info(Level level);
std::string_view to_string(Level level);
// The wire id, or the Thai short or long name as typed in an import ("อ.1", "อนุบาล 1",
// "ป.๑", "ประถมศึกษาปีที่ 1", "ม.1", "ศพด."). Error codes: level_required, level_unknown.
Checked<Level> parse_level(std::string_view text, std::string field = "level");
// The level after a year: k3 -> p1, p6 -> m1; nullopt after m6 (graduated) and after cdc
// (a centre's children leave for kindergarten elsewhere).
std::optional<Level> next_level(Level level);
// The levels an LGO records for a funded school of another affiliation: k1..p6.
bool is_funded_school_level(Level level);

// Children (or funded-school pupils) per level.
struct LevelCounts {
  std::array<std::int64_t, kLevelCount> n{};
  std::int64_t& operator[](Level l) { return n[static_cast<std::size_t>(l)]; }
  std::int64_t operator[](Level l) const { return n[static_cast<std::size_t>(l)]; }
  std::int64_t total() const;
  LevelCounts& operator+=(const LevelCounts& o);
  LevelCounts& operator-=(const LevelCounts& o);
  bool operator==(const LevelCounts&) const = default;
};

// The subsidies a count is worth over a year, in whole baht (rates in level.cpp, with
// their source): lunch per child per school day, milk per child per day.
struct Subsidy {
  std::int64_t lunch_children = 0, milk_children = 0;
  std::int64_t lunch_baht = 0, milk_baht = 0;
};
Subsidy subsidy(const LevelCounts& counts);

// Wire: {"k1":n,...} (levels with 0 included), and api.md `counts`:
// {"levels":{...},"total","lunch","milk","lunch_baht","milk_baht"}.
nlohmann::json levels_json(const LevelCounts& c);
nlohmann::json counts_json(const LevelCounts& c);
// Funded-school counts body {"k1":n,...,"p6":n}: every key a funded-school level, each an
// integer 0..kMaxCountPerLevel; missing levels are 0. Error codes (field "counts.<level>"):
// counts_format, level_unknown, count_not_integer, count_negative, count_too_high.
constexpr std::int64_t kMaxCountPerLevel = 2000;
Checked<LevelCounts> parse_funded_counts(const nlohmann::json& counts, std::string field = "counts");

// Academic year (ปีการศึกษา), B.E.: year Y starts on 16 May of C.E. Y-543 and runs to
// 15 May of the next year.
Date academic_year_start(int be_year);
int academic_year_of(const Date& day);
// Digits only (Thai digits accepted), 2500..2700. Error codes (field "year"):
// year_required, year_format, year_out_of_range.
Checked<int> parse_academic_year(std::string_view text, std::string field = "year");

// A birth date for a child of `level` in academic year `year`, seen on `today`. Error codes
// (field "birth_date"): birth_date_future, birth_date_level (the age on 16 May of the year
// is more than a year below the level's min_age or more than three years above its max_age).
std::optional<FieldError> check_birth_date(const Date& birth, Level level, int year, const Date& today);
// Age in whole years on `on`.
int age_on(const Date& birth, const Date& on);
// Days from `from` to `to` (negative when `to` is earlier).
std::int64_t days_between(const Date& from, const Date& to);

}  // namespace domain
