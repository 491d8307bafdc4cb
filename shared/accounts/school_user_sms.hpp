#pragma once
// The SMS a person gets when their request for school-website access is decided.
#include <string>
#include <string_view>

namespace domain {

// "คำขอใช้งานเว็บไซต์โรงเรียน… ได้รับอนุมัติ ชื่อผู้ใช้ 1010720001-w1 ตั้งรหัสผ่านภายใน 72 ชม.: <link>"
std::string school_user_approved_sms(std::string_view school_name, std::string_view username, std::string_view link);
// The reason is cut to keep the message within a few SMS parts.
std::string school_user_rejected_sms(std::string_view school_name, std::string_view reason);

}  // namespace domain
