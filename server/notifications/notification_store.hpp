#pragma once
// In-client notifications (table kpi_notifications, migration 400): each is addressed to the
// holders of a permission on one organisation and written inside the caller's transaction,
// with the change it reports. KPI reports, local education data, registrations and access
// requests all write here; GET /api/v1/notifications reads here.
#include <cstdint>
#include <string>
#include <vector>

#include "server/storage/database.hpp"
#include "shared/accounts/permission.hpp"

namespace server::notifications {

struct Notice {
  std::string org_code;
  domain::Permission permission;
  std::string kind, text_th, text_en, link;
};

struct Notification {
  std::int64_t id;
  std::string org_code, permission, kind, text_th, text_en, link, created_at;
};

void add(storage::Database& db, const Notice& notice);

// The newest `limit` addressed to any of `org_codes` (exactly those nodes), newest first.
std::vector<Notification> list(storage::Database& db, const std::vector<std::string>& org_codes, int limit);

// Phones of the active users holding `permission` on `org_code` itself.
std::vector<std::string> holder_phones(storage::Database& db, const std::string& org_code,
                                       domain::Permission permission);
// The phone of an active user ("" when none).
std::string user_phone(storage::Database& db, std::int64_t user_id);
// Those of `org_codes` where an active user holds `permission`, in the given order.
std::vector<std::string> orgs_with_holders(storage::Database& db, const std::vector<std::string>& org_codes,
                                           domain::Permission permission);

}  // namespace server::notifications
