#include "shared/notifications/work_notice.hpp"

namespace domain {

namespace {

std::string named(std::string_view name, std::string_view code) {
  return std::string(name.empty() ? code : name) + " (" + std::string(code) + ")";
}

}  // namespace

NoticeText letter_uploaded_notice(std::string_view institution_name, std::string_view institution_code) {
  const auto who = named(institution_name, institution_code);
  return {"หนังสือแต่งตั้งที่ลงนามแล้วของ " + who + " รอตรวจสอบการลงทะเบียน",
          "Signed appointment letter of " + who + " waiting for registration review"};
}

std::string letter_uploaded_link(std::int64_t registration_id) {
  return "#/review/registrations/" + std::to_string(registration_id);
}

NoticeText access_request_notice(std::string_view school_name, std::string_view school_code) {
  const auto who = named(school_name, school_code);
  return {"คำขอใช้งานเว็บไซต์โรงเรียนของ " + who + " รอพิจารณา",
          "School website access request for " + who + " waiting for a decision"};
}

std::string access_request_link() { return "#/admin/users"; }

}  // namespace domain
