#pragma once
// The life of a school account registration (product.md section 1):
//   awaiting_letter --letter_uploaded--> under_review --approved--> approved
//                                                     --rejected--> rejected
//   awaiting_letter / under_review --superseded--> superseded (a newer registration of the
//   same institution replaced it)
// A registration can be resumed (new OTP, same phone) only while awaiting_letter.
#include <optional>
#include <string_view>

#include "shared/core/field_error.hpp"

namespace domain {

enum class RegistrationStatus { awaiting_letter, under_review, approved, rejected, superseded };
enum class RegistrationEvent { letter_uploaded, approved, rejected, superseded };

inline constexpr RegistrationStatus all_registration_statuses[] = {
    RegistrationStatus::awaiting_letter, RegistrationStatus::under_review, RegistrationStatus::approved,
    RegistrationStatus::rejected, RegistrationStatus::superseded};
inline constexpr RegistrationEvent all_registration_events[] = {
    RegistrationEvent::letter_uploaded, RegistrationEvent::approved, RegistrationEvent::rejected,
    RegistrationEvent::superseded};

std::string_view to_string(RegistrationStatus s);
std::string_view to_string(RegistrationEvent e);
std::optional<RegistrationStatus> parse_registration_status(std::string_view id);
std::string_view status_name_th(RegistrationStatus s);
std::string_view status_name_en(RegistrationStatus s);

// Still open: may be resumed, superseded, or (under_review) decided.
bool is_pending(RegistrationStatus s);

// The next state, or a "registration_state" error (HTTP 409) saying why not, e.g. approving
// twice or uploading a letter after approval.
Checked<RegistrationStatus> next_status(RegistrationStatus from, RegistrationEvent event);

}  // namespace domain
