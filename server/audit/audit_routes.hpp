#pragma once
// GET /api/v1/audit and /api/v1/audit/export.csv: the audit log of the caller's subtree
// (users.manage), filtered by person, action and days; reading it is audited too.
#include "server/auth/audit_log.hpp"
#include "server/auth/guard.hpp"
#include "server/http/router.hpp"

namespace server::audit {

void add_audit_routes(http::Router& router, auth::Guard& guard, auth::AuditLog& log);

}  // namespace server::audit
