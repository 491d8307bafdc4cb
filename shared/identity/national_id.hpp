#pragma once
// The Thai 13-digit national ID (เลขประจำตัวประชาชน) and the G-Code of a child without
// civil registration. A value of these types always passed its rule: the only way to
// get one is the parse function.
#include <string>
#include <string_view>

#include "shared/core/field_error.hpp"

namespace domain {

class NationalId {
 public:
  const std::string& digits() const { return digits_; }  // 13 ASCII digits
  std::string formatted() const;                          // "1-2345-67890-12-1"
  std::string masked() const;                             // "1-2345-xxxxx-xx-1" (api.md, PDPA)
  bool operator==(const NationalId&) const = default;

 private:
  explicit NationalId(std::string digits) : digits_(std::move(digits)) {}
  friend Checked<NationalId> parse_national_id(std::string_view input);
  std::string digits_;
};

// Accepts dashes, spaces and Thai digits ("1-2345-67890-12-1", "๑ ๒๓๔๕ ..."). Error codes
// (field "national_id"; relabel with in_field): national_id_required, national_id_chars,
// national_id_length, national_id_first_digit, national_id_checksum.
Checked<NationalId> parse_national_id(std::string_view input);

// The mod-11 check digit of the first 12 digits (sum d[i]*(13-i), (11 - sum%11) % 10).
// first12 must be 12 ASCII digits.
int national_id_check_digit(std::string_view first12);

// Masks raw text for logs, even when it is not a valid ID: 13 digits get the standard
// mask, anything else keeps only its first and last characters and hides every other digit.
std::string mask_national_id(std::string_view raw);

// G-Code: "G" + 12 digits, stored upper case ("g-1234-..." is accepted).
class GCode {
 public:
  const std::string& value() const { return value_; }  // "G123456789012"
  bool operator==(const GCode&) const = default;

 private:
  explicit GCode(std::string v) : value_(std::move(v)) {}
  friend Checked<GCode> parse_g_code(std::string_view input);
  std::string value_;
};

// Error codes (field "g_code"): g_code_required, g_code_format.
Checked<GCode> parse_g_code(std::string_view input);

}  // namespace domain
