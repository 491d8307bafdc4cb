#pragma once
// What a registrant types (product.md section 1, steps 1-4) and the rules for it: an open
// affiliation (obec, dla), an institution of that affiliation, the officer (title, names,
// national ID with its check digit, position, Thai mobile, optional e-mail) and the
// optional legacy Thai School Lunch / KidDiary usernames.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "shared/accounts/profile.hpp"
#include "shared/core/field_error.hpp"
#include "shared/directory/institution.hpp"
#include "shared/identity/national_id.hpp"

namespace domain {

struct RegistrationForm {
  std::string affiliation;
  std::string institution_code;
  Profile officer;  // wire "officer.*"
  std::string national_id;  // wire "officer.national_id"
  std::string tsl_username;       // wire "legacy.tsl_username", optional
  std::string kiddiary_username;  // wire "legacy.kiddiary_username", optional
};

inline constexpr std::size_t legacy_username_max_length = 64;

// Step 1: error codes affiliation_required, affiliation_unknown, affiliation_not_open.
Checked<std::string> check_affiliation(std::string_view id);
// Step 2: the institution looked up by the code (nullptr: not in the directory) must be of
// the chosen affiliation. Error codes institution_not_found (with the FAQ 1 advice: ask the
// affiliation to add it to DMC or LEC), institution_other_affiliation.
std::optional<FieldError> institution_problem(std::string_view affiliation, std::string_view code,
                                              const Institution* found);
// Step 3: letters, digits, '.', '_', '-', '@'; at most 64. Blank is fine.
Checked<std::string> check_legacy_username(std::string_view raw, std::string field);

// Every problem of steps 1, 3 and 4 (the institution needs the directory), in form order.
std::vector<FieldError> registration_problems(const RegistrationForm& form);

// The checked, normalised form.
struct Registrant {
  std::string affiliation, institution_code;
  Profile officer;
  NationalId national_id;
  std::string tsl_username, kiddiary_username;
};
Checked<Registrant> check_registration(const RegistrationForm& form);

// The api.md body of POST /api/v1/registrations (without otp_token): type checks only.
Checked<RegistrationForm> registration_form_from_json(const nlohmann::json& j);
nlohmann::json to_json(const RegistrationForm& form);

// FAQ 1, for the screen and the error message.
extern const char* const institution_not_found_advice_th;
extern const char* const institution_not_found_advice_en;

}  // namespace domain
