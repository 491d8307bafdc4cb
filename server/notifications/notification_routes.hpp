#pragma once
// GET /api/v1/notifications: the newest 50 addressed to the caller (docs/api.md).
#include <memory>

#include "server/auth/guard.hpp"
#include "server/http/router.hpp"
#include "server/storage/connection_pool.hpp"

namespace server::notifications {

void add_notification_routes(http::Router& router, auth::Guard& guard, std::shared_ptr<storage::ConnectionPool> pool);

}  // namespace server::notifications
