#include "shared/accounts/profile.hpp"

#include "shared/contact/phone.hpp"
#include "shared/core/text.hpp"

namespace domain {

namespace {

bool is_thai_letter(char32_t c) { return (c >= 0x0E01 && c <= 0x0E3A) || (c >= 0x0E40 && c <= 0x0E4E); }
// Vowels and tone marks written above or below a consonant: a name cannot start with one.
bool is_thai_mark(char32_t c) {
  return c == 0x0E31 || (c >= 0x0E34 && c <= 0x0E3A) || (c >= 0x0E47 && c <= 0x0E4E);
}
bool is_latin_letter(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
         (c >= 0x00C0 && c <= 0x024F && c != 0x00D7 && c != 0x00F7);  // accented, not × ÷
}
bool is_name_punctuation(char32_t c) { return c == ' ' || c == '.' || c == '-'; }

std::string join(std::string_view prefix, std::string_view field) {
  return prefix.empty() ? std::string(field) : std::string(prefix) + "." + std::string(field);
}

// Collapses runs of ASCII spaces (trim() has already removed the outer ones).
std::string single_spaced(std::string_view s) {
  std::string out;
  for (char c : s)
    if (!(c == ' ' && !out.empty() && out.back() == ' ')) out += c;
  return out;
}

// The shared rule of names and free-text titles, after the length check.
std::optional<FieldError> name_characters(const std::string& text, const std::string& field,
                                          std::string_view label_th, std::string_view label_en) {
  const auto cps = decode_utf8(text).value();  // check_text has already refused invalid UTF-8
  bool has_letter = false;
  for (char32_t c : cps) {
    if (is_thai_letter(c) || is_latin_letter(c)) has_letter = true;
    else if (!is_name_punctuation(c))
      return FieldError{"name_characters", field,
                        std::string(label_th) + ": ใช้ได้เฉพาะตัวอักษรไทยหรืออังกฤษ เว้นวรรค จุด และขีด",
                        std::string(label_en) + ": only Thai or Latin letters, spaces, '.' and '-' are allowed"};
  }
  if (!has_letter)
    return FieldError{"name_characters", field, std::string(label_th) + ": ต้องมีตัวอักษรอย่างน้อยหนึ่งตัว",
                      std::string(label_en) + ": must contain at least one letter"};
  if (is_thai_mark(cps.front()))
    return FieldError{"name_characters", field,
                      std::string(label_th) + ": ขึ้นต้นด้วยสระหรือวรรณยุกต์ไม่ได้",
                      std::string(label_en) + ": cannot start with a vowel or tone mark"};
  return std::nullopt;
}

Checked<std::string> checked_name(std::string_view raw, std::string field, std::size_t max,
                                  std::string_view label_th, std::string_view label_en) {
  auto text = check_text(raw, {field, label_th, label_en, max});
  if (!text) return text.error();
  auto name = single_spaced(text.value());
  if (auto e = name_characters(name, field, label_th, label_en)) return *e;
  return name;
}

struct Label {
  std::string_view field, th, en;
};
constexpr Label labels[] = {{"title", "คำนำหน้าชื่อ", "Title"},   {"first_name", "ชื่อ", "First name"},
                            {"last_name", "นามสกุล", "Last name"}, {"position", "ตำแหน่ง", "Position"},
                            {"phone", "เบอร์โทรศัพท์มือถือ", "Mobile phone"}, {"email", "อีเมล", "E-mail"}};

std::string_view label_th_of(std::string_view field) {
  for (const auto& l : labels)
    if (l.field == field) return l.th;
  return "ชื่อ";
}

std::string_view label_en_of(std::string_view field) {
  for (const auto& l : labels)
    if (l.field == field) return l.en;
  return "Name";
}

std::string_view last_segment(std::string_view field) {
  const auto dot = field.rfind('.');
  return dot == std::string_view::npos ? field : field.substr(dot + 1);
}

}  // namespace

const std::vector<std::string_view>& common_titles() {
  static const std::vector<std::string_view> all = {
      "นาย", "นาง", "นางสาว", "ดร.", "ผศ.", "รศ.", "ศ.", "ว่าที่ร้อยตรี", "ว่าที่ร้อยตรีหญิง",
      "Mr", "Mrs", "Ms", "Miss", "Dr"};
  return all;
}

Checked<std::string> check_person_name(std::string_view raw, std::string field) {
  const auto key = last_segment(field);
  return checked_name(raw, field, name_max_length, label_th_of(key), label_en_of(key));
}

Checked<std::string> check_title(std::string_view raw, std::string field) {
  auto text = check_text(raw, {field, "คำนำหน้าชื่อ", "Title", title_max_length});
  if (!text) return text.error();
  for (auto t : common_titles())
    if (t == text.value()) return text;
  return checked_name(raw, field, title_max_length, "คำนำหน้าชื่อ", "Title");
}

Checked<std::string> check_position(std::string_view raw, std::string field) {
  auto text = check_text(raw, {field, "ตำแหน่ง", "Position", position_max_length});
  if (!text) return text.error();  // control characters included (check_text's rule)
  return single_spaced(text.value());
}

Checked<std::string> check_mobile_phone(std::string_view raw, std::string field) {
  // One phone rule for the whole product: shared/contact's.
  auto phone = parse_mobile_phone(raw);
  if (!phone) return in_field(phone.error(), std::move(field));
  return phone.value().national();
}

Checked<std::string> check_email(std::string_view raw, bool required, std::string field) {
  if (required && trim(raw).empty())
    return FieldError{"required", std::move(field), "กรุณากรอกอีเมล", "E-mail is required"};
  auto email = parse_optional_email(raw);
  if (!email) return in_field(email.error(), std::move(field));
  return email;
}

std::vector<FieldError> profile_problems(const Profile& p, std::string_view prefix, EmailRule email) {
  std::vector<FieldError> out;
  auto note = [&](const auto& checked) {
    if (!checked) out.push_back(checked.error());
  };
  note(check_title(p.title, join(prefix, "title")));
  note(check_person_name(p.first_name, join(prefix, "first_name")));
  note(check_person_name(p.last_name, join(prefix, "last_name")));
  note(check_position(p.position, join(prefix, "position")));
  note(check_mobile_phone(p.phone, join(prefix, "phone")));
  note(check_email(p.email, email == EmailRule::required, join(prefix, "email")));
  return out;
}

Checked<Profile> check_profile(const Profile& p, std::string_view prefix, EmailRule email) {
  auto problems = profile_problems(p, prefix, email);
  if (!problems.empty()) return problems.front();
  return Profile{check_title(p.title).value(),
                 check_person_name(p.first_name, "first_name").value(),
                 check_person_name(p.last_name, "last_name").value(),
                 check_position(p.position).value(),
                 check_mobile_phone(p.phone).value(),
                 check_email(p.email, email == EmailRule::required).value()};
}

bool is_new_holder(const Profile& before, const Profile& after) {
  if (before.first_name.empty() && before.last_name.empty()) return false;  // nobody held it yet
  const bool first = before.first_name != after.first_name, last = before.last_name != after.last_name;
  return (first && last) || ((first || last) && before.phone != after.phone);
}

void to_json(nlohmann::json& j, const Profile& p) {
  j = {{"title", p.title},       {"first_name", p.first_name}, {"last_name", p.last_name},
       {"position", p.position}, {"phone", p.phone},           {"email", p.email}};
}

Checked<Profile> profile_from_json(const nlohmann::json& j, std::string_view prefix, EmailRule email) {
  if (!j.is_object())
    return FieldError{"wrong_type", std::string(prefix), "ข้อมูลผู้ใช้ต้องเป็นออบเจ็กต์ JSON",
                      "The profile must be a JSON object"};
  Profile p;
  const std::pair<const char*, std::string*> fields[] = {
      {"title", &p.title},       {"first_name", &p.first_name}, {"last_name", &p.last_name},
      {"position", &p.position}, {"phone", &p.phone},           {"email", &p.email}};
  for (const auto& [name, target] : fields) {
    auto it = j.find(name);
    if (it == j.end() || it->is_null()) continue;  // missing: the field check says "required"
    if (!it->is_string())
      return FieldError{"wrong_type", join(prefix, name),
                        std::string(label_th_of(name)) + ": ต้องเป็นข้อความ",
                        std::string(label_en_of(name)) + ": must be text"};
    *target = it->get<std::string>();
  }
  return check_profile(p, prefix, email);
}

}  // namespace domain
