#include "server/identity/identity_routes.hpp"
#include "server/routes.hpp"

#include <algorithm>
#include <atomic>
#include <ctime>

#include "server/accounts/access_request_routes.hpp"
#include "server/accounts/admin_routes.hpp"
#include "server/accounts/institution_account_routes.hpp"
#include "server/accounts/my_sessions_routes.hpp"
#include "server/accounts/self_service_routes.hpp"
#include "server/audit/audit_routes.hpp"
#include "server/auth/auth_routes.hpp"
#include "server/desk/desk_routes.hpp"
#include "server/directory/institutions_handler.hpp"
#include "server/http/errors.hpp"
#include "server/kpi/kpi_routes.hpp"
#include "server/lec/lec_demo.hpp"
#include "server/lec/lec_file_routes.hpp"
#include "server/lec/lec_routes.hpp"
#include "server/notifications/notification_routes.hpp"
#include "server/notifications/notifier.hpp"
#include "server/otp/otp_service.hpp"
#include "server/registrations/registration_routes.hpp"
#include "server/sms/sms_routes.hpp"
#include "server/storage/data_health.hpp"

namespace server {

namespace {

// Every feature's audit hook: the event, from the request's client address.
auto audit_to(auth::AuditLog& log) {
  return [&log](const http::RequestContext& rq, std::optional<std::int64_t> actor, std::string action,
                std::string target, nlohmann::json detail, std::string org_code = {}) {
    log.record({actor, std::move(action), std::move(target), rq.client_address, std::move(detail), std::move(org_code)});
  };
}

// For the reads a screen repeats by polling: AuditLog::record_repeated_read.
auto repeated_reads_to(auth::AuditLog& log) {
  return [&log](const http::RequestContext& rq, std::optional<std::int64_t> actor, std::string action,
                std::string target, nlohmann::json detail, std::string org_code = {}) {
    log.record_repeated_read(
        {actor, std::move(action), std::move(target), rq.client_address, std::move(detail), std::move(org_code)},
        std::time(nullptr));
  };
}

// Local education data: callers from the Guard; SMS through the
// notifier, as KPI's.
std::shared_ptr<lec::LecServices> add_lec(http::Router& router, Services& s,
                                         std::shared_ptr<notifications::Notifier> notifier) {
  const Config& config = s.config;
  auto lec = std::make_shared<lec::LecServices>(
      s.db, s.guard.orgs(), auth::DerivedKeys(s.server_key, 5, "lec-hash", 6, "lec-seal"));
  lec->identify = [&guard = s.guard](const http::RequestContext& rq) { return guard.require_caller(rq); };
  lec->audit = audit_to(s.audit);
  lec->sms_holders = [notifier](const std::string& org, domain::Permission permission, const std::string& text) {
    return notifier->sms_holders(org, permission, text);
  };
  lec->sms_user = [notifier](std::int64_t user, const std::string& text) { notifier->sms_user(user, text); };
  lec->today = [] { return lec::today_in_thailand(); };
  if (config.mode == Mode::development) lec::seed_demo(lec->store, lec::today_in_thailand());
  lec::add_lec_routes(router, lec);
  lec::add_lec_file_routes(router, lec);  // import, exports, class list, rollover, spot checks
  return lec;
}

}  // namespace

void add_routes(http::Router& router, Services& s) {
  const Config& config = s.config;
  // A load balancer reads the status code: 503 while the data folder cannot take writes.
  router.add(http::Verb::get, "/api/v1/health", http::anyone(), [mode = std::string(to_string(config.mode)), dir = config.data_dir,
                                                  min_free = config.min_free_mb * 1024 * 1024](const http::RequestContext&) {
    const auto problems = storage::check_data_dir(dir, min_free);
    if (problems.empty())
      return http::json_reply(http::Status::ok, {{"status", "ok"}, {"version", version}, {"mode", mode}});
    nlohmann::json reasons = nlohmann::json::array();
    for (const auto& p : problems) reasons.push_back({{"code", p.code}, {"message_en", p.message_en}});
    return http::json_reply(http::Status::service_unavailable,
                            {{"status", "degraded"}, {"version", version}, {"mode", mode}, {"reasons", reasons}});
  });
  directory::add_directory_routes(router, s.storage.institutions());
  auth::add_auth_routes(router, config, s.guard, s.audit, s.accounts);
  accounts::add_admin_routes(router, config, s.guard, s.accounts);
  accounts::add_institution_account_routes(router, config, s.guard, s.accounts, s.server_key);
  audit::add_audit_routes(router, s.guard, s.audit);

  // SMS and OTP.
  struct Messaging {
    std::shared_ptr<storage::ConnectionPool> pool;
    std::unique_ptr<sms::SmsGateway> gateway;
    std::shared_ptr<otp::OtpService> otp;
  };
  auto messaging = std::make_shared<Messaging>();
  messaging->pool = s.db;
  messaging->gateway = sms::make_gateway(config, *messaging->pool);
  // Development mode lets tests move the OTP clock forward; production runs on the real one.
  auto clock_offset = std::make_shared<std::atomic<std::int64_t>>(0);
  messaging->otp = std::make_shared<otp::OtpService>(*messaging->pool, *messaging->gateway,
                                                     s.server_key, [clock_offset] { return otp::system_now() + clock_offset->load(); });
  if (config.mode == Mode::development) otp::add_dev_clock_route(router, clock_offset);
  // Notifications: written with each feature's change, SMS to the same people; the
  // notifier holds `messaging` (its gateway) alive.
  auto notifier = std::make_shared<notifications::Notifier>(
      messaging->pool, std::shared_ptr<sms::SmsGateway>(messaging, messaging->gateway.get()), s.guard.orgs());
  notifications::add_notification_routes(router, s.guard, messaging->pool);
  // The handlers hold `messaging` (and so the gateway the service refers to) alive.
  sms::add_sms_routes(router, config, messaging->pool);
  otp::add_otp_routes(router, std::shared_ptr<otp::OtpService>(messaging, messaging->otp.get()));
  // School website users: OTP-proven requests, SMS on decision. `messaging` lives in the
  // otp handlers for as long as the router.
  // Proofs of identity by OpenID providers (ThaID), for access requests, registrations and sign-in.
  auto identities = std::make_shared<identity::IdentityService>(config, s.server_key, *s.db);
  identity::add_identity_routes(router, config, s.audit, s.accounts, identities);
  accounts::add_access_request_routes(router, config, s.guard, s.accounts, *messaging->otp, *messaging->gateway,
                                      notifier, identities);
  accounts::add_self_service_routes(router, s.guard, s.accounts, *messaging->otp, *messaging->gateway);
  accounts::add_my_sessions_routes(router, s.guard, s.audit, s.accounts.db());

  auto registrations = std::make_shared<registrations::RegistrationService>(
      *messaging->pool, s.storage.institutions(), *messaging->otp, *messaging->gateway,
      s.server_key, config.data_dir, config.public_url);
  // Approval creates or re-enables the institution account (username = institution code),
  // allowed to report for and see its own institution, and returns its activation token.
  registrations->set_issue_activation([&accounts = s.accounts](const registrations::Registration& r,
                                                               std::optional<std::int64_t> actor) {
    auto token = accounts.issue_activation(
        {r.institution_code, r.institution_code, r.officer.title, r.officer.first_name, r.officer.last_name,
         r.officer.position, r.officer.phone, r.officer.email,
         {{domain::Permission::view, r.institution_code}, {domain::Permission::report_submit, r.institution_code}}},
        actor);
    // The officer may then sign in with ThaID: the account holds their national ID.
    identity::link_user_to_registration(*accounts.db().acquire(), r.institution_code, r.id);
    return token;
  });
  registrations->set_renew_activation(
      [&accounts = s.accounts](const registrations::Registration& r) -> std::variant<std::string, domain::FieldError> {
        using Outcome = accounts::AccountService::Renewal::Outcome;
        auto renewed = accounts.renew_activation(r.institution_code, std::nullopt);
        switch (renewed.outcome) {
          case Outcome::renewed: return renewed.token;
          case Outcome::link_still_valid: return domain::activation_link_valid_error(renewed.seconds_left);
          default: return domain::activation_already_done_error();  // activated (or the account is gone)
        }
      });
  registrations->set_notifier(notifier);
  registrations::RegistrationHooks hooks;
  hooks.reviewer = [&guard = s.guard](const http::RequestContext& rq) -> std::variant<registrations::Reviewer, http::Reply> {
    auto who = guard.require_user(rq);
    if (auto* reply = std::get_if<http::Reply>(&who)) return std::move(*reply);
    auto p = std::get<auth::Principal>(who);
    return registrations::Reviewer{p.user_id, [&guard, p](const std::string& institution_code) {
                                     return guard.allowed(p, domain::Permission::registrations_review, institution_code);
                                   }};
  };
  hooks.audit = audit_to(s.audit);
  hooks.identities = identities;
  struct Keep {  // the service refers to the messaging parts: keep them alive with it
    std::shared_ptr<Messaging> messaging;
    std::shared_ptr<registrations::RegistrationService> service;
  };
  auto kept = std::make_shared<Keep>(Keep{messaging, registrations});
  registrations::add_registration_routes(
      router, std::shared_ptr<registrations::RegistrationService>(kept, registrations.get()), std::move(hooks));
  // KPI reporting: callers come from the Guard.
  auto kpi = std::make_shared<kpi::KpiServices>(s.db);
  kpi->identify = [&guard = s.guard](const http::RequestContext& rq) { return guard.require_caller(rq); };
  kpi->orgs = [&guard = s.guard]() -> const domain::OrgTree& { return guard.orgs(); };
  kpi->files_dir = config.data_dir / "files";
  kpi->file_keys = std::make_shared<storage::FileKeys>(s.server_key);
  // SMS to the active users holding the permission on that organisation (reviewers of the
  // office for a new submission, the school for a review or a return).
  kpi->sms = [notifier](const std::string& org, domain::Permission permission, const std::string& text) {
    notifier->sms_holders(org, permission, text);
  };
  kpi->audit = audit_to(s.audit);
  kpi->audit_repeated = repeated_reads_to(s.audit);
  kpi::add_kpi_routes(router, kpi);
  auto lec = add_lec(router, s, notifier);
  // The signed-in user's desk: the work waiting for them, counted by each feature's store.
  desk::add_desk_routes(router, std::make_shared<desk::DeskSources>(desk::DeskSources{
                                    s.guard, std::shared_ptr<registrations::RegistrationService>(kept, registrations.get()),
                                    kpi, lec, *s.db, [] { return lec::today_in_thailand(); }}));

  router.set_fallback([&site = s.site](const http::RequestContext& rq) { return site.serve(rq); });
  router.set_gate([&guard = s.guard](const http::RequestContext& rq, const http::Access& access) {
    return guard.gate(rq, access);
  });
  // The authorisation matrix test reads every route's rule from here.
  if (config.mode == Mode::development)
    router.add(http::Verb::get, "/api/v1/dev/routes", http::anyone(),
               [&router](const http::RequestContext&) { return http::json_reply(http::Status::ok, router.describe()); });
}

}  // namespace server
