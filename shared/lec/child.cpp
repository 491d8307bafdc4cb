#include "shared/lec/child.hpp"

#include "shared/core/text.hpp"

namespace domain {

namespace {

const TextRule kTitle{"title", "คำนำหน้าชื่อ", "Title", 40};
const TextRule kFirstName{"first_name", "ชื่อ", "First name", 100};
const TextRule kLastName{"last_name", "นามสกุล", "Last name", 100};
const TextRule kRoom{"room", "ห้อง", "Room", 20, false};

std::string text_of(const nlohmann::json& body, const char* key) {
  auto it = body.find(key);
  return it != body.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

}  // namespace

std::string_view to_string(ChildIdKind k) { return k == ChildIdKind::national_id ? "national_id" : "g_code"; }

std::string ChildId::masked() const {
  if (kind_ == ChildIdKind::national_id)
    return value_.substr(0, 1) + "-" + value_.substr(1, 4) + "-xxxxx-xx-" + value_.substr(12, 1);
  return "G-" + value_.substr(1, 4) + "-xxxxx-xx-" + value_.substr(12, 1);
}

Checked<ChildId> parse_child_id(std::string_view input, std::string field) {
  const std::string t = trim(input);
  if (t.empty())
    return FieldError{"id_number_required", field, "กรุณากรอกเลขประจำตัวประชาชนหรือ G-Code",
                      "The national ID or G-Code is required"};
  if (t[0] == 'G' || t[0] == 'g') {
    auto g = parse_g_code(t);
    if (!g) return in_field(g.error(), field);
    return ChildId(ChildIdKind::g_code, g.value().value());
  }
  auto id = parse_national_id(t);
  if (!id) return in_field(id.error(), field);
  return ChildId(ChildIdKind::national_id, id.value().digits());
}

std::string_view to_string(Sex s) { return s == Sex::m ? "m" : "f"; }

Checked<Sex> parse_sex(std::string_view text, std::string field) {
  const std::string s = ascii_lower(trim(text));
  if (s.empty()) return FieldError{"sex_required", field, "กรุณาระบุเพศ", "The sex is required"};
  if (s == "m" || s == "ช" || s == "ชาย" || s == "male") return Sex::m;
  if (s == "f" || s == "ญ" || s == "หญิง" || s == "female") return Sex::f;
  return FieldError{"sex_unknown", field, "เพศต้องเป็น ชาย หรือ หญิง", "The sex must be male or female"};
}

InstitutionType institution_type_from_name(std::string_view name_th) {
  return starts_with(trim(name_th), "ศูนย์พัฒนาเด็กเล็ก") ? InstitutionType::child_development_centre
                                                      : InstitutionType::school;
}

std::optional<FieldError> check_level_offered(Level level, InstitutionType type) {
  const bool centre = type == InstitutionType::child_development_centre;
  if (centre == (level == Level::cdc)) return std::nullopt;
  if (centre)
    return FieldError{"level_not_offered", "level", "ศูนย์พัฒนาเด็กเล็กรับเฉพาะเด็กเล็ก (ศพด.)",
                      "A child-development centre takes pre-school children (cdc) only"};
  return FieldError{"level_not_offered", "level", "โรงเรียนไม่มีชั้นศูนย์พัฒนาเด็กเล็ก (ศพด.)",
                    "A school has no child-development centre level (cdc)"};
}

std::vector<FieldError> child_problems(const nlohmann::json& body, int year, const Date& today, InstitutionType type) {
  std::vector<FieldError> out;
  if (!body.is_object()) {
    out.push_back({"body_format", "", "ข้อมูลต้องเป็นออบเจ็กต์ JSON", "The body must be a JSON object"});
    return out;
  }
  for (const char* key : {"id_number", "title", "first_name", "last_name", "sex", "birth_date", "level", "room"}) {
    auto it = body.find(key);
    if (it != body.end() && !it->is_string() && !it->is_null())
      out.push_back({"wrong_type", key, std::string(key) + " ต้องเป็นข้อความ", std::string(key) + " must be text"});
  }
  if (!out.empty()) return out;
  if (auto id = parse_child_id(text_of(body, "id_number")); !id) out.push_back(id.error());
  for (const TextRule* rule : {&kTitle, &kFirstName, &kLastName, &kRoom})
    if (auto t = check_text(text_of(body, std::string(rule->field).c_str()), *rule); !t) out.push_back(t.error());
  if (auto s = parse_sex(text_of(body, "sex")); !s) out.push_back(s.error());
  auto level = parse_level(text_of(body, "level"));
  if (!level) out.push_back(level.error());
  else if (auto e = check_level_offered(level.value(), type)) out.push_back(*e);
  auto birth = parse_iso_date(trim(text_of(body, "birth_date")));
  if (!birth) out.push_back(in_field(birth.error(), "birth_date"));
  else if (level)
    if (auto e = check_birth_date(birth.value(), level.value(), year, today)) out.push_back(*e);
  return out;
}

Checked<ChildInput> parse_child(const nlohmann::json& body, int year, const Date& today, InstitutionType type) {
  auto problems = child_problems(body, year, today, type);
  if (!problems.empty()) return problems.front();
  return ChildInput{parse_child_id(text_of(body, "id_number")).value(),
                    check_text(text_of(body, "title"), kTitle).value(),
                    check_text(text_of(body, "first_name"), kFirstName).value(),
                    check_text(text_of(body, "last_name"), kLastName).value(),
                    parse_sex(text_of(body, "sex")).value(),
                    parse_iso_date(trim(text_of(body, "birth_date"))).value(),
                    parse_level(text_of(body, "level")).value(),
                    check_text(text_of(body, "room"), kRoom).value()};
}

const std::vector<RemovalReasonInfo>& removal_reasons() {
  static const std::vector<RemovalReasonInfo> all = {
      {RemovalReason::never_attended, "never_attended", "ไม่เคยมาเรียน", "Never attended"},
      {RemovalReason::left, "left", "ออกกลางคัน", "Left"},
      {RemovalReason::moved, "moved", "ย้ายสถานศึกษา", "Moved to another institution"},
      {RemovalReason::graduated, "graduated", "จบการศึกษา", "Graduated"},
      {RemovalReason::deceased, "deceased", "เสียชีวิต", "Deceased"},
      {RemovalReason::duplicate, "duplicate", "ข้อมูลซ้ำ", "Duplicate record"},
  };
  return all;
}
const RemovalReasonInfo& info(RemovalReason r) { return removal_reasons()[static_cast<std::size_t>(r)]; }
std::string_view to_string(RemovalReason r) { return info(r).id; }

Checked<Removal> parse_removal(const nlohmann::json& body) {
  const std::string reason = body.is_object() ? trim(text_of(body, "reason")) : std::string();
  if (reason.empty())
    return FieldError{"removal_reason_required", "reason", "กรุณาระบุเหตุผลที่จำหน่าย", "The reason for the removal is required"};
  const RemovalReasonInfo* found = nullptr;
  for (const auto& r : removal_reasons())
    if (r.id == reason) found = &r;
  if (!found)
    return FieldError{"removal_reason_unknown", "reason", "ไม่รู้จักเหตุผล \"" + reason + "\"",
                      "Unknown reason \"" + reason + "\""};
  auto note = check_text(text_of(body, "note"), TextRule{"note", "หมายเหตุ", "Note", 500, false, true});
  if (!note) {
    auto e = note.error();
    if (e.code == "text_too_long") e.code = "note_too_long";
    return e;
  }
  return Removal{found->reason, note.value()};
}

std::vector<std::string> changed_fields(const ChildInput& a, const ChildInput& b) {
  std::vector<std::string> out;
  if (!(a.id == b.id)) out.push_back("id_number");
  if (a.title != b.title) out.push_back("title");
  if (a.first_name != b.first_name) out.push_back("first_name");
  if (a.last_name != b.last_name) out.push_back("last_name");
  if (a.sex != b.sex) out.push_back("sex");
  if (a.birth_date != b.birth_date) out.push_back("birth_date");
  if (a.level != b.level) out.push_back("level");
  if (a.room != b.room) out.push_back("room");
  return out;
}

std::optional<FieldError> check_id_change(const ChildId& before, const ChildId& after) {
  if (before == after) return std::nullopt;
  if (before.kind() == ChildIdKind::g_code && after.kind() == ChildIdKind::national_id) return std::nullopt;
  return FieldError{"id_number_change", "id_number",
                    "เปลี่ยนเลขประจำตัวได้เฉพาะจาก G-Code เป็นเลขประจำตัวประชาชน (กรณีอื่นให้จำหน่ายด้วยเหตุผล \"ข้อมูลซ้ำ\" แล้วเพิ่มใหม่)",
                    "Only a G-Code may be replaced by a national ID (otherwise remove the record as a duplicate and add the child anew)"};
}

FieldError enrolled_elsewhere(std::string_view name_th, std::string_view code) {
  return FieldError{"child_enrolled_elsewhere", "id_number",
                    "เด็กคนนี้มีชื่ออยู่ที่ " + std::string(name_th) + " (" + std::string(code) + ") ในปีการศึกษานี้",
                    "This child is enrolled at " + std::string(name_th) + " (" + std::string(code) + ") this year"};
}

}  // namespace domain
