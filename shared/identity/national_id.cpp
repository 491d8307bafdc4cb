#include "shared/identity/national_id.hpp"

#include "shared/core/text.hpp"

namespace domain {

namespace {

// Users paste IDs as printed on the card ("1 2345 67890 12 1") or with dashes.
std::string strip_separators(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != '-' && c != ' ') out += c;
  return out;
}

FieldError id_error(std::string code, std::string th, std::string en) {
  return FieldError{std::move(code), "national_id", std::move(th), std::move(en)};
}

}  // namespace

int national_id_check_digit(std::string_view first12) {
  int sum = 0;
  for (int i = 0; i < 12; ++i) sum += (first12[i] - '0') * (13 - i);
  return (11 - sum % 11) % 10;
}

Checked<NationalId> parse_national_id(std::string_view input) {
  const std::string d = strip_separators(to_ascii_digits(trim(input)));
  if (d.empty())
    return id_error("national_id_required", "กรุณากรอกเลขประจำตัวประชาชน", "National ID is required");
  if (!is_ascii_digits(d))
    return id_error("national_id_chars", "เลขประจำตัวประชาชนต้องเป็นตัวเลขเท่านั้น",
                    "National ID must contain digits only");
  if (d.size() != 13)
    return id_error("national_id_length",
                    "เลขประจำตัวประชาชนต้องมี 13 หลัก (กรอกมา " + std::to_string(d.size()) + " หลัก)",
                    "National ID must have 13 digits (got " + std::to_string(d.size()) + ")");
  // Person categories run 1..8; 0 and 9 are not issued on Thai ID cards (product rule).
  if (d[0] == '0' || d[0] == '9')
    return id_error("national_id_first_digit", "เลขประจำตัวประชาชนไม่ถูกต้อง (หลักแรกต้องเป็น 1–8)",
                    "National ID is invalid (the first digit must be 1 to 8)");
  if (national_id_check_digit(d) != d[12] - '0')
    return id_error("national_id_checksum", "เลขประจำตัวประชาชนไม่ถูกต้อง (เลขตรวจสอบไม่ตรง)",
                    "National ID is invalid (check digit does not match)");
  return NationalId(d);
}

std::string NationalId::formatted() const {
  const std::string& d = digits_;
  return d.substr(0, 1) + "-" + d.substr(1, 4) + "-" + d.substr(5, 5) + "-" + d.substr(10, 2) + "-" +
         d.substr(12, 1);
}

std::string NationalId::masked() const {
  return digits_.substr(0, 1) + "-" + digits_.substr(1, 4) + "-xxxxx-xx-" + digits_.substr(12, 1);
}

std::string mask_national_id(std::string_view raw) {
  const std::string d = strip_separators(to_ascii_digits(trim(raw)));
  if (d.size() == 13 && is_ascii_digits(d))
    return d.substr(0, 1) + "-" + d.substr(1, 4) + "-xxxxx-xx-" + d.substr(12, 1);
  std::string out = d;
  for (std::size_t i = 1; i + 1 < out.size(); ++i)
    if (out[i] >= '0' && out[i] <= '9') out[i] = 'x';
  return out;
}

Checked<GCode> parse_g_code(std::string_view input) {
  std::string v = strip_separators(to_ascii_digits(trim(input)));
  if (v.empty())
    return FieldError{"g_code_required", "g_code", "กรุณากรอกรหัส G-Code", "G-Code is required"};
  if (v[0] == 'g') v[0] = 'G';
  if (v.size() != 13 || v[0] != 'G' || !is_ascii_digits(std::string_view(v).substr(1)))
    return FieldError{"g_code_format", "g_code",
                      "รหัส G-Code ไม่ถูกต้อง (ต้องเป็นตัว G ตามด้วยตัวเลข 12 หลัก)",
                      "G-Code is invalid (must be the letter G followed by 12 digits)"};
  return GCode(v);
}

}  // namespace domain
