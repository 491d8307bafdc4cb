#pragma once
// Every endpoint of the server, in one place: the map from api.md to handlers.
#include "server/accounts/account_service.hpp"
#include "server/auth/audit_log.hpp"
#include "server/auth/crypto.hpp"
#include "server/auth/guard.hpp"
#include "server/config.hpp"
#include "server/http/router.hpp"
#include "server/http/static_site.hpp"
#include "server/storage/connection_pool.hpp"
#include "server/storage/storage.hpp"

namespace server {

constexpr const char* version = SERVER_VERSION;

// What the handlers share; built once in main.cpp and alive while the server runs.
// Each feature adds the members its routes need.
struct Services {
  const Config& config;
  storage::Storage& storage;
  // One pool of connections to the database for every feature (each call leases its own).
  std::shared_ptr<storage::ConnectionPool> db;
  const http::StaticSite& site;
  auth::Guard& guard;
  auth::AuditLog& audit;
  accounts::AccountService& accounts;
  const auth::SecretKey& server_key;  // read once at start (main.cpp check_server_key)
};

void add_routes(http::Router& router, Services& services);

}  // namespace server
