#pragma once
// What signing in and managing users say to people, in Thai and English: the fields of
// their forms and the refusals of the sign-in and user-administration routes.
#include <string>

#include "shared/core/field_error.hpp"
#include "shared/core/text.hpp"
#include "shared/password/password_policy.hpp"

namespace domain {

inline constexpr TextRule username_field{"username", "ชื่อผู้ใช้", "Username", 100};
inline constexpr TextRule password_field{"password", "รหัสผ่าน", "Password", kPasswordMaxLength};
inline constexpr TextRule link_token_field{"token", "รหัสลิงก์", "Token", 64};
inline constexpr TextRule org_code_field{"org_code", "รหัสหน่วยงาน", "Organisation code", 10};
inline constexpr TextRule search_text_field{"q", "คำค้น", "Search text", 100, false};
inline constexpr TextRule otp_token_field{"otp_token", "รหัสยืนยัน OTP", "OTP token", 200};
inline constexpr TextRule identity_token_field{"identity_token", "ผลการยืนยันตัวตน", "Identity proof", 200};
inline constexpr TextRule current_password_field{"current_password", "รหัสผ่านปัจจุบัน", "Current password",
                                                 kPasswordMaxLength};
inline constexpr TextRule new_password_field{"new_password", "รหัสผ่านใหม่", "New password", kPasswordMaxLength};
inline constexpr TextRule area_code_field{"area_code", "สำนักงานเขตพื้นที่การศึกษา", "Education-area office", 10};
inline constexpr TextRule school_code_field{"school_code", "โรงเรียน", "School", 10};

// Sign-in.
FieldError sign_in_failed_error();
FieldError account_disabled_error();
FieldError account_pending_error();
FieldError issued_password_expired_error();
FieldError qr_invalid_error();
FieldError activation_link_expired_error();
FieldError activation_link_used_error();
FieldError activation_link_unknown_error();

// The session: every signed-in route.
FieldError not_signed_in_error();
FieldError session_expired_error();
FieldError must_complete_profile_error();
FieldError must_change_password_error();
FieldError csrf_failed_error();

// Own password.
FieldError password_unchanged_error();
FieldError current_password_wrong_error();
std::string password_changed_sms(const std::string& username);  // to the account's phone
FieldError password_reset_submitted();  // the reply whether or not the username matched

// School website access requests.
FieldError access_request_not_found_error();
FieldError requestable_org_kind_error();
FieldError person_required_error();
FieldError access_request_pending_error();

// Institution accounts.
FieldError create_account_outside_subtree_error();
FieldError qr_sheet_not_found_error();

// User administration.
FieldError user_not_found_error();
FieldError org_unknown_error(const std::string& field);  // "org", "org_code"
FieldError user_status_unknown_error();
FieldError create_outside_subtree_error();
FieldError username_taken_error();
FieldError grants_not_a_list_error();
FieldError too_many_grants_error(std::size_t most);
FieldError grant_org_unknown_error(const std::string& field, const std::string& org);
FieldError grant_outside_subtree_error(const std::string& field);
FieldError own_account_status_error();
FieldError own_grants_error();
FieldError own_password_error();
FieldError no_password_error();
FieldError user_not_active_error();

}  // namespace domain
