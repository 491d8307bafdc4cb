#include "shared/lec/level.hpp"

#include "shared/core/text.hpp"

namespace domain {

namespace {

// Subsidy rates (whole satang, days per year):
// - Lunch: 22 baht a child a school day for 200 school days. Cabinet resolution of
//   4 April 2566 (B.E.) set 22-36 baht by school size (36 for the smallest); the lowest rate
//   is used here as the budget floor. Levels: child-development centres, kindergarten, primary.
// - Milk (อาหารเสริม นม): 7.37 baht a child a day for 260 days (school days plus holidays),
//   the rate of the Milk Board's 2566 school-milk scheme. Same levels.
// The Thai source document (seeds/003) names both subsidies but gives no rates.
constexpr std::int64_t kLunchSatangPerDay = 2200, kLunchDays = 200;
constexpr std::int64_t kMilkSatangPerDay = 737, kMilkDays = 260;

// Spaces and Thai digits do not change what a level is ("ป. ๑" = "ป.1").
std::string squash(std::string_view s) {
  std::string out;
  for (char c : ascii_lower(to_ascii_digits(trim(s))))
    if (c != ' ') out += c;
  return out;
}

std::int64_t day_number(const Date& d) {  // days since 1970-01-01 (civil-from-days inverse)
  const int y = d.y - (d.m <= 2);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (d.m + (d.m > 2 ? -3 : 9)) + 2) / 5 + d.d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<std::int64_t>(era) * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

}  // namespace

std::int64_t days_between(const Date& from, const Date& to) { return day_number(to) - day_number(from); }

const std::vector<LevelInfo>& levels() {
  static const std::vector<LevelInfo> all = {
      {Level::cdc, "cdc", "ศพด.", "ศูนย์พัฒนาเด็กเล็ก", "Child-development centre", 2, 3, true, true},
      {Level::k1, "k1", "อ.1", "อนุบาล 1", "Kindergarten 1", 3, 3, true, true},
      {Level::k2, "k2", "อ.2", "อนุบาล 2", "Kindergarten 2", 4, 4, true, true},
      {Level::k3, "k3", "อ.3", "อนุบาล 3", "Kindergarten 3", 5, 5, true, true},
      {Level::p1, "p1", "ป.1", "ประถมศึกษาปีที่ 1", "Primary 1", 6, 6, true, true},
      {Level::p2, "p2", "ป.2", "ประถมศึกษาปีที่ 2", "Primary 2", 7, 7, true, true},
      {Level::p3, "p3", "ป.3", "ประถมศึกษาปีที่ 3", "Primary 3", 8, 8, true, true},
      {Level::p4, "p4", "ป.4", "ประถมศึกษาปีที่ 4", "Primary 4", 9, 9, true, true},
      {Level::p5, "p5", "ป.5", "ประถมศึกษาปีที่ 5", "Primary 5", 10, 10, true, true},
      {Level::p6, "p6", "ป.6", "ประถมศึกษาปีที่ 6", "Primary 6", 11, 11, true, true},
      {Level::m1, "m1", "ม.1", "มัธยมศึกษาปีที่ 1", "Secondary 1", 12, 12, false, false},
      {Level::m2, "m2", "ม.2", "มัธยมศึกษาปีที่ 2", "Secondary 2", 13, 13, false, false},
      {Level::m3, "m3", "ม.3", "มัธยมศึกษาปีที่ 3", "Secondary 3", 14, 14, false, false},
      {Level::m4, "m4", "ม.4", "มัธยมศึกษาปีที่ 4", "Secondary 4", 15, 15, false, false},
      {Level::m5, "m5", "ม.5", "มัธยมศึกษาปีที่ 5", "Secondary 5", 16, 16, false, false},
      {Level::m6, "m6", "ม.6", "มัธยมศึกษาปีที่ 6", "Secondary 6", 17, 17, false, false},
  };
  return all;
}

const LevelInfo& info(Level level) { return levels()[static_cast<std::size_t>(level)]; }
std::string_view to_string(Level level) { return info(level).id; }

Checked<Level> parse_level(std::string_view text, std::string field) {
  const std::string s = squash(text);
  if (s.empty()) return FieldError{"level_required", field, "กรุณาระบุระดับชั้น", "The level is required"};
  for (const auto& l : levels())
    if (s == l.id || s == squash(l.short_th) || s == squash(l.name_th) || s == squash(l.name_en)) return l.level;
  if (s == "ศพด") return Level::cdc;  // without the final dot
  return FieldError{"level_unknown", field, "ไม่รู้จักระดับชั้น \"" + trim(text) + "\"",
                    "Unknown level \"" + trim(text) + "\""};
}

std::optional<Level> next_level(Level level) {
  if (level == Level::cdc || level == Level::m6) return std::nullopt;
  return static_cast<Level>(static_cast<int>(level) + 1);
}

bool is_funded_school_level(Level level) { return level >= Level::k1 && level <= Level::p6; }

std::int64_t LevelCounts::total() const {
  std::int64_t t = 0;
  for (auto v : n) t += v;
  return t;
}
LevelCounts& LevelCounts::operator+=(const LevelCounts& o) {
  for (std::size_t i = 0; i < kLevelCount; ++i) n[i] += o.n[i];
  return *this;
}
LevelCounts& LevelCounts::operator-=(const LevelCounts& o) {
  for (std::size_t i = 0; i < kLevelCount; ++i) n[i] -= o.n[i];
  return *this;
}

Subsidy subsidy(const LevelCounts& counts) {
  Subsidy s;
  for (const auto& l : levels()) {
    if (l.lunch) s.lunch_children += counts[l.level];
    if (l.milk) s.milk_children += counts[l.level];
  }
  s.lunch_baht = s.lunch_children * kLunchSatangPerDay * kLunchDays / 100;
  s.milk_baht = (s.milk_children * kMilkSatangPerDay * kMilkDays + 50) / 100;
  return s;
}

nlohmann::json levels_json(const LevelCounts& c) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& l : levels()) j[std::string(l.id)] = c[l.level];
  return j;
}

