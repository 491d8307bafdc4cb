#pragma once
// /api/v1/admin/users…: users.manage within the admin's own subtree only. A user outside
// it does not exist for that admin (404). Every call is audited.
#include "server/accounts/account_service.hpp"
#include "server/auth/guard.hpp"
#include "server/config.hpp"
#include "server/http/router.hpp"

namespace server::accounts {

inline constexpr std::int64_t sign_in_qr_lifetime = 72 * 60 * 60;

void add_admin_routes(http::Router& router, const Config& config, auth::Guard& guard, AccountService& accounts);

}  // namespace server::accounts
