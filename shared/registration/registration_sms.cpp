#include "shared/registration/registration_sms.hpp"

namespace domain {

std::string sms_letter_received(std::string_view reference, std::string_view institution_name) {
  return "ได้รับหนังสือแต่งตั้งของ" + std::string(institution_name) + " แล้ว (รหัสอ้างอิง " + std::string(reference) +
         ") บัญชียังใช้งานไม่ได้จนกว่าจะได้รับอนุมัติ";
}

std::string sms_superseded(std::string_view reference, std::string_view institution_name) {
  return "การลงทะเบียนรหัสอ้างอิง " + std::string(reference) + " ของ" + std::string(institution_name) +
         " ถูกแทนที่ด้วยการลงทะเบียนใหม่ของสถานศึกษาเดียวกัน หากไม่ได้เป็นผู้ดำเนินการ โปรดติดต่อผู้ดูแลระบบ";
}

std::string sms_approved(std::string_view institution_code, std::string_view activation_link) {
  return "อนุมัติบัญชีสถานศึกษา " + std::string(institution_code) +
         " แล้ว ตั้งรหัสผ่านภายใน 72 ชั่วโมงที่ " + std::string(activation_link);
}

std::string sms_rejected(std::string_view reference, std::string_view reason) {
  return "การลงทะเบียนรหัสอ้างอิง " + std::string(reference) + " ไม่ได้รับอนุมัติ เหตุผล: " + std::string(reason) +
         " กรุณาลงทะเบียนใหม่";
}

}  // namespace domain
