#pragma once
// Usernames: an institution's is its 10-digit code; other accounts (offices, admins) get a
// name such as "area.admin". Letters, digits, '.', '_' and '-'; 3..64 characters; compared
// case-insensitively and stored in lower case.
#include <string>
#include <string_view>

#include "shared/core/field_error.hpp"

namespace domain {

inline constexpr std::size_t username_min_length = 3;
inline constexpr std::size_t username_max_length = 64;

// Trims, lower-cases; errors "required", "username_length", "username_characters".
Checked<std::string> check_username(std::string_view raw, std::string field = "username");

}  // namespace domain
