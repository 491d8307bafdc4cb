#pragma once
// One-time passwords by SMS (rules in shared/otp/otp_policy): codes drawn with libsodium,
// stored as a keyed BLAKE2b hash (compared in constant time) and sealed with the server
// secret so a re-send within the lifetime repeats the same code. A verified code yields an
// otp_token that another feature redeems once (registration, password reset, access request).
#include <array>
#include <atomic>
#include <memory>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "server/auth/crypto.hpp"
#include "server/http/refusal.hpp"
#include "server/http/router.hpp"
#include "server/sms/sms_gateway.hpp"
#include "server/storage/connection_pool.hpp"
#include "shared/otp/otp_policy.hpp"

namespace server::otp {

using Clock = std::function<std::int64_t()>;  // seconds since the epoch
std::int64_t system_now();

using SecretKey = auth::SecretKey;
// The server secret in `file` (32 random bytes, mode 0600), created on first use.
SecretKey load_or_create_secret(const std::filesystem::path& file);

inline constexpr std::int64_t otp_token_lifetime = 15 * 60;

struct OtpSent {
  std::string otp_id, reference;
  std::int64_t expires_in = 0, resend_after = 0;
};

using http::Outcome;
using http::Refusal;

class OtpService {
 public:
  OtpService(storage::ConnectionPool& pool, sms::SmsGateway& gateway, const SecretKey& secret,
             Clock now = system_now);

  // Sends a code (or the same live code again). 429 when a limit applies, 503 when the
  // gateway fails (then nothing is counted as sent).
  Outcome<OtpSent> send(const domain::OtpRequest& request, std::string_view client_address);
  // Checks the code typed for `otp_id`; on success the single-use otp_token.
  Outcome<std::string> verify(std::string_view otp_id, std::string_view code);

  // The verified phone of an otp_token for `purpose`; the token then works no more.
  domain::Checked<std::string> redeem(std::string_view otp_token, domain::OtpPurpose purpose);
  // The same inside the caller's transaction on `db`; with `for_phone`, a token of another
  // phone is refused and stays usable.
  domain::Checked<std::string> redeem(storage::Database& db, std::string_view otp_token, domain::OtpPurpose purpose,
                                      std::optional<std::string_view> for_phone = std::nullopt);

 private:
  storage::ConnectionPool& pool_;
  sms::SmsGateway& gateway_;
  auth::DerivedKeys keys_;
  Clock now_;
};

// POST /api/v1/otp, POST /api/v1/otp/verify; the handlers keep `otp` alive.
void add_otp_routes(http::Router& router, std::shared_ptr<OtpService> otp);

// Development mode only: POST /api/v1/dev/clock {"advance_seconds"} moves the OTP clock
// forward (tests of cooldowns and expiry over HTTP); `offset` is what the service's clock adds.
void add_dev_clock_route(http::Router& router, std::shared_ptr<std::atomic<std::int64_t>> offset);

}  // namespace server::otp
