#include "shared/lec/centre_profile.hpp"

namespace domain {

namespace {

struct NumberRule {
  const char* key;
  const char* label_th;
  const char* label_en;
  int min;
  int max;
};

constexpr NumberRule kRules[] = {
    {"teachers", "จำนวนครูผู้ดูแลเด็ก", "Teachers", 0, 200},
    {"carers", "จำนวนผู้ดูแลเด็ก", "Carers", 0, 200},
    {"rooms", "จำนวนห้องเรียน", "Rooms", 0, 100},
    {"min_age_months", "อายุต่ำสุดที่รับ (เดือน)", "Youngest age taken (months)", 0, 84},
    {"max_age_months", "อายุสูงสุดที่รับ (เดือน)", "Oldest age taken (months)", 0, 84},
    {"capacity", "จำนวนเด็กที่รับได้", "Capacity", 1, 2000},
};

Checked<int> number(const nlohmann::json& body, const NumberRule& r) {
  const std::string th = r.label_th, en = r.label_en;
  if (!body.is_object() || !body.contains(r.key) || body[r.key].is_null())
    return FieldError{"required", r.key, "กรุณากรอก" + th, en + " is required"};
  const auto& v = body[r.key];
  if (!v.is_number_integer())
    return FieldError{"wrong_type", r.key, th + " ต้องเป็นจำนวนเต็ม", en + " must be a whole number"};
  const auto n = v.get<long long>();
  if (n < r.min)
    return FieldError{"count_negative", r.key, th + " ต้องไม่น้อยกว่า " + std::to_string(r.min),
                      en + " must be at least " + std::to_string(r.min)};
  if (n > r.max)
    return FieldError{"count_too_high", r.key, th + " ต้องไม่เกิน " + std::to_string(r.max),
                      en + " must be at most " + std::to_string(r.max)};
  return static_cast<int>(n);
}

}  // namespace

Checked<CentreProfile> parse_centre_profile(const nlohmann::json& body) {
  int values[std::size(kRules)];
  for (std::size_t i = 0; i < std::size(kRules); ++i) {
    auto n = number(body, kRules[i]);
    if (!n) return n.error();
    values[i] = n.value();
  }
  CentreProfile p{values[0], values[1], values[2], values[3], values[4], values[5]};
  if (p.min_age_months > p.max_age_months)
    return FieldError{"age_order", "max_age_months", "อายุสูงสุดที่รับต้องไม่น้อยกว่าอายุต่ำสุด",
                      "The oldest age taken must not be below the youngest"};
  if (p.teachers + p.carers == 0)
    return FieldError{"staff_required", "teachers", "ศูนย์ต้องมีครูหรือผู้ดูแลเด็กอย่างน้อย 1 คน",
                      "A centre needs at least one teacher or carer"};
  return p;
}

void to_json(nlohmann::json& j, const CentreProfile& p) {
  j = {{"teachers", p.teachers},           {"carers", p.carers},
       {"rooms", p.rooms},                 {"min_age_months", p.min_age_months},
       {"max_age_months", p.max_age_months}, {"capacity", p.capacity}};
}

std::vector<std::string> changed_fields(const CentreProfile& a, const CentreProfile& b) {
  std::vector<std::string> out;
  const nlohmann::json ja = a, jb = b;
  for (const auto& r : kRules)
    if (ja[r.key] != jb[r.key]) out.emplace_back(r.key);
  return out;
}

double children_per_carer(const CentreProfile& p, long long children) {
  const int staff = p.teachers + p.carers;
  return staff == 0 ? 0.0 : static_cast<double>(children) / staff;
}

}  // namespace domain
