#include "shared/accounts/school_user_sms.hpp"

#include "shared/core/text.hpp"

namespace domain {

namespace {

// The first `n` characters (code points) of valid UTF-8 text.
std::string first_characters(std::string_view s, std::size_t n) {
  std::size_t count = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && count++ == n) break;
  }
  return std::string(s.substr(0, i)) + (i < s.size() ? "…" : "");
}

}  // namespace

std::string school_user_approved_sms(std::string_view school_name, std::string_view username, std::string_view link) {
  return "คำขอใช้งานเว็บไซต์" + std::string(school_name) + " ได้รับอนุมัติแล้ว ชื่อผู้ใช้ " + std::string(username) +
         " โปรดตั้งรหัสผ่านภายใน 72 ชั่วโมงที่ " + std::string(link);
}

std::string school_user_rejected_sms(std::string_view school_name, std::string_view reason) {
  return "คำขอใช้งานเว็บไซต์" + std::string(school_name) + " ไม่ได้รับอนุมัติ เหตุผล: " + first_characters(reason, 120);
}

}  // namespace domain
