#pragma once
// One-time passwords sent by SMS: how codes and references are drawn from supplied random
// bytes, when a send is allowed, and what a verification attempt means. The server keeps
// OtpRecord (with a keyed hash of the code beside it) and supplies time and randomness.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "shared/accounts/rate_limit.hpp"
#include "shared/core/field_error.hpp"

namespace domain {

enum class OtpPurpose { registration, password_reset, school_user };
std::string_view to_string(OtpPurpose p);
Checked<OtpPurpose> parse_otp_purpose(std::string_view id, std::string field = "purpose");

inline constexpr std::int64_t otp_lifetime = 5 * 60;     // seconds from the first send
inline constexpr int otp_max_wrong_tries = 5;
inline constexpr std::int64_t otp_resend_cooldown = 60;  // between two sends to one phone
inline constexpr int otp_max_sends_per_phone = 5;
inline constexpr std::int64_t otp_phone_window = 24 * 60 * 60;
inline constexpr int otp_max_sends_per_address = 20;
inline constexpr std::int64_t otp_address_window = 60 * 60;

// References avoid I and O, which read as 1 and 0 on a phone screen.
inline constexpr std::string_view otp_reference_alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ";
inline constexpr std::size_t otp_reference_length = 4;
// Bytes to supply so that running out is practically impossible (below 1 in 10^12).
inline constexpr std::size_t otp_code_random_bytes = 16;
inline constexpr std::size_t otp_reference_random_bytes = 16;

// Six digits from uniform random bytes, taken 4 at a time as a big-endian uint32; values at
// or above 4'294'000'000 (a multiple of 10^6) are skipped so every code is equally likely.
// nullopt only if every group was skipped: draw fresh bytes and call again.
std::optional<std::string> otp_code_from_bytes(std::span<const std::uint8_t> random);
// Four letters from the alphabet, one byte each; bytes >= 240 (10 x 24) are skipped.
std::optional<std::string> otp_reference_from_bytes(std::span<const std::uint8_t> random);

struct OtpRecord {
  std::string phone;  // normalised 10 digits
  OtpPurpose purpose = OtpPurpose::registration;
  std::string reference;
  std::int64_t created_at = 0;    // first send; the lifetime counts from here
  std::int64_t last_sent_at = 0;
  int sends = 0;                  // successful sends of this code
  int wrong_tries = 0;
  bool used = false;              // a correct code was accepted once
};

// The record for a code the gateway has just delivered (a failed delivery is not a send).
OtpRecord first_send(std::string phone, OtpPurpose purpose, std::string reference, std::int64_t now);
// The same code delivered again.
void note_resend(OtpRecord& record, std::int64_t now);

bool otp_expired(const OtpRecord& r, std::int64_t now);
// Can still be verified: not expired, not used, wrong tries left.
bool otp_live(const OtpRecord& r, std::int64_t now);
std::int64_t otp_expires_in(const OtpRecord& r, std::int64_t now);  // seconds, >= 0

struct SendDecision {
  RateDecision rate;       // allowed, or "rate_limited" with the seconds to wait
  bool same_code = false;  // when allowed: resend `live`'s code instead of drawing a new one
  bool allowed() const { return rate.allowed(); }
};

// May a code be sent now? `live` is this phone's latest record for the same purpose (or
// nullptr); `phone_sends` / `address_sends` are the times of earlier successful sends to this
// phone / from this client address (older entries are ignored). Refusals give the longest
// of the waits that apply (cooldown, per-phone day, per-address hour).
SendDecision decide_send(const OtpRecord* live, const std::vector<std::int64_t>& phone_sends,
                         const std::vector<std::int64_t>& address_sends, std::int64_t now);

enum class VerifyOutcome { ok, wrong, expired, used_up };
struct VerifyResult {
  VerifyOutcome outcome;
  int tries_left;  // wrong tries still allowed after this attempt
};

// One attempt. `code_matches` is the server's constant-time comparison of keyed hashes.
// Updates the record: a wrong try is counted, a correct one uses the code up (no replay).
// The 5th wrong try answers used_up at once; used or exhausted codes stay used_up.
VerifyResult verify(OtpRecord& record, bool code_matches, std::int64_t now);
// The api.md error for a failed attempt ("otp_wrong" 400, "otp_expired" / "otp_used_up" 410);
// nullopt for ok.
std::optional<FieldError> verify_error(const VerifyResult& result);

// What the user typed: trims, accepts Thai digits, must be exactly 6 digits.
Checked<std::string> check_otp_code(std::string_view raw, std::string field = "code");

// The other refusals of the OTP flow (api.md "OTP and SMS").
FieldError sms_unavailable_error();    // 503: the gateway failed; the attempt is not counted
FieldError otp_unknown_error();        // 404: no sent OTP with that otp_id
FieldError otp_token_invalid_error();  // 400: invalid, used or expired otp_token
FieldError otp_phone_mismatch_error(); // 400: the token proves another phone

struct OtpRequest {
  std::string phone;  // normalised
  OtpPurpose purpose;
};
// POST /api/v1/otp {"phone","purpose"}: a Thai mobile number and a known purpose.
Checked<OtpRequest> parse_otp_request(const nlohmann::json& j);

// SMS texts, e.g. "รหัส OTP ของคุณคือ 123456 (รหัสอ้างอิง ABCD) ใช้ได้ภายใน 5 นาที อย่าบอกรหัสนี้แก่ผู้อื่น".
std::string otp_sms_th(std::string_view code, std::string_view reference);
std::string otp_sms_en(std::string_view code, std::string_view reference);

}  // namespace domain
