#include "shared/directory/institution_code.hpp"

#include "shared/core/text.hpp"

namespace domain {

Checked<std::string> parse_institution_code(std::string_view input) {
  std::string code = to_ascii_digits(trim(input));
  const std::string field = "institution_code";
  if (code.empty())
    return FieldError{"institution_code_required", field, "กรุณากรอกรหัสสถานศึกษา",
                      "Institution code is required"};
  if (!is_ascii_digits(code))
    return FieldError{"institution_code_chars", field, "รหัสสถานศึกษาต้องเป็นตัวเลขเท่านั้น",
                      "Institution code must contain digits only"};
  if (code.size() != 10)
    return FieldError{"institution_code_length", field,
                      "รหัสสถานศึกษาต้องมี 10 หลัก (กรอกมา " + std::to_string(code.size()) + " หลัก)",
                      "Institution code must have 10 digits (got " + std::to_string(code.size()) + ")"};
  return code;
}

}  // namespace domain
