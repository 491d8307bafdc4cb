#include "server/otp/otp_service.hpp"

#include <sodium.h>
#include <sys/stat.h>

#include <chrono>
#include <fstream>
#include <stdexcept>

#include "server/auth/server_key.hpp"
#include "server/http/errors.hpp"
#include "server/otp/otp_store.hpp"

namespace server::otp {

namespace {

template <std::size_t N>
std::array<std::uint8_t, N> random_bytes() {
  std::array<std::uint8_t, N> b;
  randombytes_buf(b.data(), b.size());
  return b;
}

std::string draw_code() {
  for (;;)
    if (auto c = domain::otp_code_from_bytes(random_bytes<domain::otp_code_random_bytes>())) return *c;
}

std::string draw_reference() {
  for (;;)
    if (auto r = domain::otp_reference_from_bytes(random_bytes<domain::otp_reference_random_bytes>())) return *r;
}

Refusal gateway_down() { return {503, domain::sms_unavailable_error(), 30}; }

}  // namespace

std::int64_t system_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

SecretKey load_or_create_secret(const std::filesystem::path& file) {
  auth::init_crypto();
  SecretKey key;
  std::ifstream in(file, std::ios::binary);
  if (in && in.read(reinterpret_cast<char*>(key.data()), key.size()) && in.gcount() == key.size()) return key;
  // The start (main.cpp, auth::load_server_key) already refused a lost key over sealed data.
  return auth::write_new_server_key(file);
}

OtpService::OtpService(storage::ConnectionPool& pool, sms::SmsGateway& gateway, const SecretKey& secret, Clock now)
    : pool_(pool), gateway_(gateway), keys_(secret, 1, "otp-hash", 2, "otp-seal"), now_(std::move(now)) {}

Outcome<OtpSent> OtpService::send(const domain::OtpRequest& request, std::string_view client_address) {
  const std::int64_t now = now_();
  store::StoredOtp otp;
  bool fresh = false;
  std::string code;
  std::int64_t reservation = 0;
  {
    // Decide and reserve in one write transaction: a reservation in otp_sends counts against
    // the limits while the SMS is on its way, so two requests at once cannot both pass.
    auto db = pool_.acquire();
    storage::Transaction tx(*db);
    auto live = store::live(*db, request.phone, request.purpose);
    const auto decision = domain::decide_send(
        live ? &live->record : nullptr, store::sends_to_phone_since(*db, request.phone, now - domain::otp_phone_window),
        store::sends_from_address_since(*db, client_address, now - domain::otp_address_window), now);
    if (!decision.allowed()) return Refusal{429, *decision.rate.refusal, decision.rate.retry_after};

    if (decision.same_code) {
      otp = *live;
      auto c = keys_.unseal(otp.code_sealed);
      if (!c) throw std::runtime_error("an OTP could not be unsealed: was the server secret replaced?");
      code = *c;
    } else {
      fresh = true;
      code = draw_code();
      otp.id = auth::random_token(16);
      otp.record = domain::OtpRecord{request.phone, request.purpose, draw_reference(), now, now, 0, 0, false};
      otp.code_hash = keys_.keyed_hash(otp.id, code);
      otp.code_sealed = keys_.seal(code);
      store::insert_code(*db, otp, client_address);
    }
    reservation = store::reserve_send(*db, request.phone, client_address, now);
    tx.commit();
  }

  const auto sent = gateway_.send({request.phone, domain::otp_sms_th(code, otp.record.reference)});

  auto db = pool_.acquire();
  storage::Transaction tx(*db);
  if (!sent) {
    // Not delivered: not a send. Remove the reservation and a code nobody received.
    store::cancel_send(*db, reservation);
    if (fresh) store::delete_code(*db, otp.id);
    tx.commit();
    return gateway_down();
  }
  if (fresh) {
    otp.record = domain::first_send(request.phone, request.purpose, otp.record.reference, now);
  } else {
    domain::note_resend(otp.record, now);
  }
  store::set_sent(*db, otp);
  tx.commit();
  return OtpSent{otp.id, otp.record.reference, domain::otp_expires_in(otp.record, now), domain::otp_resend_cooldown};
}

Outcome<std::string> OtpService::verify(std::string_view otp_id, std::string_view typed) {
  auto code = domain::check_otp_code(typed);
  if (!code) return Refusal{400, code.error()};
  const std::int64_t now = now_();
  auto db = pool_.acquire();
  storage::Transaction tx(*db);
  auto otp = store::sent_by_id(*db, otp_id);
  if (!otp)
    return Refusal{404, domain::otp_unknown_error()};
  const std::string typed_hash = keys_.keyed_hash(otp->id, code.value());
  const bool matches = typed_hash.size() == otp->code_hash.size() &&
                       sodium_memcmp(typed_hash.data(), otp->code_hash.data(), typed_hash.size()) == 0;
  const auto result = domain::verify(otp->record, matches, now);
  store::set_tries(*db, *otp);
  if (auto error = domain::verify_error(result)) {
    tx.commit();  // the wrong try counts
    return Refusal{result.outcome == domain::VerifyOutcome::wrong ? 400u : 410u, *error};
  }
  const std::string token = auth::random_token(32);
  store::insert_token(*db, keys_.keyed_hash("token", token), otp->record.phone, otp->record.purpose,
                      now + otp_token_lifetime);
  tx.commit();
  return token;
}

domain::Checked<std::string> OtpService::redeem(std::string_view otp_token, domain::OtpPurpose purpose) {
  auto db = pool_.acquire();
  storage::Transaction tx(*db);
  auto phone = redeem(*db, otp_token, purpose);
  if (phone) tx.commit();
  return phone;
}

domain::Checked<std::string> OtpService::redeem(storage::Database& db, std::string_view otp_token,
                                                domain::OtpPurpose purpose, std::optional<std::string_view> for_phone) {
  const domain::FieldError invalid = domain::otp_token_invalid_error();
  if (otp_token.empty() || otp_token.size() > 200) return invalid;
  const std::string hash = keys_.keyed_hash("token", otp_token);
  auto found = store::token_phone(db, hash, purpose, now_());
  if (!found) return invalid;
  std::string phone = std::move(*found);
  if (for_phone && *for_phone != phone)
    return domain::otp_phone_mismatch_error();
  store::use_token(db, hash);
  return phone;
}

}  // namespace server::otp
