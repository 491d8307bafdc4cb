#include "shared/lec/lec_messages.hpp"

namespace domain {

FieldError child_not_found_error() {
  return {"child_not_found", "id", "ไม่พบข้อมูลเด็กรายนี้ในทะเบียนของสถานศึกษานี้",
          "No such child in this institution's register"};
}

FieldError child_exists_error() {
  return {"child_exists", "id_number", "เด็กคนนี้มีชื่ออยู่ในทะเบียนของสถานศึกษานี้แล้ว",
          "This child is already in this institution's register"};
}

FieldError child_removed_edit_error() {
  return {"child_removed", "id", "รายการนี้ถูกจำหน่ายแล้ว: กู้คืนก่อนแก้ไข", "This record was removed: restore it first"};
}

FieldError child_already_removed_error() {
  return {"child_removed", "id", "รายการนี้ถูกจำหน่ายแล้ว", "This record was already removed"};
}

FieldError child_attending_error() {
  return {"child_attending", "id", "รายการนี้ยังอยู่ในทะเบียน", "This record is not removed"};
}

FieldError school_unknown_error(const std::string& field, const std::string& code) {
  return {"school_unknown", field, "ไม่พบโรงเรียนรหัส " + code + " ในทำเนียบ", "No school " + code + " in the directory"};
}

FieldError school_not_other_affiliation_error(const std::string& field, const std::string& code) {
  return {"school_not_other_affiliation", field,
          "โรงเรียน " + code + " สังกัด อปท. อยู่แล้ว (ไม่ใช่โรงเรียนสังกัดอื่นที่ อปท. อุดหนุน)",
          "School " + code + " already belongs to a local government (not another affiliation)"};
}

FieldError funded_school_unknown_error() {
  return {"funded_school_unknown", "school_code", "โรงเรียนนี้ไม่อยู่ในรายชื่อโรงเรียนที่ อปท. นี้อุดหนุน",
          "This school is not among the schools this local government funds"};
}

LecNotice confirmation_voided_notice(int year, const std::string& org_name, const DataChange& change) {
  return {"การยืนยันข้อมูลเด็กปีการศึกษา " + std::to_string(year) + " ของ " + org_name + " ถูกยกเลิก: " +
              change_summary_th(change),
          "The " + std::to_string(year) + " children data confirmation of " + org_name + " was voided: " +
              change_summary_en(change)};
}

LecNotice child_moved_out_notice(const std::string& id_masked, const std::string& to_name) {
  return {"เด็ก " + id_masked + " ย้ายไป " + to_name + " (จำหน่ายจากทะเบียนแล้ว)",
          "Child " + id_masked + " moved to " + to_name + " (removed from your register)"};
}

std::string child_moved_text(const std::string& id_masked, const std::string& to_name, const std::string& from_name) {
  return "เด็ก " + id_masked + " ย้ายไป " + to_name + " แล้ว จำหน่ายจากทะเบียนของ " + from_name + " (ย้ายสถานศึกษา)";
}

std::string moved_to_note(const std::string& to_name) { return "ย้ายไป " + to_name; }

}  // namespace domain
