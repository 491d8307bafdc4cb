#pragma once
// School account registrations (product.md section 1, api.md): create with a verified OTP,
// supersede earlier open ones of the institution (told by SMS), resume with a fresh OTP,
// the appointment letter, the signed upload, and the reviewers' decision.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "server/notifications/notifier.hpp"
#include "server/otp/otp_service.hpp"
#include "server/registrations/letter_files.hpp"
#include "server/registrations/registration_store.hpp"
#include "server/sms/sms_gateway.hpp"
#include "server/storage/connection_pool.hpp"
#include "server/storage/file_seal.hpp"
#include "server/storage/storage.hpp"
#include "shared/registration/open_registration.hpp"
#include "shared/registration/registration_form.hpp"
#include "shared/registration/registration_state.hpp"

namespace server::registrations {

using http::Outcome;
using http::Refusal;

// Wire form; national ID masked only.
nlohmann::json to_json(const Registration& r);

struct Created {
  Registration registration;
  std::string token;  // the registrant's bearer token, shown once
  std::vector<Registration> superseded;
};

// Creates or re-enables the institution account and returns its activation token (the
// accounts feature's AccountService::issue_activation); nullopt = accounts not wired.
using IssueActivation = std::function<std::string(const Registration&, std::optional<std::int64_t> actor)>;
// A new activation token for an approved registration's account, or why not.
using RenewActivation = std::function<std::variant<std::string, domain::FieldError>(const Registration&)>;

class RegistrationService {
 public:
  RegistrationService(storage::ConnectionPool& pool, storage::InstitutionStore& institutions, otp::OtpService& otp,
                      sms::SmsGateway& sms, const otp::SecretKey& secret, std::filesystem::path data_dir,
                      std::string public_url);

  void set_issue_activation(IssueActivation issue) { issue_activation_ = std::move(issue); }
  void set_renew_activation(RenewActivation renew) { renew_activation_ = std::move(renew); }
  // Tells the reviewers when a signed letter arrives; unset: nobody is told.
  void set_notifier(std::shared_ptr<notifications::Notifier> n) { notifier_ = std::move(n); }

  // Supersedes the institution's open registrations, unless !supersede_open: then, if there
  // are any, 409 registration_open and nothing changes (the OTP token stays usable).
  Outcome<Created> create(const domain::RegistrationForm& form, std::string_view otp_token,
                          bool supersede_open = true);
  // What proves the registrant, run inside the write transaction (a refusal rolls it back):
  // the OTP above, or an identity provider's proof (server/identity), nullopt when it holds.
  // It is given the officer's checked phone.
  using Proof = std::function<std::optional<domain::FieldError>(storage::Database&, const std::string& phone)>;
  Outcome<Created> create(const domain::RegistrationForm& form, const Proof& proof, bool supersede_open);
  // What a new registrant is shown before replacing one (no personal data but a phone hint).
  std::vector<domain::OpenRegistration> open_registrations(std::string_view institution_code);
  // A new bearer token for the institution's latest registration (any state but superseded)
  // whose phone the otp_token proves: to continue it, or to see where it stands.
  Outcome<Created> resume(std::string_view institution_code, std::string_view otp_token);

  // Sends a new activation link to the registrant's phone (the approved account has no
  // password yet and its last link lapsed); the phone's hint.
  Outcome<std::string> renew_activation(std::int64_t id);

  std::optional<Registration> find(std::int64_t id);
  bool token_matches(std::int64_t id, std::string_view token);

  std::string letter_pdf(const Registration& r);
  Outcome<Registration> upload_letter(std::int64_t id, std::string_view username, std::string_view national_id,
                                      std::string_view file_bytes, std::string_view filename = {});
  // The signed letter's plain bytes; throws (logged, 500) when its stored copy is missing
  // or damaged, rather than serving it.
  std::string read_letter(const Registration& r) const;

  std::vector<Registration> queue(const QueueFilter& filter);
  Outcome<Registration> approve(std::int64_t id, std::optional<std::int64_t> actor);
  Outcome<Registration> reject(std::int64_t id, std::string_view reason, std::optional<std::int64_t> actor);

 private:
  Outcome<Registration> decide(std::int64_t id, domain::RegistrationEvent event, std::string_view reason,
                               std::optional<std::int64_t> actor);
  void notify(const std::string& phone, const std::string& text);

  storage::ConnectionPool& pool_;
  storage::InstitutionStore& institutions_;
  otp::OtpService& otp_;
  sms::SmsGateway& sms_;
  auth::DerivedKeys keys_;
  storage::FileKeys file_keys_;
  std::filesystem::path data_dir_;
  std::string public_url_;
  IssueActivation issue_activation_;
  RenewActivation renew_activation_;
  std::shared_ptr<notifications::Notifier> notifier_;
};

}  // namespace server::registrations
