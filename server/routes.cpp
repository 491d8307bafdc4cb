#include "server/routes.hpp"

#include <cstdlib>

#include "server/directory/institutions_handler.hpp"
#include "server/http/errors.hpp"
#include "server/otp/otp_service.hpp"
#include "server/registrations/registration_routes.hpp"
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
  // Development mode lets tests move the OTP clock forward; production runs on the real one.
  auto clock_offset = std::make_shared<std::atomic<std::int64_t>>(0);
  messaging->otp = std::make_shared<otp::OtpService>(*messaging->pool, *messaging->gateway,
                                                     otp::load_or_create_secret(config.data_dir / "server.key"),
                                                     [clock_offset] { return otp::system_now() + clock_offset->load(); });
  if (config.mode == Mode::development) otp::add_dev_clock_route(router, clock_offset);
  // The handlers hold `messaging` (and so the gateway the service refers to) alive.
  sms::add_sms_routes(router, config, messaging->pool);
  otp::add_otp_routes(router, std::shared_ptr<otp::OtpService>(messaging, messaging->otp.get()));

  const char* public_url = std::getenv("PUBLIC_URL");
  auto registrations = std::make_shared<registrations::RegistrationService>(
      *messaging->pool, storage.institutions(), *messaging->otp, *messaging->gateway,
      otp::load_or_create_secret(config.data_dir / "server.key"), config.data_dir,
      public_url && *public_url ? public_url : "http://localhost:" + std::to_string(config.port));
  struct Keep {  // the service refers to the messaging parts: keep them alive with it
    std::shared_ptr<Messaging> messaging;
    std::shared_ptr<registrations::RegistrationService> service;
  };
  auto kept = std::make_shared<Keep>(Keep{messaging, registrations});
  registrations::add_registration_routes(router, std::shared_ptr<registrations::RegistrationService>(kept, registrations.get()), {});

  router.set_fallback([&site](const http::RequestContext& rq) { return site.serve(rq); });
}

}  // namespace server
