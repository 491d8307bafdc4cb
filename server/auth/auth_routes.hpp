#pragma once
// POST /api/v1/auth/login, /auth/logout, /auth/activate; GET /api/v1/me;
// GET /api/v1/dev/accounts (development mode only).
#include "server/accounts/account_service.hpp"
#include "server/auth/audit_log.hpp"
#include "server/auth/guard.hpp"
#include "server/config.hpp"
#include "server/http/router.hpp"

namespace server::auth {

void add_auth_routes(http::Router& router, const Config& config, Guard& guard, AuditLog& audit,
                     accounts::AccountService& accounts);

}  // namespace server::auth
