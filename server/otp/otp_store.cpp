#include "server/otp/otp_store.hpp"

namespace server::otp::store {

namespace {

std::optional<StoredOtp> load(storage::Statement& q) {
  if (!q.step()) return std::nullopt;
  StoredOtp s;
  s.id = q.text(0);
  s.code_hash = q.text(4);
  s.code_sealed = q.text(5);
  auto purpose = domain::parse_otp_purpose(q.text(2));
  s.record = domain::OtpRecord{q.text(1), purpose ? purpose.value() : domain::OtpPurpose::registration,
                               q.text(3), q.integer(6), q.integer(7), static_cast<int>(q.integer(8)),
                               static_cast<int>(q.integer(9)), q.integer(10) != 0};
  return s;
}

constexpr const char* select_code =
    "SELECT id, phone, purpose, reference, code_hash, code_sealed, created_at, last_sent_at, sends, "
    "wrong_tries, used FROM otp_codes WHERE ";

std::vector<std::int64_t> times(storage::Statement& q) {
  std::vector<std::int64_t> out;
  while (q.step()) out.push_back(q.integer(0));
  return out;
}

}  // namespace

std::optional<StoredOtp> live(storage::Database& db, std::string_view phone, domain::OtpPurpose purpose) {
  auto q = db.prepare(std::string(select_code) + "phone = ? AND purpose = ? AND sends > 0 ORDER BY created_at DESC LIMIT 1");
  q.bind(1, phone).bind(2, domain::to_string(purpose));
  return load(q);
}

std::optional<StoredOtp> sent_by_id(storage::Database& db, std::string_view id) {
  auto q = db.prepare(std::string(select_code) + "id = ? AND sends > 0");
  q.bind(1, id);
  return load(q);
}

void insert_code(storage::Database& db, const StoredOtp& otp, std::string_view client_address) {
  db.prepare("INSERT INTO otp_codes (id, phone, purpose, reference, code_hash, code_sealed, created_at, last_sent_at, "
             "client_address) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, otp.id).bind(2, otp.record.phone).bind(3, domain::to_string(otp.record.purpose))
      .bind(4, otp.record.reference).bind(5, otp.code_hash).bind(6, otp.code_sealed)
      .bind(7, otp.record.created_at).bind(8, otp.record.last_sent_at).bind(9, client_address)
      .run();
}

void delete_code(storage::Database& db, std::string_view id) {
  db.prepare("DELETE FROM otp_codes WHERE id = ?").bind(1, id).run();
}

void set_sent(storage::Database& db, const StoredOtp& otp) {
  db.prepare("UPDATE otp_codes SET sends = ?, last_sent_at = ? WHERE id = ?")
      .bind(1, std::int64_t{otp.record.sends}).bind(2, otp.record.last_sent_at).bind(3, otp.id)
      .run();
}

void set_tries(storage::Database& db, const StoredOtp& otp) {
  db.prepare("UPDATE otp_codes SET wrong_tries = ?, used = ? WHERE id = ?")
      .bind(1, std::int64_t{otp.record.wrong_tries}).bind(2, std::int64_t{otp.record.used}).bind(3, otp.id)
      .run();
}

std::vector<std::int64_t> sends_to_phone_since(storage::Database& db, std::string_view phone, std::int64_t since) {
  auto q = db.prepare("SELECT sent_at FROM otp_sends WHERE phone = ? AND sent_at > ?");
  q.bind(1, phone).bind(2, since);
  return times(q);
}

std::vector<std::int64_t> sends_from_address_since(storage::Database& db, std::string_view address, std::int64_t since) {
  auto q = db.prepare("SELECT sent_at FROM otp_sends WHERE client_address = ? AND sent_at > ?");
  q.bind(1, address).bind(2, since);
  return times(q);
}

std::int64_t reserve_send(storage::Database& db, std::string_view phone, std::string_view address, std::int64_t at) {
  auto q = db.prepare("INSERT INTO otp_sends (phone, client_address, sent_at) VALUES (?, ?, ?) RETURNING id");
  q.bind(1, phone).bind(2, address).bind(3, at);
  return q.returned_id();
}

void cancel_send(storage::Database& db, std::int64_t reservation) {
  db.prepare("DELETE FROM otp_sends WHERE id = ?").bind(1, reservation).run();
}

void insert_token(storage::Database& db, const std::string& token_hash, std::string_view phone,
                  domain::OtpPurpose purpose, std::int64_t expires_at) {
  db.prepare("INSERT INTO otp_tokens (token_hash, phone, purpose, expires_at) VALUES (?, ?, ?, ?)")
      .bind(1, token_hash).bind(2, phone).bind(3, domain::to_string(purpose)).bind(4, expires_at)
      .run();
}

std::optional<std::string> token_phone(storage::Database& db, const std::string& token_hash,
                                       domain::OtpPurpose purpose, std::int64_t now) {
  auto q = db.prepare("SELECT phone FROM otp_tokens WHERE token_hash = ? AND purpose = ? AND used = 0 AND expires_at > ?");
  q.bind(1, token_hash).bind(2, domain::to_string(purpose)).bind(3, now);
  if (!q.step()) return std::nullopt;
  return q.text(0);
}

void use_token(storage::Database& db, const std::string& token_hash) {
  db.prepare("UPDATE otp_tokens SET used = 1 WHERE token_hash = ?").bind(1, token_hash).run();
}

}  // namespace server::otp::store
