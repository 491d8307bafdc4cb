#pragma once
// The SMS texts of the registration flow (Thai; an SMS has no room for two languages).
// None carries a password: approval sends a one-time activation link.
#include <string>
#include <string_view>

namespace domain {

std::string sms_letter_received(std::string_view reference, std::string_view institution_name);
std::string sms_superseded(std::string_view reference, std::string_view institution_name);
std::string sms_approved(std::string_view institution_code, std::string_view activation_link);
std::string sms_rejected(std::string_view reference, std::string_view reason);

}  // namespace domain
