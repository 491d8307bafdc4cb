#pragma once
// /api/v1/admin/institution-accounts…: the accounts of every institution under an LGO, a
// province or an area office in one action (users.manage on that office), and the sheet of
// their one-time sign-in QR codes to print. The sheet holds live sign-in links, so it is
// kept in memory only, for its maker, for an hour (never written to disk).
#include "server/accounts/account_service.hpp"
#include "server/auth/crypto.hpp"
#include "server/auth/guard.hpp"
#include "server/config.hpp"
#include "server/http/router.hpp"

namespace server::accounts {

inline constexpr std::int64_t sign_in_sheet_lifetime = 60 * 60;

// `server_key` seals the sheets at rest (their QR codes sign in).
void add_institution_account_routes(http::Router& router, const Config& config, auth::Guard& guard,
                                    AccountService& accounts, const auth::SecretKey& server_key);

}  // namespace server::accounts
