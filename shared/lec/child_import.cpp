#include "shared/lec/child_import.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <map>
#include <utility>

#include "shared/core/text.hpp"

namespace domain {

namespace {

// The wire fields in the order of the api.md body; the last (room) is optional.
constexpr std::array<std::string_view, 8> kFields = {"id_number", "title", "first_name", "last_name",
                                                     "sex",       "birth_date", "level", "room"};
constexpr std::size_t kRoom = 7;

struct FieldLabel {
  std::string_view th, en;
};
constexpr std::array<FieldLabel, 8> kLabels = {{{"เลขประจำตัวประชาชน", "national ID / G-Code"},
                                                {"คำนำหน้า", "title"},
                                                {"ชื่อ", "first name"},
                                                {"นามสกุล", "last name"},
                                                {"เพศ", "sex"},
                                                {"วันเกิด", "birth date"},
                                                {"ระดับชั้น", "level"},
                                                {"ห้อง", "room"}}};

// Headers as Thai schools and DMC exports name them, compared without spaces and ASCII case.
const std::map<std::string, std::string_view, std::less<>>& aliases() {
  static const std::map<std::string, std::string_view, std::less<>> m = {
      {"id_number", "id_number"},       {"idnumber", "id_number"},        {"nationalid", "id_number"},
      {"id", "id_number"},              {"g-code", "id_number"},          {"gcode", "id_number"},
      {"เลขประจำตัวประชาชน", "id_number"}, {"เลขบัตรประชาชน", "id_number"},   {"เลขบัตร", "id_number"},
      {"เลขประจำตัว", "id_number"},       {"เลขประจำตัวประชาชน/g-code", "id_number"},
      {"title", "title"},               {"คำนำหน้า", "title"},              {"คำนำหน้าชื่อ", "title"},
      {"first_name", "first_name"},     {"firstname", "first_name"},      {"ชื่อ", "first_name"},
      {"last_name", "last_name"},       {"lastname", "last_name"},        {"surname", "last_name"},
      {"นามสกุล", "last_name"},           {"sex", "sex"},                   {"gender", "sex"},
      {"เพศ", "sex"},                     {"birth_date", "birth_date"},     {"birthdate", "birth_date"},
      {"dateofbirth", "birth_date"},    {"วันเกิด", "birth_date"},          {"วันเดือนปีเกิด", "birth_date"},
      {"level", "level"},               {"grade", "level"},               {"ระดับชั้น", "level"},
      {"ชั้น", "level"},                   {"ชั้นเรียน", "level"},              {"room", "room"},
      {"ห้อง", "room"},                    {"ห้องเรียน", "room"},
  };
  return m;
}

std::string header_key(std::string_view h) {
  std::string out;
  for (char c : ascii_lower(trim(h)))
    if (c != ' ') out += c;
  return out;
}

// Days since 1970-01-01 of a civil date and back (Howard Hinnant's algorithms).
long long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}
Date civil_from_days(long long z) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return Date{static_cast<int>(yoe + era * 400) + (m <= 2), m, d};
}

bool blank(const std::vector<std::string>& row) {
  for (const auto& c : row)
    if (!trim(c).empty()) return false;
  return true;
}

FieldError header_error(std::string code, std::string_view field, std::string th, std::string en) {
  return FieldError{std::move(code), std::string(field), std::move(th), std::move(en)};
}

}  // namespace

std::optional<std::string_view> import_column(std::string_view header) {
  const auto& m = aliases();
  const auto it = m.find(header_key(header));
  if (it == m.end()) return std::nullopt;
  return it->second;
}

std::optional<Date> date_from_excel_serial(double serial) {
  if (!(serial >= 1 && serial < 2958466)) return std::nullopt;  // 9999-12-31
  long long whole = static_cast<long long>(std::floor(serial));
  if (whole == 60) return std::nullopt;  // 29 Feb 1900, a day that never was
  if (whole < 60) ++whole;               // before the phantom day the count is one short
  return civil_from_days(days_from_civil(1899, 12, 30) + whole);
}

Checked<Date> parse_import_date(std::string_view cell) {
  const std::string t = to_ascii_digits(trim(cell));
  if (t.empty()) return in_field(parse_iso_date("").error(), "birth_date");
  if (t.find('-') != std::string::npos) {
    auto iso = parse_iso_date(t);
    if (!iso) return in_field(iso.error(), "birth_date");
    return iso;
  }
  if (t.find('/') == std::string::npos) {
    // A date cell of a workbook arrives as its day number, perhaps with a time fraction.
    // Digits, then an optional point and digits; "." or 400 digits are not a day number
    // (std::stod threw on both, a 500 for the whole import): they fall through to the B.E.
    // error below. Integer from_chars only: Emscripten's libc++ has no floating one.
    const auto point = t.find('.');
    const std::string_view whole(t.data(), point == std::string::npos ? t.size() : point);
    const std::string_view fraction = point == std::string::npos ? std::string_view() : std::string_view(t).substr(point + 1);
    long long days = 0;
    const auto [end, ec] = std::from_chars(whole.data(), whole.data() + whole.size(), days);
    if (!whole.empty() && ec == std::errc() && end == whole.data() + whole.size() &&
        fraction.find_first_not_of("0123456789") == std::string_view::npos && days < 10000000) {
      if (auto d = date_from_excel_serial(static_cast<double>(days))) return *d;
    }
  }
  auto be = parse_be_date(t);
  if (!be) return in_field(be.error(), "birth_date");
  return be;
}

