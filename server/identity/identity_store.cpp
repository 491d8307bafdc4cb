#include "server/identity/identity_store.hpp"

namespace server::identity {

void insert_flow(storage::Database& db, const Flow& f, std::int64_t now) {
  // Flows that were never finished are kept a day for the record of attempts, then dropped.
  db.prepare("DELETE FROM identity_flows WHERE expires_at < ?").bind(1, now - 86400).run();
  db.prepare(
        "INSERT INTO identity_flows (state_digest, provider, purpose, next_route, nonce, verifier_sealed, expires_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)")
      .bind(1, f.state_digest).bind(2, f.provider).bind(3, f.purpose).bind(4, f.next_route).bind(5, f.nonce)
      .bind(6, f.verifier_sealed).bind(7, f.expires_at)
      .run();
}

std::optional<Flow> take_flow(storage::Database& db, const std::string& state_digest, const std::string& provider,
                              std::int64_t now) {
  auto q = db.prepare(
      "SELECT state_digest, provider, purpose, next_route, nonce, verifier_sealed, expires_at FROM identity_flows "
      "WHERE state_digest = ? AND provider = ? AND used_at IS NULL AND expires_at >= ?");
  q.bind(1, state_digest).bind(2, provider).bind(3, now);
  if (!q.step()) return std::nullopt;
  Flow f{q.text(0), q.text(1), q.text(2), q.text(3), q.text(4), q.text(5), q.integer(6)};
  db.prepare("UPDATE identity_flows SET used_at = ? WHERE state_digest = ? AND used_at IS NULL")
      .bind(1, now).bind(2, state_digest).run();
  if (db.changes() != 1) return std::nullopt;
  return f;
}

void insert_proof(storage::Database& db, const Proof& p) {
  db.prepare("DELETE FROM identity_proofs WHERE expires_at < ?").bind(1, p.created_at - 86400).run();
  db.prepare(
        "INSERT INTO identity_proofs (token_digest, provider, subject, purpose, national_id_hash, national_id_sealed, "
        "id_masked, title, first_name, last_name, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, p.token_digest).bind(2, p.provider).bind(3, p.subject).bind(4, p.purpose).bind(5, p.national_id_hash)
      .bind(6, p.national_id_sealed).bind(7, p.id_masked).bind(8, p.title).bind(9, p.first_name).bind(10, p.last_name)
      .bind(11, p.created_at).bind(12, p.expires_at)
      .run();
}

std::optional<Proof> find_proof(storage::Database& db, const std::string& token_digest, std::int64_t now) {
  auto q = db.prepare(
      "SELECT token_digest, provider, subject, purpose, national_id_hash, national_id_sealed, id_masked, title, "
      "first_name, last_name, created_at, expires_at FROM identity_proofs "
      "WHERE token_digest = ? AND used_at IS NULL AND expires_at >= ?");
  q.bind(1, token_digest).bind(2, now);
  if (!q.step()) return std::nullopt;
  return Proof{q.text(0), q.text(1), q.text(2), q.text(3), q.text(4), q.text(5), q.text(6),
               q.text(7), q.text(8), q.text(9), q.integer(10), q.integer(11)};
}

bool use_proof(storage::Database& db, const std::string& token_digest, std::int64_t now) {
  db.prepare("UPDATE identity_proofs SET used_at = ? WHERE token_digest = ? AND used_at IS NULL")
      .bind(1, now).bind(2, token_digest).run();
  return db.changes() == 1;
}

std::vector<std::int64_t> active_users_with_national_id(storage::Database& db, const std::string& hash) {
  std::vector<std::int64_t> ids;
  if (hash.empty()) return ids;
  auto q = db.prepare("SELECT id FROM users WHERE national_id_hash = ? AND status = 'active' ORDER BY id");
  q.bind(1, hash);
  while (q.step()) ids.push_back(q.integer(0));
  return ids;
}

void set_user_national_id(storage::Database& db, std::int64_t user_id, const std::string& hash,
                          const std::string& sealed) {
  db.prepare("UPDATE users SET national_id_hash = ?, national_id_sealed = ? WHERE id = ?")
      .bind(1, hash).bind(2, sealed).bind(3, user_id).run();
}

void link_user_to_registration(storage::Database& db, const std::string& username, std::int64_t registration_id) {
  db.prepare(
        "UPDATE users SET national_id_hash = (SELECT national_id_hash FROM registrations WHERE id = ?), "
        "national_id_sealed = (SELECT national_id_sealed FROM registrations WHERE id = ?) WHERE username = ?")
      .bind(1, registration_id).bind(2, registration_id).bind(3, username).run();
}

std::int64_t pending_requests_with_national_id(storage::Database& db, const std::string& school_code,
                                               const std::string& hash) {
  auto q = db.prepare(
      "SELECT COUNT(*) FROM access_requests WHERE school_code = ? AND national_id_hash = ? AND status = 'pending'");
  q.bind(1, school_code).bind(2, hash);
  q.step();
  return q.integer(0);
}

std::int64_t school_users_with_national_id(storage::Database& db, const std::string& school_code,
                                           const std::string& hash) {
  auto q = db.prepare(
      "SELECT COUNT(*) FROM users WHERE org_code = ? AND national_id_hash = ? AND school_user = 1 AND status <> 'disabled'");
  q.bind(1, school_code).bind(2, hash);
  q.step();
  return q.integer(0);
}

}  // namespace server::identity
