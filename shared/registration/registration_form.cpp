#include "shared/registration/registration_form.hpp"

#include "shared/core/text.hpp"
#include "shared/directory/institution_code.hpp"

namespace domain {

const char* const institution_not_found_advice_th =
    "ไม่พบสถานศึกษานี้ในระบบ กรุณาติดต่อต้นสังกัดเพื่อเพิ่มข้อมูลสถานศึกษาในระบบ DMC (สพฐ.) หรือ LEC (อปท.) "
    "แล้วจึงลงทะเบียนอีกครั้ง";
const char* const institution_not_found_advice_en =
    "This institution is not in the directory. Ask your affiliation to add it to DMC (OBEC) or LEC (DLA), "
    "then register again.";

Checked<std::string> check_affiliation(std::string_view raw) {
  const std::string id = trim(raw);
  if (id.empty())
    return FieldError{"affiliation_required", "affiliation", "กรุณาเลือกสังกัด", "Choose the affiliation"};
  const Affiliation* a = find_affiliation(id);
  if (!a)
    return FieldError{"affiliation_unknown", "affiliation", "ไม่รู้จักสังกัดนี้", "Unknown affiliation"};
  if (!a->open)
    return FieldError{"affiliation_not_open", "affiliation",
                      std::string(a->name_th) + " ยังไม่เปิดให้ลงทะเบียน (เปิดเฉพาะ สพฐ. และ อปท.)",
                      std::string(a->name_en) + " is not open yet (only OBEC and DLA are)"};
  return id;
}

std::optional<FieldError> institution_problem(std::string_view affiliation, std::string_view code,
                                              const Institution* found) {
  if (!found)
    return FieldError{"institution_not_found", "institution_code",
                      "รหัส " + std::string(code) + ": " + institution_not_found_advice_th,
                      "Code " + std::string(code) + ": " + institution_not_found_advice_en};
  if (found->affiliation != affiliation) {
    const Affiliation* theirs = find_affiliation(found->affiliation);
    const Affiliation* chosen = find_affiliation(affiliation);
    auto th = [](const Affiliation* a) { return a ? std::string(a->name_th) : std::string("อื่น"); };
    auto en = [](const Affiliation* a) { return a ? std::string(a->name_en) : std::string("another"); };
    return FieldError{"institution_other_affiliation", "institution_code",
                      found->name_th + " สังกัด " + th(theirs) + " ไม่ใช่ " + th(chosen) +
                          " กรุณาเลือกสังกัดให้ถูกต้อง",
                      found->name_th + " belongs to " + en(theirs) + ", not " + en(chosen) +
                          "; choose the right affiliation"};
  }
  return std::nullopt;
}

Checked<std::string> check_legacy_username(std::string_view raw, std::string field) {
  const std::string v = trim(raw);
  if (v.size() > legacy_username_max_length)
    return FieldError{"legacy_username_length", std::move(field), "ชื่อผู้ใช้เดิมยาวเกิน 64 ตัวอักษร",
                      "The old username is longer than 64 characters"};
  for (unsigned char c : v)
    if (!(std::isalnum(c) || c == '.' || c == '_' || c == '-' || c == '@'))
      return FieldError{"legacy_username_chars", std::move(field),
                        "ชื่อผู้ใช้เดิมมีได้เฉพาะตัวอักษรอังกฤษ ตัวเลข และ . _ - @",
                        "The old username may hold only Latin letters, digits and . _ - @"};
  return v;
}

std::vector<FieldError> registration_problems(const RegistrationForm& f) {
  std::vector<FieldError> out;
  if (auto a = check_affiliation(f.affiliation); !a) out.push_back(a.error());
  if (auto c = parse_institution_code(f.institution_code); !c) out.push_back(in_field(c.error(), "institution_code"));
  if (auto t = check_legacy_username(f.tsl_username, "legacy.tsl_username"); !t) out.push_back(t.error());
  if (auto k = check_legacy_username(f.kiddiary_username, "legacy.kiddiary_username"); !k) out.push_back(k.error());
  auto profile = profile_problems(f.officer, "officer");
  // The national ID sits between the names and the position on the form.
  auto id = parse_national_id(f.national_id);
  std::size_t at = 0;
  while (at < profile.size() && (profile[at].field == "officer.title" || profile[at].field == "officer.first_name" ||
                                 profile[at].field == "officer.last_name"))
    ++at;
  if (!id) profile.insert(profile.begin() + static_cast<std::ptrdiff_t>(at), in_field(id.error(), "officer.national_id"));
  out.insert(out.end(), profile.begin(), profile.end());
  return out;
}

Checked<Registrant> check_registration(const RegistrationForm& f) {
  auto problems = registration_problems(f);
  if (!problems.empty()) return problems.front();
  auto officer = check_profile(f.officer, "officer");
  return Registrant{trim(f.affiliation),
                    parse_institution_code(f.institution_code).value(),
                    officer.value(),
                    parse_national_id(f.national_id).value(),
                    check_legacy_username(f.tsl_username, "").value(),
                    check_legacy_username(f.kiddiary_username, "").value()};
}

namespace {

std::optional<FieldError> take_string(const nlohmann::json& j, const char* name, std::string field, std::string& out) {
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) return std::nullopt;
  if (!it->is_string())
    return FieldError{"wrong_type", std::move(field), "ต้องเป็นข้อความ: " + field, "Must be text: " + field};
  out = it->get<std::string>();
  return std::nullopt;
}

}  // namespace