ImportResult check_import(const ImportTable& table, int year, const Date& today, InstitutionType type) {
  ImportResult out;
  if (blank(table.header)) {
    out.errors.push_back({1, header_error("import_empty", "file", "ไฟล์ไม่มีแถวหัวตาราง",
                                          "The file has no header row")});
    return out;
  }
  std::array<std::optional<std::size_t>, kFields.size()> column{};
  for (std::size_t c = 0; c < table.header.size(); ++c) {
    const auto field = import_column(table.header[c]);
    if (!field) continue;
    for (std::size_t f = 0; f < kFields.size(); ++f) {
      if (kFields[f] != *field) continue;
      if (column[f]) {
        out.errors.push_back({1, header_error("import_column_twice", kFields[f],
                                              "คอลัมน์ " + std::string(kLabels[f].th) + " มีมากกว่าหนึ่งคอลัมน์",
                                              "The " + std::string(kLabels[f].en) + " column appears twice")});
      }
      column[f] = c;
    }
  }
  for (std::size_t f = 0; f < kFields.size(); ++f) {
    if (column[f] || f == kRoom) continue;
    out.errors.push_back({1, header_error("import_column_missing", kFields[f],
                                          "ไม่พบคอลัมน์ " + std::string(kLabels[f].th) + " ในแถวหัวตาราง",
                                          "The header row has no " + std::string(kLabels[f].en) + " column")});
  }
  if (!out.errors.empty()) return out;

  std::map<std::string, std::vector<std::size_t>> rows_of_id;  // ID value -> indexes into out.children
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    const std::size_t row = i + 2;
    const auto& cells = table.rows[i];
    if (blank(cells)) continue;
    if (i >= kMaxImportRows) {
      out.errors.push_back({row, header_error("import_too_many_rows", "file",
                                              "ไฟล์มีเกิน " + std::to_string(kMaxImportRows) + " แถว",
                                              "The file has more than " + std::to_string(kMaxImportRows) + " rows")});
      break;
    }
    nlohmann::json body = nlohmann::json::object();
    std::optional<FieldError> date_error;
    for (std::size_t f = 0; f < kFields.size(); ++f) {
      const std::string cell = column[f] && *column[f] < cells.size() ? cells[*column[f]] : std::string();
      if (kFields[f] != "birth_date") {
        body[std::string(kFields[f])] = cell;
        continue;
      }
      auto d = parse_import_date(cell);
      if (d) body["birth_date"] = to_iso(d.value());
      else {
        date_error = d.error();
        body["birth_date"] = "2000-01-01";  // a stand-in so the other fields are still checked
      }
    }
    auto problems = child_problems(body, year, today, type);
    if (date_error) {
      // The stand-in date may have drawn an age complaint of its own: the real one replaces it.
      std::erase_if(problems, [](const FieldError& e) { return e.field == "birth_date"; });
      problems.insert(problems.begin(), *date_error);
    }
    if (!problems.empty()) {
      for (auto& p : problems) out.errors.push_back({row, std::move(p)});
      continue;
    }
    auto child = parse_child(body, year, today, type);
    if (!child) {  // cannot happen when child_problems found nothing; kept so a gap shows, not crashes
      out.errors.push_back({row, child.error()});
      continue;
    }
    rows_of_id[child.value().id.value()].push_back(out.children.size());
    out.children.push_back({row, std::move(child.value())});
  }

  // The same child twice in one file: neither row is taken, each names the other.
  std::vector<bool> duplicate(out.children.size(), false);
  for (const auto& [id, idx] : rows_of_id) {
    if (idx.size() < 2) continue;
    for (std::size_t k : idx) {
      duplicate[k] = true;
      std::string others;
      for (std::size_t j : idx)
        if (j != k) others += (others.empty() ? "" : ", ") + std::to_string(out.children[j].row);
      out.errors.push_back({out.children[k].row,
                            FieldError{"import_duplicate", "id_number",
                                       "เลขประจำตัวซ้ำกับแถว " + others + " ในไฟล์เดียวกัน",
                                       "The same ID as row " + others + " of this file"}});
    }
  }
  std::vector<ImportedChild> kept;
  kept.reserve(out.children.size());
  for (std::size_t k = 0; k < out.children.size(); ++k)
    if (!duplicate[k]) kept.push_back(std::move(out.children[k]));
  out.children = std::move(kept);
  std::stable_sort(out.errors.begin(), out.errors.end(),
                   [](const ImportError& a, const ImportError& b) { return a.row < b.row; });
  return out;
}

nlohmann::json import_error_json(const ImportError& e) {
  return {{"row", e.row},
          {"field", e.error.field},
          {"code", e.error.code},
          {"message_th", e.error.message_th},
          {"message_en", e.error.message_en}};
}

}  // namespace domain
