#pragma once
// "My account": the sessions signed in as the caller, and ending them (one, or all but the
// current one). A session is named by its public id, never by its token.
#include "server/auth/audit_log.hpp"
#include "server/auth/guard.hpp"
#include "server/http/router.hpp"
#include "server/storage/connection_pool.hpp"

namespace server::accounts {

void add_my_sessions_routes(http::Router& router, auth::Guard& guard, auth::AuditLog& audit,
                            storage::ConnectionPool& pool);

}  // namespace server::accounts
