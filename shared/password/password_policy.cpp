#include "shared/password/password_policy.hpp"

#include <array>
#include <string>

#include "shared/core/text.hpp"

namespace domain {

namespace {

constexpr std::size_t kRun = 4;  // how many repeated / sequential characters are too many

// Lower-case, at least 8 characters (shorter ones fail the length rule anyway). From
// published leak lists, plus Thai favourites and the names of this product's world.
constexpr std::array<std::string_view, 104> kCommonPasswords{
    "password", "password1", "password12", "password123", "password!", "passw0rd", "p@ssw0rd", "p@ssword",
    "passpass", "12345678", "123456789", "1234567890", "0123456789", "87654321", "987654321", "11111111",
    "00000000", "88888888", "99999999", "12341234", "11223344", "12121212", "123123123", "147258369",
    "159357456", "123456aa", "1234567a", "a1234567", "aa123456", "abc12345", "abcd1234", "1234abcd",
    "qwertyuiop", "qwerty123", "qwerty12", "qwertyui", "qwer1234", "1234qwer", "1q2w3e4r", "1q2w3e4r5t",
    "q1w2e3r4", "1qaz2wsx", "zaq12wsx", "qazwsxedc", "asdfghjkl", "asdf1234", "zxcvbnm1", "zxcvbnm123",
    "iloveyou", "iloveyou1", "iloveyou2", "admin123", "admin1234", "administrator", "welcome1", "welcome123",
    "letmein1", "changeme", "default1", "secret123", "test1234", "testtest", "user1234", "guest123",
    "login123", "hello123", "sunshine", "princess", "football", "baseball", "superman", "starwars",
    "trustno1", "whatever", "computer", "internet", "michael1", "jennifer", "babygirl", "lovelove",
    "facebook", "samsung1", "thailand", "thailand1", "bangkok1", "bangkok123", "sawasdee", "sawadee1",
    "sawasdee1", "chiangmai", "krungthep", "ilovethailand", "kidkid123", "kidkidkid", "kiddiary", "khru1234",
    "kru12345", "krukru123", "teacher1", "school123", "student1", "obec1234", "rongrian", "rongrean",
};

// Keyboard rows, left to right: QWERTY and Thai Kedmanee (the same keys when the
// layout is switched, e.g. asdf typed as ฟหกด).
constexpr std::array<std::string_view, 8> kKeyboardRows{
    "1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm",
    "ๅ/-ภถุึคตจ", "ๆไำพะัีรนยบล", "ฟหกดเ้่าสวง", "ผปแอิืทมใฝ",
};

FieldError password_error(std::string code, std::string th, std::string en) {
  return FieldError{std::move(code), "password", std::move(th), std::move(en)};
}

char32_t lower(char32_t c) { return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c; }

std::u32string lowered(std::u32string s) {
  for (auto& c : s) c = lower(c);
  return s;
}

bool has_repeat_run(const std::u32string& s) {
  std::size_t run = 1;
  for (std::size_t i = 1; i < s.size(); ++i) {
    run = (s[i] == s[i - 1]) ? run + 1 : 1;
    if (run >= kRun) return true;
  }
  return false;
}

// Same class (digit or a-z) and one apart: "1234", "abcd", "dcba".
bool has_sequence_run(const std::u32string& s) {
  const auto cls = [](char32_t c) { return (c >= '0' && c <= '9') ? 1 : (c >= 'a' && c <= 'z') ? 2 : 0; };
  for (int step : {1, -1}) {
    std::size_t run = 1;
    for (std::size_t i = 1; i < s.size(); ++i) {
      const bool next = cls(s[i]) != 0 && cls(s[i]) == cls(s[i - 1]) &&
                        static_cast<long>(s[i]) - static_cast<long>(s[i - 1]) == step;
      run = next ? run + 1 : 1;
      if (run >= kRun) return true;
    }
  }
  return false;
}

bool has_keyboard_run(const std::u32string& s) {
  if (s.size() < kRun) return false;
  for (std::string_view row_utf8 : kKeyboardRows) {
    const std::u32string row = decode_utf8(row_utf8).value_or(U"");
    const std::u32string reversed(row.rbegin(), row.rend());
    for (std::size_t i = 0; i + kRun <= s.size(); ++i) {
      const std::u32string window = s.substr(i, kRun);
      if (row.find(window) != std::u32string::npos || reversed.find(window) != std::u32string::npos)
        return true;
    }
  }
  return false;
}

}  // namespace

bool is_common_password(std::string_view password) {
  const std::string p = ascii_lower(password);
  for (std::string_view common : kCommonPasswords)
    if (p == common) return true;
  return false;
}

std::optional<FieldError> check_password(std::string_view password, std::string_view username) {
  if (password.empty())
    return password_error("password_required", "กรุณากรอกรหัสผ่าน", "Password is required");
  const auto decoded = decode_utf8(password);
  if (!decoded)
    return password_error("password_invalid_utf8", "รหัสผ่านมีอักขระที่อ่านไม่ได้",
                          "Password contains unreadable characters");
  const std::u32string pw = lowered(*decoded);
  if (pw.size() < kPasswordMinLength)
    return password_error("password_too_short", "รหัสผ่านต้องมีอย่างน้อย 8 ตัวอักษร",
                          "Password must be at least 8 characters long");
  if (pw.size() > kPasswordMaxLength)
    return password_error("password_too_long", "รหัสผ่านต้องยาวไม่เกิน 128 ตัวอักษร",
                          "Password must be at most 128 characters long");
  if (const auto user = decode_utf8(trim(username)); user && user->size() >= 3 &&
                                                     pw.find(lowered(*user)) != std::u32string::npos)
    return password_error("password_contains_username", "รหัสผ่านต้องไม่มีชื่อผู้ใช้อยู่ในรหัสผ่าน",
                          "Password must not contain the username");
  if (is_common_password(password))
    return password_error("password_common", "รหัสผ่านนี้ใช้กันทั่วไปและเดาง่าย กรุณาตั้งรหัสผ่านอื่น",
                          "This password is too common and easy to guess; please choose another");
  if (has_repeat_run(pw))
    return password_error("password_repeated",
                          "รหัสผ่านต้องไม่มีอักขระเดียวกันซ้ำติดกัน 4 ตัวขึ้นไป (เช่น 1111, aaaa)",
                          "Password must not repeat a character 4 or more times in a row (e.g. 1111, aaaa)");
  if (has_sequence_run(pw))
    return password_error("password_sequence",
                          "รหัสผ่านต้องไม่มีตัวเลขหรือตัวอักษรเรียงกัน 4 ตัวขึ้นไป (เช่น 1234, 4321, abcd)",
                          "Password must not contain 4 or more sequential digits or letters (e.g. 1234, 4321, abcd)");
  if (has_keyboard_run(pw))
    return password_error("password_keyboard",
                          "รหัสผ่านต้องไม่มีตัวอักษรเรียงตามแป้นพิมพ์ 4 ตัวขึ้นไป (เช่น qwer, asdf)",
                          "Password must not contain 4 or more keys in a row of the keyboard (e.g. qwer, asdf)");
  return std::nullopt;
}

std::optional<FieldError> check_pin(std::string_view pin, std::size_t length) {
  const std::string n = std::to_string(length);
  if (pin.empty()) return FieldError{"pin_required", "pin", "กรุณากรอก PIN", "PIN is required"};
  if (pin.size() != length || !is_ascii_digits(pin))
    return FieldError{"pin_format", "pin", "PIN ต้องเป็นตัวเลข " + n + " หลัก", "PIN must be " + n + " digits"};
  const std::u32string digits(pin.begin(), pin.end());
  if (has_repeat_run(digits))
    return FieldError{"pin_repeated", "pin", "PIN ต้องไม่เป็นเลขซ้ำกัน (เช่น 1111)",
                      "PIN must not repeat a digit (e.g. 1111)"};
  if (has_sequence_run(digits))
    return FieldError{"pin_sequence", "pin", "PIN ต้องไม่เป็นเลขเรียงกัน (เช่น 1234, 4321)",
                      "PIN must not be sequential digits (e.g. 1234, 4321)"};
  return std::nullopt;
}

}  // namespace domain
