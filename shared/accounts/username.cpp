#include "shared/accounts/username.hpp"

#include <cctype>

#include "shared/core/text.hpp"

namespace domain {

Checked<std::string> check_username(std::string_view raw, std::string field) {
  const std::string name = ascii_lower(trim(raw));
  if (name.empty()) return FieldError{"required", std::move(field), "กรุณากรอกชื่อผู้ใช้", "The username is required"};
  for (unsigned char c : name)
    if (!(std::isalnum(c) && c < 0x80) && c != '.' && c != '_' && c != '-')
      return FieldError{"username_characters", std::move(field),
                        "ชื่อผู้ใช้ใช้ได้เฉพาะตัวอักษรภาษาอังกฤษ ตัวเลข และ . _ -",
                        "A username may hold only English letters, digits and . _ -"};
  if (name.size() < username_min_length || name.size() > username_max_length)
    return FieldError{"username_length", std::move(field), "ชื่อผู้ใช้ต้องยาว 3 ถึง 64 ตัวอักษร",
                      "A username has 3 to 64 characters"};
  return name;
}

}  // namespace domain
