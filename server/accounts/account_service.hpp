#pragma once
// Accounts as the rest of the server sees them: creating and activating institution
// accounts, the demo accounts of development mode, and the JSON a client gets for a user.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "server/accounts/account_store.hpp"
#include "server/auth/audit_log.hpp"
#include "server/storage/connection_pool.hpp"
#include "shared/accounts/organisation.hpp"
#include "shared/accounts/permission.hpp"

namespace server::accounts {

struct AccountHolder {
  std::string username, org_code, title, first_name, last_name, position, phone, email;
  std::vector<domain::Grant> grants;
};

struct DemoAccount {
  std::string username, password, org_code;
  std::vector<domain::Grant> grants;
  domain::Profile profile;
};
// The accounts development mode seeds (GET /api/v1/dev/accounts lists them).
const std::vector<DemoAccount>& demo_accounts();

class AccountService {
 public:
  AccountService(storage::ConnectionPool& db, const domain::OrgTree& orgs, auth::AuditLog& audit)
      : db_(db), orgs_(orgs), audit_(audit) {}

  // Creates or re-enables the account, sets the holder's details, disables sign-in until
  // activation, and returns a single-use activation token valid 72 h.
  std::string issue_activation(const AccountHolder& holder, std::optional<std::int64_t> actor);

  // A new activation link for `username` while it has no password yet, once the last link
  // lapsed; otherwise why not (and how long the last link still works).
  struct Renewal {
    enum class Outcome { renewed, already_active, link_still_valid, no_account } outcome = Outcome::no_account;
    std::string token;
    std::int64_t seconds_left = 0;
  };
  Renewal renew_activation(const std::string& username, std::optional<std::int64_t> actor);

  // A random password for a first login: single use, 72 h; the user must then complete the
  // profile and choose a new password. Signs the user out everywhere. Returns the password.
  std::string issue_password(std::int64_t user_id, std::optional<std::int64_t> actor, const std::string& client_address);

  // Adds the demo accounts that do not exist yet; returns how many were added.
  int seed_demo_accounts();

  // {"id","username","display_name","org_code","org_name","status","school_user","profile","grants"}
  nlohmann::json user_json(const UserRecord& user) const;

  const domain::OrgTree& orgs() const { return orgs_; }
  storage::ConnectionPool& db() { return db_; }
  auth::AuditLog& audit() { return audit_; }

 private:
  storage::ConnectionPool& db_;
  const domain::OrgTree& orgs_;
  auth::AuditLog& audit_;
};

// 4 groups of 4 letters and digits without look-alikes (0/O, 1/l/I), e.g. "k7Pm-x3Qa-Hn9t-2bWe".
std::string generate_password();

}  // namespace server::accounts
