#pragma once
// Users and their grants in SQLite. Functions take a Database so a caller can put several
// of them into one transaction (approving a school user checks the quota and writes at once).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "server/storage/database.hpp"
#include "shared/accounts/permission.hpp"
#include "shared/accounts/profile.hpp"

namespace server::accounts {

enum class UserStatus { active, disabled, pending };
std::string_view to_string(UserStatus s);
std::optional<UserStatus> parse_user_status(std::string_view s);

struct UserRecord {
  std::int64_t id = 0;
  std::string username;
  std::string password_hash;  // empty: no password yet
  UserStatus status = UserStatus::pending;
  std::string org_code;
  domain::Profile profile;
  bool must_change_password = false;
  bool must_complete_profile = false;
  std::optional<std::int64_t> password_expires_at;  // an issued password stops working then
  bool school_user = false;
  std::int64_t created_at = 0, updated_at = 0;
  std::vector<domain::Grant> grants;

  std::string display_name() const;  // "นายสมชาย ใจดี", or the username before a profile exists
};

std::optional<UserRecord> find_user(storage::Database& db, std::int64_t id);
std::optional<UserRecord> find_user(storage::Database& db, std::string_view username);
// Every user; filters are applied by the caller (the tree decides what is within a subtree).
std::vector<UserRecord> all_users(storage::Database& db);

// Inserts the user with its grants; returns the id. The username must be free.
std::int64_t insert_user(storage::Database& db, const UserRecord& user, std::int64_t now);
// Writes every column but id, username and created_at, and replaces the grants. A profile
// that names another person (domain::is_new_holder) keeps the old one as a past holder:
// whichever way the account changed hands (first sign-in after an issued password or QR,
// "my account", a registration approved for the institution).
void update_user(storage::Database& db, const UserRecord& user, std::int64_t now);

struct PastHolder {
  domain::Profile profile;
  std::int64_t ended_at = 0;
};
// Oldest first; each one held the account from the one before's end (the first: from the
// account's creation) until its own.
std::vector<PastHolder> past_holders(storage::Database& db, std::int64_t user_id);
void replace_grants(storage::Database& db, std::int64_t user_id, const std::vector<domain::Grant>& grants);

// School website access requests with `status` ("" = any), oldest first: the id and the
// school, for the caller to keep those of the subtree it manages.
struct AccessRequestRef {
  std::int64_t id = 0;
  std::string school_code;
};
std::vector<AccessRequestRef> access_requests_with_status(storage::Database& db, std::string_view status);

enum class TokenPurpose { activation, sign_in_qr, password_reset };
std::string_view to_string(TokenPurpose p);

// One-time tokens (activation links, sign-in QR codes, password resets): only the digest
// is stored. Issuing a new one of a purpose voids the user's earlier unused ones.
std::string issue_token(storage::Database& db, TokenPurpose purpose, std::int64_t user_id, std::int64_t now,
                        std::int64_t lifetime);
enum class TokenState { ok, unknown, used, expired };
std::string_view to_string(TokenState s);
struct RedeemedToken {
  TokenState state = TokenState::unknown;
  std::int64_t user_id = 0;
};
// The token's state without using it up: a link that cannot work is refused before any
// password is hashed for it.
RedeemedToken peek_token(storage::Database& db, TokenPurpose purpose, std::string_view token, std::int64_t now);
// Marks the token used (at most once, also under concurrency) when it is live.
RedeemedToken redeem_token(storage::Database& db, TokenPurpose purpose, std::string_view token, std::int64_t now);
// When the user's last unused token of the purpose expires (it may have already).
std::optional<std::int64_t> unused_token_expiry(storage::Database& db, std::int64_t user_id, TokenPurpose purpose);

}  // namespace server::accounts
