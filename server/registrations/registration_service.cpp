#include "server/registrations/registration_service.hpp"

#include <sodium.h>

#include <ctime>
#include <stdexcept>

#include "server/registrations/letter_pdf.hpp"
#include "server/storage/content_store.hpp"
#include "shared/registration/appointment_letter.hpp"
#include "shared/registration/registration_sms.hpp"
#include "shared/registration/signed_letter.hpp"

namespace server::registrations {

namespace {

// "REG-" + 8 letters without I and O: short enough to read out on the phone.
std::string new_reference() {
  static constexpr std::string_view alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::string ref = "REG-";
  for (int i = 0; i < 8; ++i) ref += alphabet[randombytes_uniform(alphabet.size())];
  return ref;
}

Refusal not_found() {
  return {404, {"registration_not_found", "", "ไม่พบการลงทะเบียนนี้", "This registration does not exist"}};
}

domain::Date today() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

}  // namespace

nlohmann::json to_json(const Registration& r) {
  nlohmann::json j = {{"registration_id", r.id},
                      {"reference", r.reference},
                      {"status", domain::to_string(r.status)},
                      {"status_th", domain::status_name_th(r.status)},
                      {"affiliation", r.affiliation},
                      {"institution_code", r.institution_code},
                      {"institution_name", r.institution_name},
                      {"province", r.province},
                      {"district", r.district},
                      {"username", r.institution_code},
                      {"officer",
                       {{"title", r.officer.title},
                        {"first_name", r.officer.first_name},
                        {"last_name", r.officer.last_name},
                        {"position", r.officer.position},
                        {"phone", r.officer.phone},
                        {"email", r.officer.email},
                        {"national_id", r.national_id_masked}}},
                      {"legacy", {{"tsl_username", r.tsl_username}, {"kiddiary_username", r.kiddiary_username}}},
                      {"created_at", r.created_at},
                      {"updated_at", r.updated_at}};
  if (!r.reason.empty()) j["reason"] = r.reason;
  if (r.superseded_by) j["superseded_by"] = *r.superseded_by;
  if (!r.letter_file.empty()) j["letter"] = {{"type", r.letter_type}, {"bytes", r.letter_bytes}};
  return j;
}

RegistrationService::RegistrationService(storage::ConnectionPool& pool, storage::InstitutionStore& institutions,
                                         otp::OtpService& otp, sms::SmsGateway& sms, const otp::SecretKey& secret,
                                         std::filesystem::path data_dir, std::string public_url)
    : pool_(pool), institutions_(institutions), otp_(otp), sms_(sms), keys_(secret, 3, "reg-hash", 4, "reg-seal"),
      file_keys_(secret),
      data_dir_(std::move(data_dir)),
      public_url_(std::move(public_url)) {}

void RegistrationService::notify(const std::string& phone, const std::string& text) {
  // A lost notice must be visible: the caller's log gets the reason.
  auto sent = sms_.send({phone, text});
  if (!sent) throw std::runtime_error("SMS to the registrant failed: " + sent.detail);
}

Outcome<Created> RegistrationService::create(const domain::RegistrationForm& form, std::string_view otp_token,
                                             bool supersede_open) {
  const std::string token(otp_token);
  return create(form, [this, token](storage::Database& db, const std::string& phone) -> std::optional<domain::FieldError> {
    auto proved = otp_.redeem(db, token, domain::OtpPurpose::registration, phone);
    if (!proved) return proved.error();
    return std::nullopt;
  }, supersede_open);
}

Outcome<Created> RegistrationService::create(const domain::RegistrationForm& form, const Proof& proof,
                                             bool supersede_open) {
  auto checked = domain::check_registration(form);
  if (!checked) return Refusal{400, checked.error()};
  const auto& reg = checked.value();
  auto found = institutions_.search({.code = reg.institution_code, .limit = 1});
  if (auto problem = domain::institution_problem(reg.affiliation, reg.institution_code,
                                                 found.empty() ? nullptr : &found.front()))
    return Refusal{problem->code == "institution_not_found" ? 404u : 400u, *problem};
  const auto& inst = found.front();

  const std::string& id = reg.national_id.digits();

  Created created;
  created.token = auth::random_token(32);
  {
    auto db = pool_.acquire();
    // One transaction: redeem the OTP, supersede the open ones, insert. Two registrations
    // racing for one institution are serialised here; the later supersedes the earlier.
    storage::Transaction tx(*db);
    created.superseded = store::load_open(*db, reg.institution_code);
    // Checked before the OTP is redeemed, so the refused registrant can still confirm with it.
    if (!supersede_open && !created.superseded.empty()) return Refusal{409, domain::registration_open_error()};
    if (auto refused = proof(*db, reg.officer.phone)) return Refusal{400, *refused};
    for (auto& old : created.superseded) {
      old.status = domain::next_status(old.status, domain::RegistrationEvent::superseded).value();
      store::supersede(*db, old.id);
    }
    NewRegistration n;
    n.shown.reference = new_reference();
    n.shown.affiliation = reg.affiliation;
    n.shown.institution_code = reg.institution_code;
    n.shown.institution_name = inst.name_th;
    n.shown.province = inst.province;
    n.shown.district = inst.district;
    n.shown.parent_code = inst.parent_code;
    n.shown.officer = reg.officer;
    n.shown.national_id_masked = reg.national_id.masked();
    n.shown.tsl_username = reg.tsl_username;
    n.shown.kiddiary_username = reg.kiddiary_username;
    n.token_hash = keys_.keyed_hash("token", created.token);
    n.national_id_sealed = keys_.seal(id);
    n.national_id_hash = keys_.keyed_hash("national_id", id);
    const std::int64_t new_id = store::insert(*db, n);
    for (auto& old : created.superseded) {
      old.superseded_by = new_id;
      store::set_superseded_by(*db, old.id, new_id);
    }
    created.registration = *store::load(*db, new_id);
    tx.commit();
  }
  for (const auto& old : created.superseded)
    sms_.send({old.officer.phone, domain::sms_superseded(old.reference, old.institution_name)});
  return created;
}

Outcome<Created> RegistrationService::resume(std::string_view institution_code, std::string_view otp_token) {
  auto db = pool_.acquire();
  storage::Transaction tx(*db);
  auto found = store::latest(*db, institution_code);
  if (!found) return Refusal{404, domain::registration_not_found_error()};
  Registration r = std::move(*found);
  if (!domain::can_look_up(r.status)) return Refusal{404, domain::registration_not_found_error()};
  auto phone = otp_.redeem(*db, otp_token, domain::OtpPurpose::registration, r.officer.phone);
  if (!phone) return Refusal{400, phone.error()};
  Created c;
  c.token = auth::random_token(32);
  store::set_token_hash(*db, r.id, keys_.keyed_hash("token", c.token));
  tx.commit();
  c.registration = std::move(r);
  return c;
}

Outcome<std::string> RegistrationService::renew_activation(std::int64_t id) {
  auto r = find(id);
  if (!r) return not_found();
  if (r->status != domain::RegistrationStatus::approved || !renew_activation_)
    return Refusal{409, {"registration_state", "", "การลงทะเบียนนี้ยังไม่ได้รับอนุมัติ จึงยังไม่มีลิงก์ตั้งรหัสผ่าน",
                         "This registration is not approved, so it has no activation link"}};
  auto renewed = renew_activation_(*r);
  if (auto* no = std::get_if<domain::FieldError>(&renewed)) return Refusal{409, std::move(*no)};
  auto sent = sms_.send({r->officer.phone, domain::sms_approved(r->institution_code,
                                                                public_url_ + "/#/activate/" + std::get<std::string>(renewed))});
  if (!sent) throw std::runtime_error("a new activation link was made but its SMS failed: " + sent.detail);
  return domain::phone_hint(r->officer.phone);
}

std::vector<domain::OpenRegistration> RegistrationService::open_registrations(std::string_view institution_code) {
  auto db = pool_.acquire();
  std::vector<domain::OpenRegistration> out;
  for (const auto& r : store::load_open(*db, institution_code))
    out.push_back({r.status, r.created_at, domain::phone_hint(r.officer.phone)});
  return out;
}

std::optional<Registration> RegistrationService::find(std::int64_t id) {
  auto db = pool_.acquire();
  return store::load(*db, id);
}

bool RegistrationService::token_matches(std::int64_t id, std::string_view token) {
  if (token.size() != 64) return false;
  auto db = pool_.acquire();
  const auto stored = store::token_hash(*db, id);
  if (!stored) return false;
  const std::string given = keys_.keyed_hash("token", token);
  return stored->size() == given.size() && sodium_memcmp(stored->data(), given.data(), given.size()) == 0;
}

std::string RegistrationService::letter_pdf(const Registration& r) {
  domain::LetterFacts f{r.reference,        r.affiliation,       r.institution_code,  r.institution_name,
                        r.province,         r.district,          r.officer.title,     r.officer.first_name,
                        r.officer.last_name, r.officer.position, r.national_id_masked, today()};
  return render_letter_pdf(domain::appointment_letter(f), r.reference);
}

Outcome<Registration> RegistrationService::upload_letter(std::int64_t id, std::string_view username,
                                                         std::string_view national_id, std::string_view file_bytes,
                                                         std::string_view filename) {
  auto current = find(id);
  if (!current) return not_found();
  auto state = domain::next_status(current->status, domain::RegistrationEvent::letter_uploaded);
  if (!state) return Refusal{409, state.error()};
  auto identity = domain::check_upload_identity(username, national_id, current->institution_code);
  if (!identity) return Refusal{400, identity.error()};
  {
    auto db = pool_.acquire();
    const std::string stored = store::national_id_hash(*db, id).value_or(""), given = keys_.keyed_hash("national_id", identity.value().digits());
    if (sodium_memcmp(stored.data(), given.data(), std::min(stored.size(), given.size())) != 0 ||
        stored.size() != given.size())
      return Refusal{400, domain::national_id_mismatch()};
  }
  auto clean = clean_letter(file_bytes, filename);
  if (!clean) return Refusal{domain::letter_file_status(clean.error()), clean.error()};
  const auto stored = store_by_hash(data_dir_, file_keys_, clean.value());

  Registration updated;
  notifications::Outgoing told;
  {
    auto db = pool_.acquire();
    storage::Transaction tx(*db);
    // Checked again inside the write: a decision or a newer registration may have come first.
    auto now = store::load(*db, id);
    auto next = domain::next_status(now->status, domain::RegistrationEvent::letter_uploaded);
    if (!next) return Refusal{409, next.error()};
    store::set_letter(*db, id, stored.name, std::string(domain::media_type(clean.value().kind)),
                      static_cast<std::int64_t>(clean.value().bytes.size()));
    updated = *store::load(*db, id);
    // The reviewers who see it in their queue hear of it with the change.
    if (notifier_)
      told = notifier_->record(*db, {updated.institution_code, domain::Permission::registrations_review,
                                     domain::letter_uploaded_kind,
                                     domain::letter_uploaded_notice(updated.institution_name, updated.institution_code),
                                     domain::letter_uploaded_link(updated.id)});
    tx.commit();
  }
  sms_.send({updated.officer.phone, domain::sms_letter_received(updated.reference, updated.institution_name)});
  if (notifier_) notifier_->send(told);
  return updated;
}

std::string RegistrationService::read_letter(const Registration& r) const {
  const auto path = data_dir_ / r.letter_file;
  auto bytes = storage::read_by_content(path, file_keys_);
  if (!bytes) throw std::runtime_error("stored letter " + path.string() + " is missing; restore it from a backup");
  return std::move(*bytes);
}

std::vector<Registration> RegistrationService::queue(const QueueFilter& f) {
  auto db = pool_.acquire();
  return store::queue(*db, f);
}

Outcome<Registration> RegistrationService::approve(std::int64_t id, std::optional<std::int64_t> actor) {
  return decide(id, domain::RegistrationEvent::approved, "", actor);
}

Outcome<Registration> RegistrationService::reject(std::int64_t id, std::string_view reason,
                                                  std::optional<std::int64_t> actor) {
  return decide(id, domain::RegistrationEvent::rejected, reason, actor);
}

Outcome<Registration> RegistrationService::decide(std::int64_t id, domain::RegistrationEvent event,
                                                  std::string_view reason, std::optional<std::int64_t> actor) {
  const bool approving = event == domain::RegistrationEvent::approved;
  if (approving && !issue_activation_)
    return Refusal{503, {"accounts_unavailable", "", "ยังสร้างบัญชีผู้ใช้ไม่ได้ในขณะนี้", "Accounts cannot be created right now"}};
  Registration r;
  domain::RegistrationStatus before;
  {
    auto db = pool_.acquire();
    storage::Transaction tx(*db);
    auto current = store::load(*db, id);
    if (!current) return not_found();
    before = current->status;
    auto next = domain::next_status(current->status, event);
    if (!next) return Refusal{409, next.error()};
    store::set_decision(*db, id, next.value(), reason, actor.value_or(0));
    r = *store::load(*db, id);
    tx.commit();
  }
  std::string text;
  if (approving) {
    std::string token;
    try {
      token = issue_activation_(r, actor);
    } catch (...) {
      // No account, no approval: back to the queue, and the reviewer sees the error.
      auto db = pool_.acquire();
      store::undo_decision(*db, id, before);
      throw;
    }
    text = domain::sms_approved(r.institution_code, public_url_ + "/#/activate/" + token);
  } else {
    text = domain::sms_rejected(r.reference, reason);
  }
  auto sent = sms_.send({r.officer.phone, text});
  if (!sent) throw std::runtime_error("the decision was saved but its SMS failed: " + sent.detail);
  return r;
}

}  // namespace server::registrations
