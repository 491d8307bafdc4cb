#pragma once
// A Thai mobile phone number (where OTPs go) and a basic e-mail check.
#include <string>
#include <string_view>

#include "shared/core/field_error.hpp"

namespace domain {

class MobilePhone {
 public:
  const std::string& national() const { return national_; }  // "0812345678"
  std::string e164() const;                                  // "+66812345678"
  std::string formatted() const;                             // "081-234-5678"
  bool operator==(const MobilePhone&) const = default;

 private:
  explicit MobilePhone(std::string n) : national_(std::move(n)) {}
  friend Checked<MobilePhone> parse_mobile_phone(std::string_view input);
  std::string national_;
};

// Accepts "0812345678", "081-234-5678", "+66 81 234 5678", "66812345678", "+66 081..."
// (spaces, dashes, dots, brackets and Thai digits allowed). Mobile ranges only: 06x (not
// 060), 08x, 09x. Error codes (field "phone"): phone_required, phone_chars, phone_country
// (not +66), phone_length, phone_landline, phone_voip, phone_not_mobile.
Checked<MobilePhone> parse_mobile_phone(std::string_view input);

// Optional e-mail: blank -> "" (ok); otherwise a basic shape check (one '@', a dotted
// domain, no spaces, length limits of RFC 5321), the domain lower-cased.
// Error code (field "email"): email_invalid.
Checked<std::string> parse_optional_email(std::string_view input);

}  // namespace domain
