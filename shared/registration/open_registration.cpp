#include "shared/registration/open_registration.hpp"

namespace domain {

std::string phone_hint(std::string_view phone) {
  std::string digits;
  for (char c : phone)
    if (c >= '0' && c <= '9') digits += c;
  return "xxx-xxx-xx" + (digits.size() >= 2 ? digits.substr(digits.size() - 2) : std::string("xx"));
}

Date started_on(const OpenRegistration& r) {
  auto day = parse_iso_date(std::string_view(r.created_at).substr(0, 10));
  if (!day) return {};
  Date d = day.value();
  const int hour = r.created_at.size() >= 13 ? (r.created_at[11] - '0') * 10 + (r.created_at[12] - '0') : 0;
  if (hour + 7 < 24) return d;
  if (++d.d > days_in_month(d.y, d.m)) {
    d.d = 1;
    if (++d.m > 12) d.m = 1, ++d.y;
  }
  return d;
}

bool can_resume(RegistrationStatus s) { return s == RegistrationStatus::awaiting_letter; }

bool can_look_up(RegistrationStatus s) { return s != RegistrationStatus::superseded; }

FieldError registration_not_found_error() {
  return {"registration_not_open", "institution_code",
          "ไม่พบการลงทะเบียนของสถานศึกษานี้ กรุณาตรวจรหัสสถานศึกษา หรือเริ่มลงทะเบียนใหม่",
          "No registration of this institution was found: check the institution code, or register"};
}

FieldError activation_already_done_error() {
  return {"account_already_active", "",
          "บัญชีนี้ตั้งรหัสผ่านแล้ว เข้าสู่ระบบด้วยรหัสสถานศึกษา หรือใช้ \"ลืมรหัสผ่าน\" หากจำไม่ได้",
          "This account already has its password: sign in with the institution code, or use \"Forgot password\""};
}

FieldError activation_link_valid_error(std::int64_t seconds_left) {
  const std::int64_t hours = (seconds_left + 3599) / 3600;
  return {"activation_link_valid", "",
          "ลิงก์ตั้งรหัสผ่านที่ส่งทาง SMS ยังใช้ได้อีกประมาณ " + std::to_string(hours) +
              " ชั่วโมง กรุณาเปิดลิงก์จาก SMS นั้น",
          "The activation link sent by SMS still works for about " + std::to_string(hours) +
              " hours: open it from that SMS"};
}

FieldError registration_open_error() {
  return {"registration_open", "institution_code",
          "สถานศึกษานี้มีการลงทะเบียนที่ยังไม่เสร็จอยู่แล้ว ทำต่อจากรายการเดิม หรือยืนยันให้การลงทะเบียนใหม่แทนที่รายการเดิม",
          "This institution already has a registration in progress: continue it, or confirm that the new one "
          "replaces it"};
}

void to_json(nlohmann::json& j, const OpenRegistration& r) {
  j = {{"status", to_string(r.status)},
       {"status_th", status_name_th(r.status)},
       {"created_at", r.created_at},
       {"phone", r.phone_hint},
       {"resumable", can_resume(r.status)}};
}

void from_json(const nlohmann::json& j, OpenRegistration& r) {
  r.status = parse_registration_status(j.value("status", "")).value_or(RegistrationStatus::awaiting_letter);
  r.created_at = j.value("created_at", "");
  r.phone_hint = j.value("phone", "");
}

}  // namespace domain
