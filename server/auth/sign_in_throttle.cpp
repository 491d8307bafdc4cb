#include "server/auth/sign_in_throttle.hpp"

#include "shared/accounts/sign_in_policy.hpp"
#include "shared/core/text.hpp"

namespace server::auth {

// Case does not make another account: "Area.Admin" and "area.admin" share one counter.
std::string account_key(std::string_view username) { return "user:" + domain::ascii_lower(username); }
std::string address_key(std::string_view client_address) { return "address:" + std::string(client_address); }

FailureCount recent_failures(storage::Database& db, const std::string& key, std::int64_t now) {
  // Both rules use the same one-hour window.
  auto q = db.prepare("SELECT COUNT(*), COALESCE(MAX(at), 0) FROM sign_in_failures WHERE key = ? AND at > ?");
  q.bind(1, key).bind(2, now - domain::account_slow_down.window);
  q.step();
  return {static_cast<int>(q.integer(0)), q.integer(1)};
}

std::int64_t record_failure(storage::Database& db, const std::string& key, std::int64_t now) {
  db.prepare("DELETE FROM sign_in_failures WHERE key = ? AND at <= ?")
      .bind(1, key)
      .bind(2, now - domain::account_slow_down.window)
      .run();
  return db.prepare("INSERT INTO sign_in_failures (key, at) VALUES (?, ?) RETURNING rowid").bind(1, key).bind(2, now).returned_id();
}

void clear_failures(storage::Database& db, const std::string& key) {
  db.prepare("DELETE FROM sign_in_failures WHERE key = ?").bind(1, key).run();
}

domain::RateDecision sign_in_gate(storage::Database& db, std::string_view username, std::string_view address,
                                  std::int64_t now) {
  const auto account = recent_failures(db, account_key(username), now);
  const auto from = recent_failures(db, address_key(address), now);
  return domain::may_attempt_sign_in(account.count, account.last_at, from.count, from.last_at, now);
}

Attempt reserve_sign_in_attempt(storage::Database& db, std::string_view username, std::string_view address,
                                std::int64_t now) {
  Attempt a{sign_in_gate(db, username, address, now), {}};
  if (!a.decision.allowed()) return a;
  a.reserved.account_row = record_failure(db, account_key(username), now);
  a.reserved.address_row = record_failure(db, address_key(address), now);
  return a;
}

void release(storage::Database& db, const Reservation& reserved) {
  for (auto row : {reserved.account_row, reserved.address_row})
    if (row) db.prepare("DELETE FROM sign_in_failures WHERE rowid = ?").bind(1, row).run();
}

std::string link_address_key(std::string_view client_address) { return "link:" + std::string(client_address); }

domain::RateDecision link_gate(storage::Database& db, std::string_view address, std::int64_t now) {
  const auto from = recent_failures(db, link_address_key(address), now);
  return domain::may_try_link(from.count, from.last_at, now);
}

}  // namespace server::auth