Checked<RegistrationForm> registration_form_from_json(const nlohmann::json& j) {
  if (!j.is_object())
    return FieldError{"wrong_type", "", "ข้อมูลต้องเป็นออบเจ็กต์ JSON", "The body must be a JSON object"};
  RegistrationForm f;
  if (auto e = take_string(j, "affiliation", "affiliation", f.affiliation)) return *e;
  if (auto e = take_string(j, "institution_code", "institution_code", f.institution_code)) return *e;
  for (const char* part : {"officer", "legacy"}) {
    auto it = j.find(part);
    if (it != j.end() && !it->is_null() && !it->is_object())
      return FieldError{"wrong_type", part, std::string("ต้องเป็นออบเจ็กต์: ") + part, std::string("Must be an object: ") + part};
  }
  const nlohmann::json none = nlohmann::json::object();
  const auto& o = j.contains("officer") && j["officer"].is_object() ? j["officer"] : none;
  const std::pair<const char*, std::string*> officer_fields[] = {
      {"title", &f.officer.title},       {"first_name", &f.officer.first_name}, {"last_name", &f.officer.last_name},
      {"national_id", &f.national_id},   {"position", &f.officer.position},     {"phone", &f.officer.phone},
      {"email", &f.officer.email}};
  for (const auto& [name, target] : officer_fields)
    if (auto e = take_string(o, name, std::string("officer.") + name, *target)) return *e;
  const auto& l = j.contains("legacy") && j["legacy"].is_object() ? j["legacy"] : none;
  if (auto e = take_string(l, "tsl_username", "legacy.tsl_username", f.tsl_username)) return *e;
  if (auto e = take_string(l, "kiddiary_username", "legacy.kiddiary_username", f.kiddiary_username)) return *e;
  return f;
}

nlohmann::json to_json(const RegistrationForm& f) {
  return {{"affiliation", f.affiliation},
          {"institution_code", f.institution_code},
          {"officer",
           {{"title", f.officer.title},
            {"first_name", f.officer.first_name},
            {"last_name", f.officer.last_name},
            {"national_id", f.national_id},
            {"position", f.officer.position},
            {"phone", f.officer.phone},
            {"email", f.officer.email}}},
          {"legacy", {{"tsl_username", f.tsl_username}, {"kiddiary_username", f.kiddiary_username}}}};
}

}  // namespace domain
