#pragma once
// Password and PIN rules. The same checks run in the browser (as the user types) and on
// the server (which decides).
#include <cstddef>
#include <optional>
#include <string_view>

#include "shared/core/field_error.hpp"

namespace domain {

constexpr std::size_t kPasswordMinLength = 8;    // characters (code points), not bytes
constexpr std::size_t kPasswordMaxLength = 128;

// The first broken rule, or nullopt. Field "password". Error codes in checking order:
// password_required, password_invalid_utf8, password_too_short, password_too_long,
// password_contains_username, password_common, password_repeated (aaaa, 1111),
// password_sequence (1234, 4321, abcd, dcba), password_keyboard (qwer, asdf, also the Thai
// Kedmanee rows typed by mistake: ฟหกด). Letters compare case-insensitively.
// username may be empty (not known yet); usernames shorter than 3 characters are ignored.
std::optional<FieldError> check_password(std::string_view password, std::string_view username = {});

// True for an entry of the embedded list of common passwords (case-insensitive).
bool is_common_password(std::string_view password);

// ThaID-style PIN: exactly `length` digits, no 4+ repeated digits (1111) and no 4+
// sequential digits (1234, 4321). Field "pin". Error codes: pin_required, pin_format,
// pin_repeated, pin_sequence.
std::optional<FieldError> check_pin(std::string_view pin, std::size_t length = 6);

}  // namespace domain
