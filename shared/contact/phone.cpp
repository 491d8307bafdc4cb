#include "shared/contact/phone.hpp"

#include "shared/core/text.hpp"

namespace domain {

namespace {

FieldError phone_error(std::string code, std::string th, std::string en) {
  return FieldError{std::move(code), "phone", std::move(th), std::move(en)};
}

}  // namespace

Checked<MobilePhone> parse_mobile_phone(std::string_view input) {
  const std::string text = to_ascii_digits(trim(input));
  if (text.empty())
    return phone_error("phone_required", "กรุณากรอกหมายเลขโทรศัพท์มือถือ", "Mobile phone number is required");

  std::string digits;
  bool plus = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c == '+' && i == 0) {
      plus = true;
    } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
      return phone_error("phone_chars", "หมายเลขโทรศัพท์มือถือต้องเป็นตัวเลขเท่านั้น",
                         "Mobile phone number must contain digits only");
    }
  }

  // Country code 66: the national number is what follows, with its trunk 0 restored.
  // "+66 081..." (the trunk 0 kept by mistake) is common enough to accept.
  std::string national;
  if (digits.size() >= 2 && digits.compare(0, 2, "66") == 0 && (plus || digits.size() >= 11)) {
    std::string rest = digits.substr(2);
    national = (!rest.empty() && rest[0] == '0') ? rest : "0" + rest;
  } else if (plus) {
    return phone_error("phone_country", "หมายเลขโทรศัพท์ต้องเป็นเบอร์มือถือของประเทศไทย (+66)",
                       "Phone number must be a Thai mobile number (+66)");
  } else {
    national = digits;
  }

  const FieldError bad_length = phone_error(
      "phone_length", "หมายเลขโทรศัพท์มือถือต้องมี 10 หลัก ขึ้นต้นด้วย 0 เช่น 081-234-5678",
      "Mobile phone number must have 10 digits starting with 0, e.g. 081-234-5678");
  if (national.size() < 3 || national[0] != '0') return bad_length;
  const char area = national[1];
  // The range is checked before the length: a landline (9 digits) gets the helpful message.
  // 02 (Bangkok) and 03/04/05/07 (provinces) are fixed lines: they cannot receive an SMS.
  if (area == '2' || area == '3' || area == '4' || area == '5' || area == '7')
    return phone_error("phone_landline", "หมายเลขนี้เป็นโทรศัพท์บ้าน/สำนักงาน กรุณากรอกเบอร์มือถือ",
                       "This is a landline number; please enter a mobile number");
  // NBTC numbering: the 06 range was VoIP before 061-069 were re-allocated to mobile;
  // 060 stays VoIP. We refuse it: OTP SMS delivery to VoIP numbers is not reliable.
  if (area == '6' && national[2] == '0')
    return phone_error("phone_voip", "หมายเลข 060 เป็นเบอร์ VoIP ไม่ใช่เบอร์มือถือ กรุณากรอกเบอร์มือถือ",
                       "Numbers starting 060 are VoIP, not mobile; please enter a mobile number");
  if (area != '6' && area != '8' && area != '9')
    return phone_error("phone_not_mobile", "หมายเลขนี้ไม่ใช่เบอร์มือถือ (ต้องขึ้นต้นด้วย 06, 08 หรือ 09)",
                       "This is not a mobile number (it must start with 06, 08 or 09)");
  if (national.size() != 10) return bad_length;
  return MobilePhone(national);
}

std::string MobilePhone::e164() const { return "+66" + national_.substr(1); }

std::string MobilePhone::formatted() const {
  return national_.substr(0, 3) + "-" + national_.substr(3, 3) + "-" + national_.substr(6);
}

Checked<std::string> parse_optional_email(std::string_view input) {
  std::string e = trim(input);
  if (e.empty()) return e;
  const FieldError bad{"email_invalid", "email", "อีเมลไม่ถูกต้อง (ตัวอย่าง: name@school.ac.th)",
                       "E-mail address is invalid (example: name@school.ac.th)"};
  const auto at = e.find('@');
  if (at == std::string::npos || at == 0 || e.find('@', at + 1) != std::string::npos || e.size() > 254 ||
      at > 64)
    return bad;
  for (char c : e)  // ASCII only, no spaces or control characters (no internationalised addresses)
    if (static_cast<unsigned char>(c) <= 0x20 || static_cast<unsigned char>(c) >= 0x7F) return bad;
  const std::string local = e.substr(0, at);
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string::npos) return bad;
  // Domain: dot-separated labels of letters, digits and inner hyphens; at least two labels.
  const std::string domain = ascii_lower(e.substr(at + 1));
  std::size_t start = 0, labels = 0;
  while (true) {
    const std::size_t dot = domain.find('.', start);
    const std::string label = domain.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return bad;
    for (char c : label)
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return bad;
    ++labels;
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  if (labels < 2) return bad;
  return local + "@" + domain;
}

}  // namespace domain
