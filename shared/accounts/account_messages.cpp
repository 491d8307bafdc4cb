#include "shared/accounts/account_messages.hpp"

namespace domain {

FieldError sign_in_failed_error() {
  return {"sign_in_failed", "", "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง", "The username or password is wrong"};
}
FieldError account_disabled_error() {
  return {"account_disabled", "", "บัญชีนี้ถูกปิดการใช้งาน โปรดติดต่อผู้ดูแลของหน่วยงาน",
          "This account is disabled; contact your organisation's administrator"};
}
FieldError account_pending_error() {
  return {"account_pending", "", "บัญชีนี้ยังไม่ได้รับการอนุมัติหรือยังไม่ได้เปิดใช้งาน",
          "This account is not approved or activated yet"};
}
FieldError issued_password_expired_error() {
  return {"issued_password_expired", "password",
          "รหัสผ่านที่ได้รับหมดอายุแล้ว (ใช้ได้ 72 ชั่วโมง) โปรดขอรหัสผ่านใหม่จากผู้ดูแล",
          "The issued password has expired (it works for 72 hours); ask your administrator for a new one"};
}
FieldError qr_invalid_error() {
  return {"qr_invalid", "token", "รหัส QR นี้ใช้ไม่ได้ (ใช้ไปแล้ว หมดอายุ หรือไม่ถูกต้อง) โปรดขอรหัสใหม่จากผู้ดูแล",
          "This QR code cannot be used (used, expired or unknown); ask your administrator for a new one"};
}
FieldError activation_link_expired_error() {
  return {"link_expired", "token",
          "ลิงก์เปิดใช้งานหมดอายุแล้ว (ใช้ได้ 72 ชั่วโมง) โปรดติดต่อผู้ตรวจสอบเพื่อขอลิงก์ใหม่",
          "The activation link has expired (it works for 72 hours); ask the reviewers for a new one"};
}
FieldError activation_link_used_error() {
  return {"link_used", "token", "ลิงก์เปิดใช้งานนี้ถูกใช้ไปแล้ว", "This activation link has already been used"};
}
FieldError activation_link_unknown_error() {
  return {"link_unknown", "token", "ไม่พบลิงก์เปิดใช้งานนี้ โปรดตรวจสอบว่าคัดลอกมาครบ",
          "This activation link is unknown; check that it was copied completely"};
}

FieldError not_signed_in_error() { return {"not_signed_in", "", "กรุณาเข้าสู่ระบบก่อน", "Please sign in first"}; }
FieldError session_expired_error() {
  return {"session_expired", "", "หมดเวลาการใช้งาน กรุณาเข้าสู่ระบบอีกครั้ง",
          "Your session has expired, please sign in again"};
}
FieldError must_complete_profile_error() {
  return {"must_complete_profile", "", "กรุณากรอกข้อมูลผู้ใช้ให้ครบก่อนใช้งาน", "Please complete your profile first"};
}
FieldError must_change_password_error() {
  return {"must_change_password", "", "กรุณาตั้งรหัสผ่านใหม่ก่อนใช้งาน", "Please set a new password first"};
}
FieldError csrf_failed_error() {
  return {"csrf_failed", "", "คำขอนี้ไม่มีรหัสยืนยันที่ถูกต้อง โปรดโหลดหน้าใหม่แล้วลองอีกครั้ง",
          "This request lacks a valid CSRF token; reload the page and try again"};
}

FieldError password_unchanged_error() {
  return {"password_unchanged", "new_password", "รหัสผ่านใหม่ต้องไม่ซ้ำกับรหัสผ่านเดิม",
          "The new password must differ from the current one"};
}
FieldError current_password_wrong_error() {
  return {"current_password_wrong", "current_password", "รหัสผ่านปัจจุบันไม่ถูกต้อง", "The current password is wrong"};
}
std::string password_changed_sms(const std::string& username) {
  return "รหัสผ่านของบัญชี " + username + " ถูกเปลี่ยนแล้ว หากท่านไม่ได้เปลี่ยนเอง โปรดติดต่อผู้ดูแลทันที";
}
FieldError password_reset_submitted() {
  return {"submitted", "",
          "หากชื่อผู้ใช้ตรงกับหมายเลขโทรศัพท์ที่ลงทะเบียนไว้ รหัสผ่านได้ถูกเปลี่ยนแล้ว "
          "และจะมี SMS ยืนยันไปยังหมายเลขนั้น โปรดเข้าสู่ระบบด้วยรหัสผ่านใหม่",
          "If the username matches the registered phone, the password has been changed and an SMS confirms it "
          "to that phone. Sign in with the new password."};
}

FieldError access_request_not_found_error() {
  return {"request_not_found", "", "ไม่พบคำขอนี้ในพื้นที่ที่ท่านดูแล", "No such request in the area you manage"};
}
FieldError requestable_org_kind_error() {
  return {"org_kind_unknown", "kind", "ประเภทหน่วยงานต้องเป็น department, province, area_office หรือ local_government",
          "kind must be department, province, area_office or local_government"};
}
FieldError person_required_error() {
  return {"required", "person", "กรุณากรอกข้อมูลผู้ขอใช้งาน", "The person's details are required"};
}
FieldError access_request_pending_error() {
  return {"request_pending", "school_code", "มีคำขอของหมายเลขนี้สำหรับโรงเรียนนี้รออนุมัติอยู่แล้ว",
          "A request from this phone for this school is already waiting for approval"};
}

FieldError create_account_outside_subtree_error() {
  return {"forbidden", "org_code", "สร้างบัญชีได้เฉพาะในหน่วยงานที่ท่านดูแล",
          "You can create accounts only within the organisations you manage"};
}
FieldError qr_sheet_not_found_error() {
  return {"sheet_not_found", "", "ไม่พบเอกสาร QR นี้ (เก็บไว้ 1 ชั่วโมงสำหรับผู้สร้างเท่านั้น)",
          "No such QR sheet (kept for an hour, for its maker only)"};
}

FieldError user_not_found_error() {
  return {"user_not_found", "", "ไม่พบผู้ใช้นี้ในหน่วยงานที่ท่านดูแล", "No such user in the organisations you manage"};
}
FieldError org_unknown_error(const std::string& field) {
  return {"org_unknown", field, "ไม่พบหน่วยงานรหัสนี้", "Unknown organisation code"};
}
FieldError user_status_unknown_error() {
  return {"status_unknown", "status", "สถานะต้องเป็น active, disabled หรือ pending",
          "status must be active, disabled or pending"};
}
FieldError create_outside_subtree_error() {
  return {"forbidden", "org_code", "สร้างผู้ใช้ได้เฉพาะในหน่วยงานที่ท่านดูแล",
          "You can create users only within the organisations you manage"};
}
FieldError username_taken_error() {
  return {"username_taken", "username", "ชื่อผู้ใช้นี้มีอยู่แล้ว", "This username is already taken"};
}
FieldError grants_not_a_list_error() {
  return {"wrong_type", "grants", "สิทธิ์ต้องเป็นรายการ (JSON array)", "grants must be a JSON array"};
}
FieldError too_many_grants_error(std::size_t most) {
  const auto n = std::to_string(most);
  return {"too_many", "grants", "สิทธิ์มากเกินไป (ไม่เกิน " + n + " รายการ)", "Too many grants (at most " + n + ")"};
}
FieldError grant_org_unknown_error(const std::string& field, const std::string& org) {
  return {"org_unknown", field, "ไม่พบหน่วยงานรหัส " + org, "Unknown organisation " + org};
}
FieldError grant_outside_subtree_error(const std::string& field) {
  return {"grant_outside_subtree", field, "ให้สิทธิ์ได้เฉพาะในหน่วยงานที่ท่านดูแล",
          "Grants can only be given within the organisations you manage"};
}
FieldError own_account_status_error() {
  return {"own_account", "", "ท่านเปิดหรือปิดบัญชีของตนเองไม่ได้", "You cannot enable or disable your own account"};
}
FieldError own_grants_error() {
  return {"own_account", "", "ท่านแก้ไขสิทธิ์ของตนเองไม่ได้", "You cannot change your own grants"};
}
FieldError own_password_error() {
  return {"own_account", "", "ท่านออกรหัสผ่านให้ตนเองไม่ได้ โปรดใช้การเปลี่ยนรหัสผ่าน",
          "You cannot issue a password to yourself; change your password instead"};
}
FieldError no_password_error() {
  return {"no_password", "", "บัญชีนี้ยังไม่มีรหัสผ่าน โปรดออกรหัสผ่านให้แทน",
          "This account has no password yet; issue a password instead"};
}
FieldError user_not_active_error() {
  return {"user_not_active", "", "บัญชีนี้ไม่ได้เปิดใช้งาน", "This account is not active"};
}

}  // namespace domain