nlohmann::json counts_json(const LevelCounts& c) {
  const Subsidy s = subsidy(c);
  return {{"levels", levels_json(c)}, {"total", c.total()},          {"lunch", s.lunch_children},
          {"milk", s.milk_children},  {"lunch_baht", s.lunch_baht}, {"milk_baht", s.milk_baht}};
}

Checked<LevelCounts> parse_funded_counts(const nlohmann::json& counts, std::string field) {
  if (!counts.is_object())
    return FieldError{"counts_format", field, "จำนวนนักเรียนต้องเป็นออบเจ็กต์ {\"k1\": n, ...}",
                      "Counts must be an object {\"k1\": n, ...}"};
  LevelCounts out;
  for (const auto& [key, value] : counts.items()) {
    const std::string f = field + "." + key;
    const LevelInfo* found = nullptr;
    for (const auto& l : levels())
      if (l.id == key && is_funded_school_level(l.level)) found = &l;
    if (!found)
      return FieldError{"level_unknown", f, "ระดับชั้น \"" + key + "\" ไม่ใช่ชั้น อ.1–ป.6",
                        "Level \"" + key + "\" is not one of k1..p6"};
    if (!value.is_number_integer())
      return FieldError{"count_not_integer", f, "จำนวนนักเรียน " + std::string(found->short_th) + " ต้องเป็นจำนวนเต็ม",
                        "The count of " + std::string(found->name_en) + " must be a whole number"};
    const auto n = value.get<std::int64_t>();
    if (n < 0)
      return FieldError{"count_negative", f, "จำนวนนักเรียน " + std::string(found->short_th) + " ติดลบไม่ได้",
                        "The count of " + std::string(found->name_en) + " cannot be negative"};
    if (n > kMaxCountPerLevel)
      return FieldError{"count_too_high", f,
                        "จำนวนนักเรียน " + std::string(found->short_th) + " เกิน " + std::to_string(kMaxCountPerLevel) + " คน",
                        "The count of " + std::string(found->name_en) + " is over " + std::to_string(kMaxCountPerLevel)};
    out[found->level] = n;
  }
  return out;
}

Date academic_year_start(int be_year) { return Date{to_ce_year(be_year), 5, 16}; }

int academic_year_of(const Date& day) {
  const int be = to_be_year(day.y);
  return day < academic_year_start(be) ? be - 1 : be;
}

Checked<int> parse_academic_year(std::string_view text, std::string field) {
  const std::string s = to_ascii_digits(trim(text));
  if (s.empty()) return FieldError{"year_required", field, "กรุณาระบุปีการศึกษา", "The academic year is required"};
  if (!is_ascii_digits(s) || s.size() > 6)
    return FieldError{"year_format", field, "ปีการศึกษาต้องเป็นตัวเลข พ.ศ. เช่น 2568",
                      "The academic year must be a B.E. number, e.g. 2568"};
  const int y = std::stoi(s);
  if (y < 2500 || y > 2700)
    return FieldError{"year_out_of_range", field, "ปีการศึกษาต้องอยู่ระหว่าง 2500 ถึง 2700 (พ.ศ.)",
                      "The academic year must be between 2500 and 2700 (B.E.)"};
  return y;
}

int age_on(const Date& birth, const Date& on) {
  int age = on.y - birth.y;
  if (on.m < birth.m || (on.m == birth.m && on.d < birth.d)) --age;
  return age;
}

std::optional<FieldError> check_birth_date(const Date& birth, Level level, int year, const Date& today) {
  if (birth > today)
    return FieldError{"birth_date_future", "birth_date", "วันเกิดต้องไม่อยู่ในอนาคต", "The birth date cannot be in the future"};
  const LevelInfo& l = info(level);
  const int age = age_on(birth, academic_year_start(year));
  if (age < l.min_age - 1 || age > l.max_age + 3)
    return FieldError{"birth_date_level", "birth_date",
                      "อายุ " + std::to_string(age) + " ปี (ณ 16 พ.ค.) ไม่เข้ากับชั้น " + std::string(l.short_th),
                      "Age " + std::to_string(age) + " (on 16 May) does not fit " + std::string(l.name_en)};
  return std::nullopt;
}

}  // namespace domain
