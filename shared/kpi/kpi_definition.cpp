#include "shared/kpi/kpi_definition.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>

#include "shared/core/text.hpp"

namespace domain {

namespace {

std::string number_text(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

FieldError not_text(const std::string& field, std::string_view label_th, std::string_view label_en) {
  return FieldError{"text_format", field, std::string(label_th) + " ต้องเป็นข้อความ",
                    std::string(label_en) + " must be text"};
}

// A string member checked by its text rule; a missing optional member is "".
Checked<std::string> text_member(const nlohmann::json& body, const TextRule& rule) {
  const std::string field(rule.field);
  const auto it = body.find(field);
  if (it == body.end() || it->is_null()) return check_text("", rule);
  if (!it->is_string()) return not_text(field, rule.label_th, rule.label_en);
  return check_text(it->get<std::string>(), rule);
}

std::optional<FieldError> required_string(const nlohmann::json& body, const std::string& field,
                                          std::string_view th, std::string_view en) {
  const auto it = body.find(field);
  if (it == body.end() || it->is_null())
    return FieldError{field + "_required", field, "กรุณาระบุ" + std::string(th), std::string(en) + " is required"};
  if (!it->is_string()) return not_text(field, th, en);
  return std::nullopt;
}

Checked<int> year_member(const nlohmann::json& body) {
  const auto it = body.find("year");
  if (it == body.end() || it->is_null())
    return FieldError{"fiscal_year_required", "year", "กรุณาเลือกปีงบประมาณ", "Fiscal year is required"};
  if (it->is_number_integer()) {
    const auto y = it->get<std::int64_t>();
    if (y < kMinFiscalYear || y > kMaxFiscalYear) return *check_fiscal_year(kMinFiscalYear - 1);
    return static_cast<int>(y);
  }
  if (it->is_string()) return parse_fiscal_year(it->get<std::string>());
  return FieldError{"fiscal_year_format", "year", "ปีงบประมาณต้องเป็นตัวเลข 4 หลัก เช่น 2567",
                    "Fiscal year must be 4 digits, e.g. 2567"};
}

Checked<std::vector<double>> criteria_member(const nlohmann::json& body, KpiType type) {
  std::vector<double> levels;
  const auto it = body.find("criteria");
  if (it == body.end() || it->is_null()) return levels;
  if (!it->is_array())
    return FieldError{"criteria_format", "criteria", "เกณฑ์การประเมินต้องเป็นรายการตัวเลข เช่น [2, 3, 4, 5]",
                      "Criteria must be a list of numbers, e.g. [2, 3, 4, 5]"};
  if (it->size() > kMaxCriteria)
    return FieldError{"criteria_too_many", "criteria",
                      "เกณฑ์การประเมินมีได้ไม่เกิน " + std::to_string(kMaxCriteria) + " ระดับ",
                      "At most " + std::to_string(kMaxCriteria) + " criteria levels"};
  const ScoreRange range = score_range(type);
  for (std::size_t i = 0; i < it->size(); ++i) {
    const std::string field = "criteria[" + std::to_string(i) + "]";
    const auto& v = (*it)[i];
    if (!v.is_number() || !std::isfinite(v.get<double>()))
      return FieldError{"criteria_format", field, "เกณฑ์การประเมินต้องเป็นตัวเลข", "A criteria level must be a number"};
    const double level = v.get<double>();
    if (level < range.min || level > range.max)
      return FieldError{"criteria_range", field,
                        "เกณฑ์การประเมินต้องอยู่ระหว่าง " + number_text(range.min) + " ถึง " + number_text(range.max),
                        "A criteria level must be from " + number_text(range.min) + " to " + number_text(range.max)};
    if (!levels.empty() && level <= levels.back())
      return FieldError{"criteria_order", field, "เกณฑ์การประเมินต้องเรียงจากน้อยไปมาก ไม่ซ้ำกัน",
                        "Criteria levels must be in ascending order, without repeats"};
    levels.push_back(level);
  }
  return levels;
}

Checked<std::vector<Period>> open_periods_member(const nlohmann::json& body, Cadence cadence) {
  std::vector<Period> open;
  const auto it = body.find("open_periods");
  if (it == body.end() || it->is_null()) return open;
  if (!it->is_array())
    return FieldError{"period_invalid", "open_periods", "รอบการรายงานต้องเป็นรายการ เช่น [\"h1\", \"h2\"]",
                      "Open periods must be a list, e.g. [\"h1\", \"h2\"]"};
  for (std::size_t i = 0; i < it->size(); ++i) {
    const std::string field = "open_periods[" + std::to_string(i) + "]";
    const auto& v = (*it)[i];
    auto p = parse_period(v.is_string() ? v.get<std::string>() : std::string());
    if (!p) return in_field(p.error(), field);
    if (!period_in_cadence(p.value(), cadence))
      return FieldError{"period_not_in_cadence", field,
                        "รอบ " + period_id(p.value()) + " ไม่ใช่รอบของการรายงานแบบที่เลือก",
                        "Period " + period_id(p.value()) + " is not a period of the chosen cadence"};
    if (std::find(open.begin(), open.end(), p.value()) != open.end())
      return FieldError{"period_duplicate", field, "รอบการรายงานซ้ำกัน", "The period is listed twice"};
    open.push_back(p.value());
  }
  // Cadence order, whatever order the form sent.
  std::vector<Period> ordered;
  for (const Period& p : periods_of(cadence))
    if (std::find(open.begin(), open.end(), p) != open.end()) ordered.push_back(p);
  return ordered;
}

}  // namespace

std::string_view kpi_type_id(KpiType t) { return t == KpiType::score_1_5 ? "score_1_5" : "percentage"; }
std::string_view kpi_type_label_th(KpiType t) {
  return t == KpiType::score_1_5 ? "ค่าเฉลี่ยถ่วงน้ำหนัก (1 - 5)" : "ร้อยละ (0 - 100)";
}
std::string_view kpi_type_label_en(KpiType t) {
  return t == KpiType::score_1_5 ? "Weighted average (1-5)" : "Percentage (0-100)";
}
ScoreRange score_range(KpiType t) { return t == KpiType::score_1_5 ? ScoreRange{1, 5} : ScoreRange{0, 100}; }

Checked<KpiType> parse_kpi_type(std::string_view id) {
  if (id == "score_1_5") return KpiType::score_1_5;
  if (id == "percentage") return KpiType::percentage;
  return FieldError{"kpi_type_invalid", "type", "ประเภทตัวชี้วัดต้องเป็นค่าเฉลี่ย 1-5 หรือร้อยละ",
                    "KPI type must be score_1_5 or percentage"};
}

std::string_view kpi_status_id(KpiStatus s) { return s == KpiStatus::open ? "open" : "closed"; }
Checked<KpiStatus> parse_kpi_status(std::string_view id) {
  if (id == "open") return KpiStatus::open;
  if (id == "closed") return KpiStatus::closed;
  return FieldError{"kpi_status_invalid", "status", "สถานะตัวชี้วัดต้องเป็นเปิดหรือปิด",
                    "KPI status must be open or closed"};
}

bool KpiDefinition::is_open(const Period& p) const {
  return status == KpiStatus::open && std::find(open_periods.begin(), open_periods.end(), p) != open_periods.end();
}

namespace {

// Reads the body's fields in order; each problem goes to `problems`. With `first_only` it
// stops at the first (the server's reply names one field).
KpiDefinition read_definition(const nlohmann::json& body, std::vector<FieldError>& problems, bool first_only) {
  KpiDefinition k;
  if (!body.is_object()) {
    problems.push_back({"body_format", "", "ข้อมูลที่ส่งมาต้องเป็น JSON object", "The body must be a JSON object"});
    return k;
  }
  // Keeps a field's value, or its problem; false: stop reading.
  const auto take = [&](auto checked, auto& into) {
    if (checked) {
      into = checked.value();
      return true;
    }
    problems.push_back(checked.error());
    return !first_only;
  };
  const auto fail = [&](FieldError e) {
    problems.push_back(std::move(e));
    return !first_only;
  };
  if (!take(year_member(body), k.year)) return k;
  if (!take(text_member(body, {"number", "เลขตัวชี้วัด", "KPI number", kMaxKpiNumberLength}), k.number)) return k;
  if (!take(text_member(body, {"name", "ชื่อตัวชี้วัด", "KPI name", kMaxKpiNameLength}), k.name)) return k;
  if (!take(text_member(body, {"description", "รายละเอียดตัวชี้วัด", "Description", kMaxKpiDescriptionLength, false, true}),
            k.description))
    return k;

  bool type_ok = false;
  if (auto e = required_string(body, "type", "ประเภทตัวชี้วัด", "KPI type")) {
    if (!fail(*e)) return k;
  } else {
    const auto type = parse_kpi_type(body["type"].get<std::string>());
    type_ok = type.ok();
    if (!take(type, k.type)) return k;
  }
  if (type_ok && !take(criteria_member(body, k.type), k.criteria)) return k;

  if (!take(text_member(body, {"owner_group", "กลุ่มงานที่รับผิดชอบ", "Owner group", kMaxOwnerGroupLength, false}),
            k.owner_group))
    return k;

  bool cadence_ok = false;
  if (auto e = required_string(body, "cadence", "ลักษณะการรายงาน", "Cadence")) {
    if (!fail(*e)) return k;
  } else {
    const auto cadence = parse_cadence(body["cadence"].get<std::string>());
    cadence_ok = cadence.ok();
    if (!take(cadence, k.cadence)) return k;
  }
  if (cadence_ok && !take(open_periods_member(body, k.cadence), k.open_periods)) return k;

  const auto st = body.find("status");
  if (st != body.end() && !st->is_null())
    take(parse_kpi_status(st->is_string() ? st->get<std::string>() : std::string()), k.status);
  return k;
}

}  // namespace

Checked<KpiDefinition> parse_kpi_definition(const nlohmann::json& body) {
  std::vector<FieldError> problems;
  KpiDefinition k = read_definition(body, problems, true);
  if (!problems.empty()) return problems.front();
  return k;
}

std::vector<FieldError> kpi_definition_problems(const nlohmann::json& body) {
  std::vector<FieldError> problems;
  read_definition(body, problems, false);
  return problems;
}

Checked<std::vector<double>> parse_criteria_text(std::string_view text) {
  const FieldError format{"criteria_format", "criteria", "เกณฑ์การประเมินต้องเป็นตัวเลขคั่นด้วยจุลภาค เช่น 2, 3, 4, 5",
                          "Criteria must be numbers separated by commas, e.g. 2, 3, 4, 5"};
  const std::string s = to_ascii_digits(text);
  const auto digit = [&](std::size_t i) { return i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.'); };
  const std::string_view arrow = "→";
  std::vector<double> levels;
  for (std::size_t i = 0; i < s.size();) {
    if (digit(i) || (s[i] == '-' && digit(i + 1))) {  // a number, maybe negative
      std::size_t j = i + 1;
      while (digit(j)) ++j;
      const std::string number = s.substr(i, j - i);
      char* end = nullptr;
      const double v = std::strtod(number.c_str(), &end);
      if (end != number.c_str() + number.size() || !std::isfinite(v)) return format;
      levels.push_back(v);
      i = j;
    } else if (std::string_view(" \t,;[]()->").find(s[i]) != std::string_view::npos) {
      ++i;
    } else if (std::string_view(s).substr(i, arrow.size()) == arrow) {
      i += arrow.size();
    } else {
      return format;
    }
  }
  return levels;
}

std::string criteria_text(const std::vector<double>& levels) {
  std::string out;
  for (double v : levels) out += (out.empty() ? "" : ", ") + number_text(v);
  return out;
}

void to_json(nlohmann::json& j, const KpiDefinition& k) {
  nlohmann::json open = nlohmann::json::array();
  for (const Period& p : k.open_periods) open.push_back(period_id(p));
  j = {{"year", k.year},
       {"number", k.number},
       {"name", k.name},
       {"description", k.description},
       {"type", kpi_type_id(k.type)},
       {"criteria", k.criteria},
       {"owner_group", k.owner_group},
       {"cadence", cadence_id(k.cadence)},
       {"open_periods", open},
       {"status", kpi_status_id(k.status)}};
}

Checked<double> check_score(KpiType type, const nlohmann::json& value, const std::string& field) {
  const ScoreRange range = score_range(type);
  const std::string range_th = number_text(range.min) + " ถึง " + number_text(range.max);
  const std::string range_en = number_text(range.min) + " to " + number_text(range.max);
  if (value.is_null() || (value.is_string() && trim(value.get<std::string>()).empty()))
    return FieldError{"score_required", field, "กรุณาระบุคะแนน (" + range_th + ")",
                      "A score is required (" + range_en + ")"};
  double score = 0;
  if (value.is_number()) {
    score = value.get<double>();
  } else if (value.is_string()) {
    const std::string s = to_ascii_digits(trim(value.get<std::string>()));
    char* end = nullptr;
    score = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size()) score = NAN;
  } else {
    score = NAN;
  }
  if (!std::isfinite(score))
    return FieldError{"score_format", field, "คะแนนต้องเป็นตัวเลข", "The score must be a number"};
  if (score < range.min || score > range.max)
    return FieldError{"score_range", field, "คะแนนต้องอยู่ระหว่าง " + range_th,
                      "The score must be from " + range_en};
  return score;
}

KpiDefinition copied_to_next_year(const KpiDefinition& k) {
  KpiDefinition next = k;
  next.year = k.year + 1;
  next.status = KpiStatus::open;
  return next;
}

}  // namespace domain
