#pragma once
// POST /api/v1/auth/login, /auth/logout, /auth/activate; GET /api/v1/me;
// GET /api/v1/dev/accounts (development mode only).
#include "server/accounts/account_service.hpp"
#include "server/auth/audit_log.hpp"
#include "server/auth/guard.hpp"
#include "server/config.hpp"
#include "server/http/router.hpp"
#include "shared/accounts/rate_limit.hpp"

namespace server::auth {

// A fresh session for `user` (a new id; with `sign_out_everywhere` every other session of
// the user ends first): the login reply body and its Set-Cookie.
http::Reply start_session(storage::Database& db, const accounts::AccountService& accounts,
                          const accounts::UserRecord& user, const http::RequestContext& rq, std::int64_t now,
                          bool sign_out_everywhere = false);

// 429 with Retry-After for a refused decision (sign-in slow-down, wrong links).
http::Reply rate_limited_reply(const domain::RateDecision& d);

void add_auth_routes(http::Router& router, const Config& config, Guard& guard, AuditLog& audit,
                     accounts::AccountService& accounts);

}  // namespace server::auth
