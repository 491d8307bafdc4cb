#pragma once
// Who is asking, and may they? Every handler that needs a signed-in user starts with
// require_user(); every action on an organisation's data asks allowed() for that node.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "server/accounts/account_store.hpp"
#include "server/auth/caller.hpp"
#include "server/auth/sessions.hpp"
#include "server/http/message.hpp"
#include "server/http/router.hpp"
#include "server/storage/connection_pool.hpp"
#include "server/storage/kept_at.hpp"
#include "shared/accounts/organisation.hpp"
#include "shared/accounts/permission.hpp"

namespace server::auth {

struct Principal {
  std::int64_t user_id;
  std::string username;
  std::string display_name;
  std::string org_code;  // home org (a school user: the school code)
  std::vector<domain::Grant> grants;
  // The session behind this request.
  std::string session_digest;
  std::string csrf_token;
  std::int64_t session_expires_at = 0;
  bool must_change_password = false;
  bool must_complete_profile = false;
};

// The few endpoints that finish a first login (GET /me, the profile, the new password,
// logout) accept a user who has not done so yet; everything else refuses them.
enum class FirstLogin { must_be_done, may_be_pending };

class Guard {
 public:
  Guard(storage::ConnectionPool& db, const domain::OrgTree& orgs) : db_(db), orgs_(orgs) {}

  // The signed-in user of this request, or the reply to return: 401 not_signed_in /
  // session_expired; 403 csrf_failed for POST/PUT/PATCH/DELETE without the session's
  // X-CSRF-Token; 403 must_change_password / must_complete_profile until first login is done.
  // Refreshes the idle timer. Found once per request (kept in rq.signed_in_user).
  std::variant<Principal, http::Reply> require_user(const http::RequestContext& rq,
                                                    FirstLogin first_login = FirstLogin::must_be_done);
  // The same, as the caller every feature's handlers take.
  std::variant<Caller, http::Reply> require_caller(const http::RequestContext& rq);
  // The router's gate: a signed-in user, holding one of the rule's permissions somewhere.
  std::optional<http::Reply> gate(const http::RequestContext& rq, const http::Access& access);
  bool allowed(const Principal& p, domain::Permission perm, std::string_view org_code) const;
  const domain::OrgTree& orgs() const { return orgs_; }

 private:
  std::variant<Principal, http::Reply> authenticate(const http::RequestContext& rq);

  // Callers as last read, by session digest, at the auth revision: a request whose
  // revision still matches reads nothing, not the session, user and grants.
  struct Known {
    SessionRow session;
    accounts::UserRecord user;
  };

  storage::ConnectionPool& db_;
  const domain::OrgTree& orgs_;
  storage::KeptAt<std::string, Known> known_{20000};
};

// 401 replies, shared with the login handlers.
http::Reply not_signed_in();
http::Reply session_expired();

}  // namespace server::auth
