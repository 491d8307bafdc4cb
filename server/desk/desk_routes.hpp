#pragma once
// GET /api/v1/me/desk: the signed-in user's work (shared/desk/desk.hpp), each kind counted
// by the store of the feature that owns it, within the user's subtree.
#include <functional>
#include <memory>

#include "server/auth/guard.hpp"
#include "server/http/router.hpp"
#include "server/kpi/kpi_routes.hpp"
#include "server/lec/lec_routes.hpp"
#include "server/registrations/registration_service.hpp"
#include "server/storage/connection_pool.hpp"
#include "shared/calendar/buddhist_date.hpp"

namespace server::desk {

struct DeskSources {
  auth::Guard& guard;
  std::shared_ptr<registrations::RegistrationService> registrations;
  std::shared_ptr<kpi::KpiServices> kpi;
  std::shared_ptr<lec::LecServices> lec;
  storage::ConnectionPool& accounts;  // access requests
  std::function<domain::Date()> today;  // in Thailand
};

void add_desk_routes(http::Router& router, std::shared_ptr<DeskSources> sources);

}  // namespace server::desk
