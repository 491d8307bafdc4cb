#include "server/auth/sessions.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>

#include "server/auth/crypto.hpp"
#include "server/storage/commit_count.hpp"
#include "shared/accounts/sign_in_policy.hpp"
#include "shared/accounts/signed_in_sessions.hpp"

namespace server::auth {

std::string iso_time(std::int64_t t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

int prune_expired(storage::Database& db, std::int64_t now) {
  // The same limits as domain::session_alive (boundaries exclusive there: dead at the limit).
  db.prepare("DELETE FROM sessions WHERE last_seen_at <= ? OR created_at <= ?")
      .bind(1, now - domain::session_idle_limit)
      .bind(2, now - domain::session_absolute_limit)
      .run();
  const auto gone = static_cast<int>(db.changes());
  db.prepare("DELETE FROM sign_in_failures WHERE at <= ?").bind(1, now - domain::account_slow_down.window).run();
  return gone;
}

NewSession create_session(storage::Database& db, std::int64_t user_id, const std::string& client_address,
                          std::string_view user_agent, std::int64_t now) {
  prune_expired(db, now);
  NewSession s{random_token(16), random_token(16), domain::session_expires_at(now, now)};
  // Cut on a UTF-8 boundary: a header is Latin text, but nothing guarantees it.
  std::size_t keep = std::min(user_agent.size(), domain::user_agent_max_length);
  while (keep > 0 && keep < user_agent.size() && (static_cast<unsigned char>(user_agent[keep]) & 0xC0) == 0x80) --keep;
  db.prepare(
        "INSERT INTO sessions (token_digest, user_id, csrf_token, created_at, last_seen_at, client_address, "
        "public_id, user_agent) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(1, token_digest(s.token))
      .bind(2, user_id)
      .bind(3, s.csrf_token)
      .bind(4, now)
      .bind(5, now)
      .bind(6, client_address)
      .bind(7, random_token(12))
      .bind(8, std::string(user_agent.substr(0, keep)))
      .run();
  return s;
}

std::optional<std::string> session_digest(std::string_view token) {
  // A well-formed id is 32 hex digits: anything else cannot be ours, skip the lookup.
  if (token.size() != 32 || token.find_first_not_of("0123456789abcdef") != std::string_view::npos)
    return std::nullopt;
  return token_digest(token);
}

std::optional<SessionRow> find_session(storage::Database& db, std::string_view token) {
  const auto digest = session_digest(token);
  return digest ? find_session_by_digest(db, *digest) : std::nullopt;
}

std::optional<SessionRow> find_session_by_digest(storage::Database& db, std::string_view digest) {
  auto q = db.prepare(
      "SELECT token_digest, user_id, csrf_token, created_at, last_seen_at FROM sessions WHERE token_digest = ?");
  q.bind(1, digest);
  if (!q.step()) return std::nullopt;
  return SessionRow{q.text(0), q.integer(1), q.text(2), q.integer(3), q.integer(4)};
}

std::int64_t auth_revision(storage::Database& db) {
  static storage::KeptNumber kept("SELECT n FROM auth_revision WHERE id = 1");
  return kept.read(db);
}

void touch_session(storage::Database& db, const std::string& digest, std::int64_t now) {
  db.prepare("UPDATE sessions SET last_seen_at = ? WHERE token_digest = ?").bind(1, now).bind(2, digest).run();
}

void delete_session(storage::Database& db, const std::string& digest) {
  db.prepare("DELETE FROM sessions WHERE token_digest = ?").bind(1, digest).run();
}

int delete_user_sessions(storage::Database& db, std::int64_t user_id, std::string_view keep_digest) {
  db.prepare("DELETE FROM sessions WHERE user_id = ? AND token_digest != ?").bind(1, user_id).bind(2, keep_digest).run();
  return static_cast<int>(db.changes());
}

namespace {

constexpr const char* user_session_columns =
    "SELECT token_digest, public_id, created_at, last_seen_at, client_address, user_agent FROM sessions ";

UserSession user_session_of(storage::Statement& q) {
  return {q.text(0), q.text(1), q.integer(2), q.integer(3), q.text(4), q.text(5)};
}

}  // namespace

std::vector<UserSession> user_sessions(storage::Database& db, std::int64_t user_id, std::int64_t now) {
  auto q = db.prepare(std::string(user_session_columns) +
                      "WHERE user_id = ? AND last_seen_at > ? AND created_at > ? ORDER BY last_seen_at DESC, created_at DESC");
  q.bind(1, user_id).bind(2, now - domain::session_idle_limit).bind(3, now - domain::session_absolute_limit);
  std::vector<UserSession> out;
  while (q.step()) out.push_back(user_session_of(q));
  return out;
}

std::optional<UserSession> end_user_session(storage::Database& db, std::int64_t user_id, std::string_view public_id,
                                            std::int64_t now) {
  if (!domain::is_session_id(public_id)) return std::nullopt;
  auto q = db.prepare(std::string(user_session_columns) +
                      "WHERE user_id = ? AND public_id = ? AND last_seen_at > ? AND created_at > ?");
  q.bind(1, user_id).bind(2, std::string(public_id)).bind(3, now - domain::session_idle_limit)
      .bind(4, now - domain::session_absolute_limit);
  if (!q.step()) return std::nullopt;
  auto found = user_session_of(q);
  delete_session(db, found.digest);
  return found;
}

std::string session_token_of(const http::Request& request) {
  auto [begin, end] = request.equal_range(boost::beast::http::field::cookie);
  for (auto it = begin; it != end; ++it) {
    std::string_view v = it->value();
    while (!v.empty()) {
      auto semi = v.find(';');
      std::string_view pair = v.substr(0, semi);
      v = semi == std::string_view::npos ? std::string_view() : v.substr(semi + 1);
      while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
      auto eq = pair.find('=');
      if (eq != std::string_view::npos && pair.substr(0, eq) == session_cookie_name)
        return std::string(pair.substr(eq + 1));
    }
  }
  return {};
}

std::string session_cookie(const std::string& token) {
  // No Max-Age: the browser forgets it when it closes (kiosks); the server enforces expiry.
  return std::string(session_cookie_name) + "=" + token + "; Path=/; Secure; HttpOnly; SameSite=Strict";
}

std::string expired_session_cookie() {
  return std::string(session_cookie_name) + "=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Strict";
}

}  // namespace server::auth
