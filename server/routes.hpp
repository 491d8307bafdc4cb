#pragma once
// Every endpoint of the server, in one place: the map from api.md to handlers.
#include "server/config.hpp"
#include "server/http/router.hpp"
#include "server/http/static_site.hpp"
#include "server/storage/storage.hpp"

namespace server {

constexpr const char* version = SERVER_VERSION;

void add_routes(http::Router& router, const Config& config, storage::Storage& storage, const http::StaticSite& site);

}  // namespace server
