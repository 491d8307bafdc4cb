#include "server/routes.hpp"

#include "server/accounts/admin_routes.hpp"
#include "server/accounts/self_service_routes.hpp"
#include "server/auth/auth_routes.hpp"
#include "server/directory/institutions_handler.hpp"
#include "server/http/errors.hpp"
#include "server/kpi/kpi_routes.hpp"
#include "server/otp/otp_service.hpp"
#include "server/sms/sms_routes.hpp"

namespace server {

void add_routes(http::Router& router, Services& s) {
  const Config& config = s.config;
  router.add(http::Verb::get, "/api/v1/health", [mode = std::string(to_string(config.mode))](const http::RequestContext&) {
    return http::json_reply(http::Status::ok, {{"status", "ok"}, {"version", version}, {"mode", mode}});
  });
  directory::add_directory_routes(router, s.storage.institutions());
  auth::add_auth_routes(router, config, s.guard, s.audit, s.accounts);
  accounts::add_self_service_routes(router, s.guard, s.accounts);
  accounts::add_admin_routes(router, config, s.guard, s.accounts);

  // SMS and OTP, on their own connections to the same database (migrated by `storage`).
  struct Messaging {
    std::shared_ptr<storage::ConnectionPool> pool;
    std::unique_ptr<sms::SmsGateway> gateway;
    std::shared_ptr<otp::OtpService> otp;
  };
  auto messaging = std::make_shared<Messaging>();
  messaging->pool = std::make_shared<storage::ConnectionPool>(config.database_file());
  messaging->gateway = sms::make_gateway(config, *messaging->pool);
  messaging->otp = std::make_shared<otp::OtpService>(*messaging->pool, *messaging->gateway,
                                                     otp::load_or_create_secret(config.data_dir / "server.key"));
  // The handlers hold `messaging` (and so the gateway the service refers to) alive.
  sms::add_sms_routes(router, config, messaging->pool);
  otp::add_otp_routes(router, std::shared_ptr<otp::OtpService>(messaging, messaging->otp.get()));

  // KPI reporting: its own connections to the same database; callers come from the Guard.
  auto kpi = std::make_shared<kpi::KpiServices>(std::make_shared<storage::ConnectionPool>(config.database_file()));
  kpi->identify = [&guard = s.guard](const http::RequestContext& rq) -> std::variant<kpi::Caller, http::Reply> {
    auto who = guard.require_user(rq);
    if (auto* reply = std::get_if<http::Reply>(&who)) return std::move(*reply);
    const auto& p = std::get<auth::Principal>(who);
    return kpi::Caller{p.user_id, p.display_name.empty() ? p.username : p.display_name, p.org_code, p.grants};
  };
  kpi->orgs = [&guard = s.guard]() -> const domain::OrgTree& { return guard.orgs(); };
  kpi->files_dir = config.data_dir / "files";
  kpi::add_kpi_routes(router, kpi);

  router.set_fallback([&site = s.site](const http::RequestContext& rq) { return site.serve(rq); });
}

}  // namespace server
