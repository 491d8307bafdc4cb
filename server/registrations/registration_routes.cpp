#include "server/registrations/registration_routes.hpp"

#include "server/auth/sessions.hpp"
#include "server/http/path_params.hpp"
#include "server/http/errors.hpp"
#include "server/http/json_body.hpp"
#include "server/http/multipart.hpp"
#include "server/http/upload_reply.hpp"
#include "shared/core/text.hpp"
#include "shared/directory/institution_code.hpp"

namespace server::registrations {

namespace {

using http::Reply;
using http::RequestContext;


constexpr domain::TextRule kRejectionReason{"reason", "เหตุผลที่ไม่อนุมัติ", "Reason for the rejection", 1000, true, true};

// The token of a verified phone (typed by check_fields already); api.md names its absence.
domain::Checked<std::string> otp_token_of(const nlohmann::json& j) {
  auto it = j.find("otp_token");
  if (it == j.end() || it->is_null() || it->get_ref<const std::string&>().empty())
    return domain::FieldError{"otp_token_required", "otp_token", "กรุณายืนยันเบอร์โทรศัพท์ด้วยรหัส OTP ก่อน",
                              "Confirm the phone with an OTP first"};
  if (it->get_ref<const std::string&>().size() > 200)
    return domain::FieldError{"text_too_long", "otp_token", "รหัสยืนยัน OTP ยาวเกิน 200 ตัวอักษร",
                              "The OTP token is longer than 200 characters"};
  return it->get<std::string>();
}

Reply file_reply(std::string content_type, std::string bytes, const std::string& disposition = {}) {
  http::StringResponse res{http::Status::ok, 11};
  res.set(http::beast::http::field::content_type, content_type);
  res.set(http::beast::http::field::cache_control, "private, no-store");
  if (!disposition.empty()) res.set(http::beast::http::field::content_disposition, disposition);
  res.body() = std::move(bytes);
  res.prepare_payload();
  return res;
}

using http::id_param;

std::string bearer(const RequestContext& rq) {
  auto it = rq.request.find(http::beast::http::field::authorization);
  if (it == rq.request.end()) return {};
  std::string_view v = it->value();
  if (v.size() < 7 || (v.substr(0, 7) != "Bearer " && v.substr(0, 7) != "bearer ")) return {};
  return std::string(v.substr(7));
}

Reply unauthorised() {
  return http::error_reply(http::Status::unauthorized,
                           {"registration_token_invalid", "", "ไม่มีสิทธิ์ดูการลงทะเบียนนี้ (รหัสยืนยันไม่ถูกต้อง)",
                            "Not allowed to see this registration (invalid registration token)"});
}

}  // namespace

void add_registration_routes(http::Router& router, std::shared_ptr<RegistrationService> service,
                             RegistrationHooks hooks) {
  auto audit = [hooks](const RequestContext& rq, std::optional<std::int64_t> actor, std::string action,
                       std::string target, nlohmann::json detail = nlohmann::json::object()) {
    if (hooks.audit) hooks.audit(rq, actor, std::move(action), std::move(target), std::move(detail));
  };
  auto reviewer = [hooks](const RequestContext& rq) -> std::variant<Reviewer, Reply> {
    if (!hooks.reviewer)
      return http::error_reply(http::Status::unauthorized,
                               {"not_signed_in", "", "กรุณาเข้าสู่ระบบ", "Please sign in"});
    return hooks.reviewer(rq);
  };
  // The registrant (bearer token) or a reviewer who sees it; the registration, or the reply.
  // Every read is recorded: by the reviewer, or by the registrant's token from this address.
  auto access = [service, reviewer, audit](const RequestContext& rq, std::string action) -> std::variant<Registration, Reply> {
    auto id = id_param(rq);
    if (!id) return http::not_found();
    const auto read = [&](const Registration& r, std::optional<std::int64_t> actor) {
      audit(rq, actor, std::move(action), "registration:" + std::to_string(r.id),
            {{"institution_code", r.institution_code}, {"by", actor ? "reviewer" : "registration_token"}});
      return r;
    };
    const std::string token = bearer(rq);
    if (!token.empty()) {
      if (!service->token_matches(*id, token)) return unauthorised();
      if (auto r = service->find(*id)) return read(*r, std::nullopt);
      return http::not_found();
    }
    auto who = reviewer(rq);
    if (auto* reply = std::get_if<Reply>(&who)) return std::move(*reply);
    auto r = service->find(*id);
    if (!r || !std::get<Reviewer>(who).sees(*r)) return http::not_found();
    return read(*r, std::get<Reviewer>(who).user_id);
  };

  router.add(http::Verb::post, "/api/v1/registrations", http::anyone(), [service, audit, hooks](const RequestContext& rq) {
    auto body = http::json_body(rq);
    if (!body) return http::bad_request(body.error());
    auto& j = body.value();
    // The officer's and legacy fields are typed by registration_form_from_json (officer.*, legacy.*).
    if (auto e = http::check_fields(j, {{"affiliation", http::JsonType::text},
                                        {"institution_code", http::JsonType::text},
                                        {"officer", http::JsonType::object},
                                        {"legacy", http::JsonType::object},
                                        {"otp_token", http::JsonType::text},
                                        {"identity_token", http::JsonType::text},
                                        {"supersede", http::JsonType::boolean}}))
      return http::bad_request(*e);
    // Proved by an identity provider: the officer's names and national ID are the provider's.
    std::optional<identity::Proof> proof;
    const auto now = auth::unix_now();
    if (j.contains("identity_token") && !j["identity_token"].is_null()) {
      const auto token = j["identity_token"].get<std::string>();
      if (hooks.identities) proof = hooks.identities->peek(token, domain::IdentityPurpose::registration, now);
      const auto digits = proof ? hooks.identities->unseal_text(proof->national_id_sealed) : std::nullopt;
      if (!digits) return http::bad_request(domain::identity_token_invalid_error());
      if (!j.contains("officer") || !j["officer"].is_object()) j["officer"] = nlohmann::json::object();
      j["officer"].update({{"first_name", proof->first_name}, {"last_name", proof->last_name}, {"national_id", *digits}});
      if (!proof->title.empty()) j["officer"]["title"] = proof->title;
    }
    auto form = domain::registration_form_from_json(j);
    if (!form) return http::bad_request(form.error());
    // Absent: replace whatever is open (api.md); false: only if nothing is (the wizard's default).
    auto supersede = http::bool_field(j, "supersede", true);
    Outcome<Created> created = Refusal{};
    if (proof) {
      const auto token = j["identity_token"].get<std::string>();
      created = service->create(form.value(), [&](storage::Database& db, const std::string&) -> std::optional<domain::FieldError> {
        if (!hooks.identities->redeem(db, token, domain::IdentityPurpose::registration, now)) return domain::identity_token_invalid_error();
        return std::nullopt;
      }, supersede.value());
    } else {
      auto token = otp_token_of(j);
      if (!token) return http::bad_request(token.error());
      created = service->create(form.value(), token.value(), supersede.value());
    }
    if (auto* r = std::get_if<Refusal>(&created)) return http::refuse(*r);
    const auto& c = std::get<Created>(created);
    nlohmann::json superseded = nlohmann::json::array();
    for (const auto& old : c.superseded) {
      superseded.push_back(old.id);
      audit(rq, std::nullopt, "registration.superseded", "registration:" + std::to_string(old.id),
            {{"by", c.registration.id}});
    }
    audit(rq, std::nullopt, "registration.created", "registration:" + std::to_string(c.registration.id),
          {{"institution_code", c.registration.institution_code}, {"national_id", c.registration.national_id_masked},
           {"proved_by", proof ? proof->provider : std::string("sms")}});
    return http::json_reply(http::Status::created, {{"registration_id", c.registration.id},
                                                    {"registration_token", c.token},
                                                    {"status", domain::to_string(c.registration.status)},
                                                    {"username", c.registration.institution_code},
                                                    {"reference", c.registration.reference},
                                                    {"superseded", superseded}});
  });

  router.add(http::Verb::get, "/api/v1/registrations", http::anyone(), [service](const RequestContext& rq) {
    auto raw = rq.query.get("institution_code");
    auto code = domain::parse_institution_code(raw && *raw ? raw->value() : std::string());
    if (!code) return http::bad_request(domain::in_field(code.error(), "institution_code"));
    return http::json_reply(http::Status::ok,
                            {{"institution_code", code.value()}, {"open", service->open_registrations(code.value())}});
  });

  router.add(http::Verb::post, "/api/v1/registrations/resume", http::anyone(), [service, audit](const RequestContext& rq) {
    auto body = http::json_body(rq);
    if (!body) return http::bad_request(body.error());
    const auto& j = body.value();
    if (auto e = http::check_fields(j, {{"institution_code", http::JsonType::text}, {"otp_token", http::JsonType::text}}))
      return http::bad_request(*e);
    const auto given = j.find("institution_code");  // text, null or absent (checked above)
    auto code = domain::parse_institution_code(given != j.end() && given->is_string() ? given->get<std::string>() : "");
    if (!code) return http::bad_request(domain::in_field(code.error(), "institution_code"));
    auto token = otp_token_of(j);
    if (!token) return http::bad_request(token.error());
    auto resumed = service->resume(code.value(), token.value());
    if (auto* r = std::get_if<Refusal>(&resumed)) return http::refuse(*r);
    const auto& c = std::get<Created>(resumed);
    audit(rq, std::nullopt, "registration.resumed", "registration:" + std::to_string(c.registration.id));
    return http::json_reply(http::Status::ok, {{"registration_id", c.registration.id},
                                               {"registration_token", c.token},
                                               {"status", domain::to_string(c.registration.status)},
                                               {"username", c.registration.institution_code},
                                               {"reference", c.registration.reference},
                                               {"reason", c.registration.reason}});
  });

  // An approved registration's account without its password: a new activation link by SMS
  // once the last one lapsed (the registrant only: reviewers do not send it).
  router.add(http::Verb::post, "/api/v1/registrations/{id}/activation-link", http::token_holder("id"),
             [service, audit](const RequestContext& rq) {
               auto id = id_param(rq);
               if (!id) return http::not_found();
               if (!service->token_matches(*id, bearer(rq))) return unauthorised();
               auto sent = service->renew_activation(*id);
               if (auto* r = std::get_if<Refusal>(&sent)) return http::refuse(*r);
               audit(rq, std::nullopt, "registration.activation_renewed", "registration:" + std::to_string(*id));
               return http::json_reply(http::Status::ok, {{"sent_to", std::get<std::string>(sent)}});
             });

  router.add(http::Verb::get, "/api/v1/registrations/{id}", http::token_holder("id"), [access](const RequestContext& rq) {
    auto r = access(rq, "registration.read");
    if (auto* reply = std::get_if<Reply>(&r)) return std::move(*reply);
    return http::json_reply(http::Status::ok, to_json(std::get<Registration>(r)));
  });

  router.add(http::Verb::get, "/api/v1/registrations/{id}/letter.pdf", http::token_holder("id"), [service, access](const RequestContext& rq) {
    auto r = access(rq, "registration.letter_generated");
    if (auto* reply = std::get_if<Reply>(&r)) return std::move(*reply);
    const auto& reg = std::get<Registration>(r);
    return file_reply("application/pdf", service->letter_pdf(reg),
                      "attachment; filename=\"appointment-letter-" + reg.reference + ".pdf\"");
  }).slow();

  router.add_upload(
      http::Verb::post, "/api/v1/registrations/{id}/signed-letter", upload_body_limit, http::token_holder("id"),
      [service, audit](const RequestContext& rq) {
        auto id = id_param(rq);
        if (!id) return http::not_found();
        if (!service->token_matches(*id, bearer(rq))) return unauthorised();
        auto type = rq.request.find(http::beast::http::field::content_type);
        auto parts = http::parse_multipart(type == rq.request.end() ? std::string_view() : std::string_view(type->value()),
                                           rq.request.body());
        if (!parts)
          return http::bad_request({"multipart_required", "file", "ต้องส่งเป็น multipart/form-data (file, username, national_id)",
                                    "Send multipart/form-data with file, username and national_id"});
        const auto* file = http::find_part(*parts, "file");
        if (!file)
          return http::bad_request({"file_required", "file", "กรุณาเลือกไฟล์หนังสือแต่งตั้งที่ลงนามแล้ว (JPG หรือ PDF)",
                                    "Choose the signed letter (JPG or PDF)"});
        const auto* username = http::find_part(*parts, "username");
        const auto* national_id = http::find_part(*parts, "national_id");
        auto uploaded = service->upload_letter(*id, username ? username->data : std::string_view(),
                                               national_id ? national_id->data : std::string_view(), file->data,
                                               file->filename.value_or(""));
        if (auto* r = std::get_if<Refusal>(&uploaded)) {
          audit(rq, std::nullopt, "registration.letter_refused", "registration:" + std::to_string(*id),
                {{"code", r->error.code}});
          return http::refuse(*r);
        }
        const auto& reg = std::get<Registration>(uploaded);
        audit(rq, std::nullopt, "registration.letter_uploaded", "registration:" + std::to_string(reg.id),
              {{"type", reg.letter_type}, {"bytes", reg.letter_bytes}});
        return http::json_reply(http::Status::ok, {{"status", domain::to_string(reg.status)},
                                                   {"letter", {{"type", reg.letter_type}, {"bytes", reg.letter_bytes}}}});
      });

  router.add(http::Verb::get, "/api/v1/registrations/{id}/signed-letter", http::token_holder("id"), [service, access](const RequestContext& rq) {
    auto r = access(rq, "registration.letter_downloaded");
    if (auto* reply = std::get_if<Reply>(&r)) return std::move(*reply);
    const auto& reg = std::get<Registration>(r);
    if (reg.letter_file.empty()) return http::not_found();
    // Stored letters are decoded (a JPEG re-encoded, a PDF parsed) before they are kept.
    const bool jpeg = reg.letter_type == "image/jpeg";
    return http::upload_reply(service->read_letter(reg), reg.letter_type,
                              "signed-letter-" + reg.reference + (jpeg ? ".jpg" : ".pdf"), jpeg);
  });

  router.add(http::Verb::get, "/api/v1/review/registrations", http::permission("registrations.review", http::Scope::subtree), [service, reviewer, audit](const RequestContext& rq) {
    auto who = reviewer(rq);
    if (auto* reply = std::get_if<Reply>(&who)) return std::move(*reply);
    const auto& rev = std::get<Reviewer>(who);
    QueueFilter f;
    for (const char* name : {"status", "affiliation", "province"}) {
      auto v = rq.query.get(name);
      if (!v) continue;
      if (!*v) return http::bad_request(v->error());
      const std::string value = v->value();
      if (value.empty()) continue;
      if (std::string_view(name) == "status") {
        f.status = domain::parse_registration_status(value);
        if (!f.status)
          return http::bad_request({"status_unknown", "status", "ไม่รู้จักสถานะ \"" + value + "\"",
                                    "Unknown status \"" + value + "\""});
      } else if (std::string_view(name) == "affiliation") {
        f.affiliation = value;
      } else {
        f.province = value;
      }
    }
    nlohmann::json list = nlohmann::json::array();
    for (const auto& r : service->queue(f))
      if (rev.sees(r)) list.push_back(to_json(r));
    audit(rq, rev.user_id, "registration.queue_read", "registrations", {{"count", list.size()}});
    return http::json_reply(http::Status::ok, list);
  });

  router.add(http::Verb::get, "/api/v1/review/registrations/{id}/preview", http::permission("registrations.review", http::Scope::object, "id"),
             [service, reviewer, audit](const RequestContext& rq) {
               auto who = reviewer(rq);
               if (auto* reply = std::get_if<Reply>(&who)) return std::move(*reply);
               auto id = id_param(rq);
               auto r = id ? service->find(*id) : std::nullopt;
               if (!r || !std::get<Reviewer>(who).sees(*r) || r->letter_file.empty()) return http::not_found();
               audit(rq, std::get<Reviewer>(who).user_id, "registration.letter_viewed",
                     "registration:" + std::to_string(r->id), {{"institution_code", r->institution_code}});
               std::string bytes = service->read_letter(*r);
               const std::string name = "signed-letter-" + r->reference;
               if (r->letter_type == "application/pdf")
                 return http::upload_reply(pdf_first_page_png(bytes), "image/png", name + ".png", true);
               return http::upload_reply(std::move(bytes), r->letter_type, name + ".jpg", true);
             });

  for (const char* action : {"approve", "reject"}) {
    const bool approve = std::string_view(action) == "approve";
    router.add(http::Verb::post, std::string("/api/v1/review/registrations/{id}/") + action, http::permission("registrations.review", http::Scope::object, "id"),
               [service, reviewer, audit, approve](const RequestContext& rq) {
                 auto who = reviewer(rq);
                 if (auto* reply = std::get_if<Reply>(&who)) return std::move(*reply);
                 const auto& rev = std::get<Reviewer>(who);
                 auto id = id_param(rq);
                 auto current = id ? service->find(*id) : std::nullopt;
                 if (!current || !rev.sees(*current)) return http::not_found();
                 std::string reason;
                 if (!approve) {
                   auto body = http::json_body(rq);
                   if (!body) return http::bad_request(body.error());
                   auto checked = http::text_field(body.value(), kRejectionReason);
                   if (!checked) {
                     auto e = checked.error();
                     if (e.code == "required") e.code = "reason_required";  // api.md's name for it
                     return http::bad_request(e);
                   }
                   reason = checked.value();
                 }
                 auto decided = approve ? service->approve(*id, rev.user_id) : service->reject(*id, reason, rev.user_id);
                 if (auto* r = std::get_if<Refusal>(&decided)) return http::refuse(*r);
                 const auto& reg = std::get<Registration>(decided);
                 audit(rq, rev.user_id, approve ? "registration.approved" : "registration.rejected",
                       "registration:" + std::to_string(reg.id), {{"institution_code", reg.institution_code}});
                 return http::json_reply(http::Status::ok, to_json(reg));
               });
  }
}

}  // namespace server::registrations
