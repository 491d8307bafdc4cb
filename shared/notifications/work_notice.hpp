#pragma once
// The in-client notifications (and their SMS) that tell reviewers and admins work has
// arrived: a signed appointment letter to review, a school website access request to decide.
// They name the institution by name and code, never a person's national ID.
#include <cstdint>
#include <string>
#include <string_view>

namespace domain {

struct NoticeText {
  std::string th, en;
};

// Notification kinds on the wire (GET /api/v1/notifications).
inline constexpr std::string_view letter_uploaded_kind = "registration_letter";
inline constexpr std::string_view access_request_kind = "access_request";

// A registration entered review: its signed letter was uploaded.
NoticeText letter_uploaded_notice(std::string_view institution_name, std::string_view institution_code);
// The review queue showing that registration.
std::string letter_uploaded_link(std::int64_t registration_id);

// A school website access request waits for a decision.
NoticeText access_request_notice(std::string_view school_name, std::string_view school_code);
// The screen that decides access requests.
std::string access_request_link();

}  // namespace domain
