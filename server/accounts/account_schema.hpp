#pragma once
// The accounts and sign-in tables (migrations 100-199, listed in storage/migrations.cpp).
#include <string_view>

namespace server::accounts::schema {

extern const std::string_view organisations;    // 100
extern const std::string_view users_and_grants; // 101
extern const std::string_view sign_in;          // 102: sessions, failures, one-time tokens
extern const std::string_view audit_log;        // 103
extern const std::string_view audit_log_org;    // 110
extern const std::string_view access_requests;  // 104: school website users (EMIS rule)
extern const std::string_view sessions_device;        // 120: a session's public id and User-Agent
extern const std::string_view access_request_rights;  // 121
extern const std::string_view account_holders;        // 122
extern const std::string_view server_key_check;       // 123: which key the database is sealed with
extern const std::string_view sign_in_sheets;         // 124: QR sheets of new institution accounts
extern const std::string_view identity_proofs;        // 125: OpenID Connect flows and proofs
extern const std::string_view identity_columns;       // 126: the proven national ID on requests and users
extern const std::string_view auth_revision;          // 127: moved by every session, user and grant change

}  // namespace server::accounts::schema
