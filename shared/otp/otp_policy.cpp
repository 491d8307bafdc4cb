#include "shared/otp/otp_policy.hpp"

#include <algorithm>

#include "shared/accounts/profile.hpp"
#include "shared/core/text.hpp"

namespace domain {

namespace {

// The largest multiple of 10^6 that fits in a uint32: below it, value % 10^6 is uniform.
constexpr std::uint32_t code_draw_limit = 4'294'000'000u;
constexpr std::uint8_t reference_draw_limit = 240;  // 10 * 24

// Seconds until fewer than `max` of `times` fall inside the window (0 if already so).
std::int64_t wait_for_window(std::vector<std::int64_t> times, int max, std::int64_t window,
                             std::int64_t now) {
  times.erase(std::remove_if(times.begin(), times.end(),
                             [&](std::int64_t t) { return t <= now - window || t > now; }),
              times.end());
  const int n = static_cast<int>(times.size());
  if (n < max) return 0;
  std::sort(times.begin(), times.end());
  // The send that has to age out for a new one to fit.
  return times[n - max] + window - now;
}

}  // namespace

std::string_view to_string(OtpPurpose p) {
  switch (p) {
    case OtpPurpose::registration: return "registration";
    case OtpPurpose::password_reset: return "password_reset";
    case OtpPurpose::school_user: return "school_user";
  }
  return "registration";
}

Checked<OtpPurpose> parse_otp_purpose(std::string_view id, std::string field) {
  for (auto p : {OtpPurpose::registration, OtpPurpose::password_reset, OtpPurpose::school_user})
    if (to_string(p) == id) return p;
  return FieldError{"purpose_unknown", std::move(field),
                    "ไม่รู้จักวัตถุประสงค์ของ OTP \"" + std::string(id) + "\"",
                    "Unknown OTP purpose \"" + std::string(id) + "\""};
}

std::optional<std::string> otp_code_from_bytes(std::span<const std::uint8_t> random) {
  for (std::size_t i = 0; i + 4 <= random.size(); i += 4) {
    const std::uint32_t v = (std::uint32_t{random[i]} << 24) | (std::uint32_t{random[i + 1]} << 16) |
                            (std::uint32_t{random[i + 2]} << 8) | std::uint32_t{random[i + 3]};
    if (v >= code_draw_limit) continue;
    std::string code = std::to_string(v % 1'000'000u);
    return std::string(6 - code.size(), '0') + code;
  }
  return std::nullopt;
}

std::optional<std::string> otp_reference_from_bytes(std::span<const std::uint8_t> random) {
  std::string ref;
  for (auto b : random) {
    if (b >= reference_draw_limit) continue;
    ref += otp_reference_alphabet[b % otp_reference_alphabet.size()];
    if (ref.size() == otp_reference_length) return ref;
  }
  return std::nullopt;
}

OtpRecord first_send(std::string phone, OtpPurpose purpose, std::string reference, std::int64_t now) {
  return OtpRecord{std::move(phone), purpose, std::move(reference), now, now, 1, 0, false};
}

void note_resend(OtpRecord& record, std::int64_t now) {
  record.last_sent_at = now;
  ++record.sends;
}

bool otp_expired(const OtpRecord& r, std::int64_t now) { return now >= r.created_at + otp_lifetime; }

bool otp_live(const OtpRecord& r, std::int64_t now) {
  return !otp_expired(r, now) && !r.used && r.wrong_tries < otp_max_wrong_tries;
}

std::int64_t otp_expires_in(const OtpRecord& r, std::int64_t now) {
  return std::max<std::int64_t>(0, r.created_at + otp_lifetime - now);
}

SendDecision decide_send(const OtpRecord* live, const std::vector<std::int64_t>& phone_sends,
                         const std::vector<std::int64_t>& address_sends, std::int64_t now) {
  std::int64_t cooldown_wait = 0;  // after the latest send to this phone, whatever its purpose
  for (auto t : phone_sends) cooldown_wait = std::max(cooldown_wait, t + otp_resend_cooldown - now);
  if (live) cooldown_wait = std::max(cooldown_wait, live->last_sent_at + otp_resend_cooldown - now);
  const auto phone_wait = std::max(
      cooldown_wait, wait_for_window(phone_sends, otp_max_sends_per_phone, otp_phone_window, now));
  const auto address_wait =
      wait_for_window(address_sends, otp_max_sends_per_address, otp_address_window, now);

  SendDecision d;
  if (phone_wait > 0 || address_wait > 0)
    d.rate = decide_wait(std::max(phone_wait, address_wait), phone_wait >= address_wait ? "phone" : "");
  // A resend while the code still works repeats it, so an SMS arriving late stays valid.
  d.same_code = live && otp_live(*live, now);
  return d;
}

VerifyResult verify(OtpRecord& record, bool code_matches, std::int64_t now) {
  if (record.used || record.wrong_tries >= otp_max_wrong_tries) return {VerifyOutcome::used_up, 0};
  const int left = otp_max_wrong_tries - record.wrong_tries;
  if (otp_expired(record, now)) return {VerifyOutcome::expired, left};
  if (code_matches) {
    record.used = true;
    return {VerifyOutcome::ok, left};
  }
  ++record.wrong_tries;
  if (record.wrong_tries >= otp_max_wrong_tries) return {VerifyOutcome::used_up, 0};
  return {VerifyOutcome::wrong, left - 1};
}

std::optional<FieldError> verify_error(const VerifyResult& result) {
  switch (result.outcome) {
    case VerifyOutcome::ok: return std::nullopt;
    case VerifyOutcome::wrong: {
      const auto left = std::to_string(result.tries_left);
      return FieldError{"otp_wrong", "code", "รหัส OTP ไม่ถูกต้อง ลองได้อีก " + left + " ครั้ง",
                        "Wrong OTP code; " + left + " tries left"};
    }
    case VerifyOutcome::expired:
      return FieldError{"otp_expired", "code", "รหัส OTP หมดอายุแล้ว กรุณาขอรหัสใหม่",
                        "The OTP code has expired; please request a new one"};
    case VerifyOutcome::used_up:
      return FieldError{"otp_used_up", "code", "รหัส OTP นี้ใช้ไม่ได้แล้ว กรุณาขอรหัสใหม่",
                        "This OTP code can no longer be used; please request a new one"};
  }
  return std::nullopt;
}

Checked<std::string> check_otp_code(std::string_view raw, std::string field) {
  auto code = to_ascii_digits(trim(raw));
  if (code.empty())
    return FieldError{"required", std::move(field), "กรุณากรอกรหัส OTP", "The OTP code is required"};
  if (code.size() != 6 || !is_ascii_digits(code))
    return FieldError{"otp_format", std::move(field), "รหัส OTP ต้องเป็นตัวเลข 6 หลัก",
                      "The OTP code must be 6 digits"};
  return code;
}

Checked<OtpRequest> parse_otp_request(const nlohmann::json& j) {
  if (!j.is_object())
    return FieldError{"wrong_type", "", "ข้อมูลต้องเป็นออบเจ็กต์ JSON", "The body must be a JSON object"};
  auto phone = j.find("phone");
  if (phone == j.end() || !phone->is_string())
    return FieldError{"required", "phone", "กรุณากรอกเบอร์โทรศัพท์มือถือ (ข้อความ)",
                      "Mobile phone is required (as text)"};
  auto purpose = j.find("purpose");
  if (purpose == j.end() || !purpose->is_string())
    return FieldError{"required", "purpose", "กรุณาระบุวัตถุประสงค์ของ OTP (ข้อความ)",
                      "The OTP purpose is required (as text)"};
  auto number = check_mobile_phone(phone->get<std::string>(), "phone");
  if (!number) return number.error();
  auto p = parse_otp_purpose(purpose->get<std::string>());
  if (!p) return p.error();
  return OtpRequest{number.value(), p.value()};
}

std::string otp_sms_th(std::string_view code, std::string_view reference) {
  return "รหัส OTP ของคุณคือ " + std::string(code) + " (รหัสอ้างอิง " + std::string(reference) +
         ") ใช้ได้ภายใน " + std::to_string(otp_lifetime / 60) + " นาที อย่าบอกรหัสนี้แก่ผู้อื่น";
}

std::string otp_sms_en(std::string_view code, std::string_view reference) {
  return "Your OTP is " + std::string(code) + " (ref. " + std::string(reference) + "), valid for " +
         std::to_string(otp_lifetime / 60) + " minutes. Do not share this code with anyone.";
}

FieldError sms_unavailable_error() {
  return {"sms_unavailable", "phone", "ส่ง SMS ไม่สำเร็จในขณะนี้ กรุณาลองใหม่ในอีกสักครู่ (ยังไม่นับเป็นการส่ง)",
          "The SMS could not be sent right now; please try again in a moment (this attempt is not counted)"};
}

FieldError otp_unknown_error() {
  return {"otp_unknown", "otp_id", "ไม่พบคำขอ OTP นี้ กรุณาขอรหัสใหม่", "This OTP request is unknown; please request a new code"};
}

FieldError otp_token_invalid_error() {
  return {"otp_token_invalid", "otp_token", "การยืนยัน OTP ไม่ถูกต้อง ใช้แล้ว หรือหมดอายุ กรุณาขอรหัส OTP ใหม่",
          "The OTP confirmation is invalid, used or expired; please request a new OTP"};
}

FieldError otp_phone_mismatch_error() {
  return {"otp_phone_mismatch", "otp_token", "รหัส OTP ยืนยันกับเบอร์โทรศัพท์อื่น กรุณายืนยัน OTP ของเบอร์ที่กรอก",
          "The OTP was confirmed for another phone; confirm the OTP of the phone entered"};
}

}  // namespace domain
