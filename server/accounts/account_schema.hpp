#pragma once
// The accounts and sign-in tables (migrations 100-199, listed in storage/sqlite_migrations.cpp).
#include <string_view>

namespace server::accounts::schema {

extern const std::string_view organisations;    // 100
extern const std::string_view users_and_grants; // 101
extern const std::string_view sign_in;          // 102: sessions, failures, one-time tokens
extern const std::string_view audit_log;        // 103
extern const std::string_view audit_log_org;    // 110
extern const std::string_view access_requests;  // 104: school website users (EMIS rule)
extern const std::string_view sessions_device;
extern const std::string_view access_request_rights;
extern const std::string_view account_holders;  // 120: a session's public id and User-Agent

}  // namespace server::accounts::schema
