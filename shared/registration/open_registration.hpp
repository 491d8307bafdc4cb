#pragma once
// What anyone may learn of an institution's registrations still in progress, so that a new
// registrant sees them before replacing one (product.md section 1: superseding is explicit)
// or resumes their own: its state, when it began, the last two digits of its phone.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "shared/calendar/buddhist_date.hpp"
#include "shared/core/field_error.hpp"
#include "shared/registration/registration_state.hpp"

namespace domain {

struct OpenRegistration {
  RegistrationStatus status = RegistrationStatus::awaiting_letter;
  std::string created_at;  // ISO 8601, UTC
  std::string phone_hint;  // "xxx-xxx-xx78"
};

// The day it began in Thailand (UTC+7), for "started 20 พ.ย. 2569".
Date started_on(const OpenRegistration& r);

// "0812345678" -> "xxx-xxx-xx78": enough for its registrant to recognise it, no more.
std::string phone_hint(std::string_view phone);

// Only a registration waiting for its letter can be resumed; one under review can only be
// replaced (or decided).
bool can_resume(RegistrationStatus s);

// Looking one's registration up after the browser was closed (#/register/resume): the
// institution's latest registration that was not replaced, whatever its state.
bool can_look_up(RegistrationStatus s);
FieldError registration_not_found_error();

// A new activation link for an approved registration's account (the 72-hour one lapsed):
// refused once the account has its password, and while the last link still works.
FieldError activation_already_done_error();
FieldError activation_link_valid_error(std::int64_t seconds_left);

// POST /registrations with "supersede": false while one is open (409, field institution_code).
FieldError registration_open_error();

void to_json(nlohmann::json& j, const OpenRegistration& r);
void from_json(const nlohmann::json& j, OpenRegistration& r);

}  // namespace domain
