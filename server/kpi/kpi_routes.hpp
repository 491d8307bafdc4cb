#pragma once
// The KPI endpoints of docs/api.md: definitions, reporting units, reports and their
// lifecycle, evidence files, the live summary, exports, public statistics (notifications: server/notifications).
#include <filesystem>
#include <functional>
#include <limits>
#include <map>
#include <mutex>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "server/http/api_replies.hpp"
#include "server/http/router.hpp"
#include "server/kpi/kpi_store.hpp"
#include "server/storage/file_seal.hpp"
#include "server/storage/kept_at.hpp"
#include "shared/accounts/organisation.hpp"
#include "shared/accounts/permission.hpp"

namespace server::kpi {

using auth::Caller;

struct KpiServices {
  explicit KpiServices(std::shared_ptr<storage::ConnectionPool> db) : pool(std::move(db)), store(*pool) {}
  std::shared_ptr<storage::ConnectionPool> pool;
  KpiStore store;
  // The signed-in caller, or the reply to give (401, 403 csrf ...): Guard::require_user.
  std::function<std::variant<Caller, http::Reply>(const http::RequestContext&)> identify;
  // The organisation tree (Guard::orgs()).
  std::function<const domain::OrgTree&()> orgs;
  std::filesystem::path files_dir;  // evidence, one sealed file per content: files/<keyed hash>
  std::shared_ptr<const storage::FileKeys> file_keys;
  // Optional: an SMS to the holders of `permission` on `org_code` (the registration
  // helper's SmsGateway); empty = in-client notifications only.
  std::function<void(const std::string& org_code, domain::Permission permission, const std::string& text)> sms;
  // auth::AuditLog::record for reads of reports, summaries, exports and files: who, what,
  // whose (org_code), from where. Detail holds ids and counts only.
  std::function<void(const http::RequestContext&, std::int64_t actor, std::string action, std::string target,
                     nlohmann::json detail, std::string org_code)>
      audit;
  // The same for a read that a screen repeats by polling (the summary), counted rather than
  // written each time (AuditLog::record_repeated_read); empty = `audit`.
  std::function<void(const http::RequestContext&, std::int64_t actor, std::string action, std::string target,
                     nlohmann::json detail, std::string org_code)>
      audit_repeated;

  // The full summary of a KPI as last served, ready to send, by KPI id at the store revision
  // it was built at, with the KPI as it was then (any write to a KPI moves the revision too).
  // One per KPI: no bound needed.
  struct CachedSummary {
    StoredKpi kpi;
    std::shared_ptr<const http::ReadyJson> reply;
  };
  storage::KeptAt<std::int64_t, CachedSummary> summaries{std::numeric_limits<std::size_t>::max()};
};

void add_kpi_routes(http::Router& router, std::shared_ptr<KpiServices> services);
// Evidence and document files (kpi_file_routes.cpp): upload, download, attach to a KPI.
void add_kpi_file_routes(http::Router& router, const std::shared_ptr<KpiServices>& services);

}  // namespace server::kpi
