#pragma once
// The person behind an account: completed at first login, part of a registration
// ("officer") and of a school-user access request. Every field is checked with a Thai and
// English message naming it; checks return the normalised value (trimmed, digits only...).
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "shared/core/field_error.hpp"

namespace domain {

struct Profile {
  std::string title;  // นาย, นาง, นางสาว, ดร., Mr, ... or free text up to 30
  std::string first_name;
  std::string last_name;
  std::string position;  // ตำแหน่ง, e.g. ครู, ผู้อำนวยการโรงเรียน
  std::string phone;     // Thai mobile, normalised to 10 digits 0[689]xxxxxxxx
  std::string email;     // optional unless the flow asks for it
  bool operator==(const Profile&) const = default;
};

// The titles offered in the form; anything else is accepted as free text (<= 30 characters).
const std::vector<std::string_view>& common_titles();

inline constexpr std::size_t name_max_length = 100;
inline constexpr std::size_t title_max_length = 30;
inline constexpr std::size_t position_max_length = 100;

// First and last names: 1..100 characters, Thai or Latin letters, spaces, '.' and '-'.
// Inner runs of spaces become one.
Checked<std::string> check_person_name(std::string_view raw, std::string field);
Checked<std::string> check_title(std::string_view raw, std::string field = "title");
Checked<std::string> check_position(std::string_view raw, std::string field = "position");
// shared/contact's parse_mobile_phone under `field`: returns the 10-digit national number.
Checked<std::string> check_mobile_phone(std::string_view raw, std::string field = "phone");
// shared/contact's parse_optional_email under `field`; empty is refused when required.
Checked<std::string> check_email(std::string_view raw, bool required, std::string field = "email");

enum class EmailRule { optional, required };

// `prefix` places the fields on the wire, e.g. "officer" -> "officer.first_name".
std::vector<FieldError> profile_problems(const Profile& p, std::string_view prefix = "",
                                         EmailRule email = EmailRule::optional);
// The normalised profile, or the first problem in form order.
Checked<Profile> check_profile(const Profile& p, std::string_view prefix = "",
                               EmailRule email = EmailRule::optional);

// Wire: {"title","first_name","last_name","position","phone","email"}.
// An account changes hands (the old profile goes to the holders' history) when the new
// profile names someone else: a name that was given changes in both parts, or in one part
// together with the phone. A corrected spelling or a married name keeps the holder.
bool is_new_holder(const Profile& before, const Profile& after);

void to_json(nlohmann::json& j, const Profile& p);
// Type checks (an object, each present field a string), then check_profile.
Checked<Profile> profile_from_json(const nlohmann::json& j, std::string_view prefix = "",
                                   EmailRule email = EmailRule::optional);

}  // namespace domain
