#pragma once
// api.md "Identity providers": GET /api/v1/auth/providers, /auth/oidc/{p}/start,
// /auth/oidc/{p}/callback and /auth/identity/{identity_token}.
#include <memory>

#include "server/accounts/account_service.hpp"
#include "server/auth/audit_log.hpp"
#include "server/config.hpp"
#include "server/http/router.hpp"
#include "server/identity/identity_service.hpp"

namespace server::identity {

void add_identity_routes(http::Router& router, const Config& config, auth::AuditLog& audit,
                         accounts::AccountService& accounts, std::shared_ptr<IdentityService> identities);

}  // namespace server::identity
