#pragma once
// The OTP tables (otp_codes, otp_sends, otp_tokens): every statement the OTP service runs,
// on the caller's connection so that a decision and its write share one transaction.
// Codes only hashed and sealed, tokens only hashed; the rules stay in shared/otp.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/storage/database.hpp"
#include "shared/otp/otp_policy.hpp"

namespace server::otp::store {

struct StoredOtp {
  std::string id, code_hash, code_sealed;
  domain::OtpRecord record;
};

// The newest code of the phone for the purpose that was sent at least once.
std::optional<StoredOtp> live(storage::Database& db, std::string_view phone, domain::OtpPurpose purpose);
std::optional<StoredOtp> sent_by_id(storage::Database& db, std::string_view id);
void insert_code(storage::Database& db, const StoredOtp& otp, std::string_view client_address);
void delete_code(storage::Database& db, std::string_view id);
void set_sent(storage::Database& db, const StoredOtp& otp);    // sends, last_sent_at
void set_tries(storage::Database& db, const StoredOtp& otp);   // wrong_tries, used

// Sends, and sends on their way (reservations), counted against the limits.
std::vector<std::int64_t> sends_to_phone_since(storage::Database& db, std::string_view phone, std::int64_t since);
std::vector<std::int64_t> sends_from_address_since(storage::Database& db, std::string_view address, std::int64_t since);
std::int64_t reserve_send(storage::Database& db, std::string_view phone, std::string_view address, std::int64_t at);
void cancel_send(storage::Database& db, std::int64_t reservation);

void insert_token(storage::Database& db, const std::string& token_hash, std::string_view phone,
                  domain::OtpPurpose purpose, std::int64_t expires_at);
// The phone of an unused, unexpired token for the purpose.
std::optional<std::string> token_phone(storage::Database& db, const std::string& token_hash,
                                       domain::OtpPurpose purpose, std::int64_t now);
void use_token(storage::Database& db, const std::string& token_hash);

}  // namespace server::otp::store
