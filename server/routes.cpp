#include "server/routes.hpp"

#include "server/directory/institutions_handler.hpp"
#include "server/http/errors.hpp"
#include "server/kpi/kpi_routes.hpp"
#include "server/otp/otp_service.hpp"
#include "server/sms/sms_routes.hpp"

namespace server {

void add_routes(http::Router& router, const Config& config,
                storage::Storage& storage, const http::StaticSite& site) {
  router.add(http::Verb::get, "/api/v1/health", [mode = std::string(to_string(config.mode))](const http::RequestContext&) {
    return http::json_reply(http::Status::ok, {{"status", "ok"}, {"version", version}, {"mode", mode}});
  });
  directory::add_directory_routes(router, storage.institutions());

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

  // KPI reporting. Until the accounts Guard is wired, every signed-in call answers 401 and
  // only the public statistics are served.
  auto kpi = std::make_shared<kpi::KpiServices>(std::make_shared<storage::ConnectionPool>(config.database_file()));
  kpi->identify = [](const http::RequestContext&) -> std::variant<kpi::Caller, http::Reply> {
    return http::error_reply(http::Status::unauthorized,
                             {"not_signed_in", "", "กรุณาเข้าสู่ระบบ", "Please sign in"});
  };
  kpi->orgs = []() -> const domain::OrgTree& {
    static const domain::OrgTree none;
    return none;
  };
  kpi->files_dir = config.data_dir / "files";
  kpi::add_kpi_routes(router, kpi);

  router.set_fallback([&site](const http::RequestContext& rq) { return site.serve(rq); });
}

}  // namespace server
