#pragma once
// Signed-in sessions. The browser holds a 128-bit random id in the __Host-session cookie;
// the database holds only its digest. Idle 30 min, absolute 8 h (shared sign_in_policy).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "server/http/message.hpp"
#include "server/storage/database.hpp"

namespace server::auth {

inline constexpr std::string_view session_cookie_name = "__Host-session";

std::int64_t unix_now();
// 1700000000 -> "2023-11-14T22:13:20Z"
std::string iso_time(std::int64_t unix_seconds);

struct SessionRow {
  std::string digest;
  std::int64_t user_id = 0;
  std::string csrf_token;
  std::int64_t created_at = 0, last_seen_at = 0;
};

struct NewSession {
  std::string token;       // goes into the cookie, never stored
  std::string csrf_token;  // the client sends it back as X-CSRF-Token
  std::int64_t expires_at;
};

// `user_agent`: the browser's User-Agent header, kept (cut to a length) to show the device.
NewSession create_session(storage::Database& db, std::int64_t user_id, const std::string& client_address,
                          std::string_view user_agent, std::int64_t now);
std::optional<SessionRow> find_session(storage::Database& db, std::string_view token);
// The digest a session is stored under; nullopt when the token cannot be one of ours.
std::optional<std::string> session_digest(std::string_view token);
std::optional<SessionRow> find_session_by_digest(storage::Database& db, std::string_view digest);
// Moved by every change to a session, a user or a grant (migration 127), in every process.
std::int64_t auth_revision(storage::Database& db);
void touch_session(storage::Database& db, const std::string& digest, std::int64_t now);
void delete_session(storage::Database& db, const std::string& digest);
// "Sign out everywhere": every session of the user, but `keep_digest` if given. Returns
// how many ended.
int delete_user_sessions(storage::Database& db, std::int64_t user_id, std::string_view keep_digest = {});

// A session as "my account" lists it (shared/accounts/signed_in_sessions.hpp).
struct UserSession {
  std::string digest;     // to tell the caller's own; never leaves the server
  std::string public_id;  // 24 hex, the name the API uses
  std::int64_t created_at = 0, last_seen_at = 0;
  std::string client_address, user_agent;
};
// The user's live sessions (expired ones are left out), the last used first.
std::vector<UserSession> user_sessions(storage::Database& db, std::int64_t user_id, std::int64_t now);
// Ends the user's session with that public id; nullopt when the user has none by that id
// (another user's id is the same as an unknown one).
std::optional<UserSession> end_user_session(storage::Database& db, std::int64_t user_id, std::string_view public_id,
                                            std::int64_t now);

// Deletes the sessions past their idle or absolute limit, and sign-in failures older than
// the slow-down window (both of no use any more); returns how many sessions went. Runs at
// start and at every sign-in, so nothing expired outlives the next sign-in.
int prune_expired(storage::Database& db, std::int64_t now);

// The session cookie of the request ("" when absent). Several Cookie headers count.
std::string session_token_of(const http::Request& request);
// Set-Cookie values: a new session, and the removal of the cookie.
std::string session_cookie(const std::string& token);
std::string expired_session_cookie();

}  // namespace server::auth
