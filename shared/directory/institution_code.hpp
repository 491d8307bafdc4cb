#pragma once
// The 10-digit institution code (from DMC for OBEC schools, LEC for DLA institutions);
// it is also the institution's username.
#include <string>
#include <string_view>

#include "shared/core/field_error.hpp"

namespace domain {

// Trims and accepts Thai digits; returns the 10 ASCII digits. Error codes (field
// "institution_code"): institution_code_required, institution_code_chars, institution_code_length.
Checked<std::string> parse_institution_code(std::string_view input);

}  // namespace domain
