#include "server/registrations/registration_routes.hpp"

#include <stdexcept>

#include "server/http/errors.hpp"
#include "server/http/json_request.hpp"
#include "server/http/multipart.hpp"
#include "server/storage/content_store.hpp"
#include "shared/core/text.hpp"
#include "shared/directory/institution_code.hpp"

namespace server::registrations {

namespace {

using http::Reply;
using http::RequestContext;

Reply refusal(const Refusal& r) { return otp::refusal_reply(r); }

Reply file_reply(std::string content_type, std::string bytes, const std::string& disposition = {}) {
  http::StringResponse res{http::Status::ok, 11};
  res.set(http::beast::http::field::content_type, content_type);
  res.set(http::beast::http::field::cache_control, "private, no-store");
  if (!disposition.empty()) res.set(http::beast::http::field::content_disposition, disposition);
  res.body() = std::move(bytes);
  res.prepare_payload();
  return res;
}

std::optional<std::int64_t> id_param(const RequestContext& rq) {
  auto it = rq.params.find("id");
  if (it == rq.params.end() || it->second.empty() || it->second.size() > 18) return std::nullopt;
  std::int64_t v = 0;
  for (char c : it->second) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

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

// The stored letter, checked against its SHA-256 name: a damaged or missing copy throws
// (logged, 500) rather than being served.
std::string read_whole(const std::string& path) {
  auto bytes = storage::read_by_content(path);
  if (!bytes) throw std::runtime_error("stored letter " + path + " is missing; restore it from a backup");
  return std::move(*bytes);
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

  router.add(http::Verb::post, "/api/v1/registrations", [service, audit](const RequestContext& rq) {
    auto body = http::json_body(rq);
    if (!body) return http::bad_request(body.error());
    auto form = domain::registration_form_from_json(body.value());
    if (!form) return http::bad_request(form.error());
    const auto& j = body.value();
    if (!j.contains("otp_token") || !j["otp_token"].is_string())
      return http::bad_request({"otp_token_required", "otp_token", "กรุณายืนยันเบอร์โทรศัพท์ด้วยรหัส OTP ก่อน",
                                "Confirm the phone with an OTP first"});
    // Absent: replace whatever is open (api.md); false: only if nothing is (the wizard's default).
    if (j.contains("supersede") && !j["supersede"].is_boolean())
      return http::bad_request({"supersede_type", "supersede", "supersede ต้องเป็น true หรือ false",
                                "supersede must be true or false"});
    auto created = service->create(form.value(), j["otp_token"].get<std::string>(), j.value("supersede", true));
    if (auto* r = std::get_if<Refusal>(&created)) return refusal(*r);
    const auto& c = std::get<Created>(created);
    nlohmann::json superseded = nlohmann::json::array();
    for (const auto& old : c.superseded) {
      superseded.push_back(old.id);
      audit(rq, std::nullopt, "registration.superseded", "registration:" + std::to_string(old.id),
            {{"by", c.registration.id}});
    }
    audit(rq, std::nullopt, "registration.created", "registration:" + std::to_string(c.registration.id),
          {{"institution_code", c.registration.institution_code}, {"national_id", c.registration.national_id_masked}});
    return http::json_reply(http::Status::created, {{"registration_id", c.registration.id},
                                                    {"registration_token", c.token},
                                                    {"status", domain::to_string(c.registration.status)},
                                                    {"username", c.registration.institution_code},
                                                    {"reference", c.registration.reference},
                                                    {"superseded", superseded}});
  });

  router.add(http::Verb::get, "/api/v1/registrations", [service](const RequestContext& rq) {
    auto raw = rq.query.get("institution_code");
    auto code = domain::parse_institution_code(raw && *raw ? raw->value() : std::string());
    if (!code) return http::bad_request(domain::in_field(code.error(), "institution_code"));
    return http::json_reply(http::Status::ok,
                            {{"institution_code", code.value()}, {"open", service->open_registrations(code.value())}});
  });

  router.add(http::Verb::post, "/api/v1/registrations/resume", [service, audit](const RequestContext& rq) {
    auto body = http::json_body(rq);
    if (!body) return http::bad_request(body.error());
    const auto& j = body.value();
    if (!j.contains("institution_code") || !j["institution_code"].is_string())
      return http::bad_request({"institution_code_required", "institution_code", "กรุณากรอกรหัสสถานศึกษา 10 หลัก",
                                "Enter the 10-digit institution code"});
    if (!j.contains("otp_token") || !j["otp_token"].is_string())
      return http::bad_request({"otp_token_required", "otp_token", "กรุณายืนยันเบอร์โทรศัพท์ด้วยรหัส OTP ก่อน",
                                "Confirm the phone with an OTP first"});
    auto resumed = service->resume(j["institution_code"].get<std::string>(), j["otp_token"].get<std::string>());
    if (auto* r = std::get_if<Refusal>(&resumed)) return refusal(*r);
    const auto& c = std::get<Created>(resumed);
    audit(rq, std::nullopt, "registration.resumed", "registration:" + std::to_string(c.registration.id));
    return http::json_reply(http::Status::ok, {{"registration_id", c.registration.id},
                                               {"registration_token", c.token},
                                               {"status", domain::to_string(c.registration.status)},
                                               {"username", c.registration.institution_code},
                                               {"reference", c.registration.reference}});
  });

  router.add(http::Verb::get, "/api/v1/registrations/{id}", [access](const RequestContext& rq) {
    auto r = access(rq, "registration.read");
    if (auto* reply = std::get_if<Reply>(&r)) return std::move(*reply);
    return http::json_reply(http::Status::ok, to_json(std::get<Registration>(r)));
  });

  router.add(http::Verb::get, "/api/v1/registrations/{id}/letter.pdf", [service, access](const RequestContext& rq) {
    auto r = access(rq, "registration.letter_generated");
    if (auto* reply = std::get_if<Reply>(&r)) return std::move(*reply);
    const auto& reg = std::get<Registration>(r);
    return file_reply("application/pdf", service->letter_pdf(reg),
                      "attachment; filename=\"appointment-letter-" + reg.reference + ".pdf\"");
  });

  router.add_upload(
      http::Verb::post, "/api/v1/registrations/{id}/signed-letter", upload_body_limit,
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
          return refusal(*r);
        }
        const auto& reg = std::get<Registration>(uploaded);
        audit(rq, std::nullopt, "registration.letter_uploaded", "registration:" + std::to_string(reg.id),
              {{"type", reg.letter_type}, {"bytes", reg.letter_bytes}});
        return http::json_reply(http::Status::ok, {{"status", domain::to_string(reg.status)},
                                                   {"letter", {{"type", reg.letter_type}, {"bytes", reg.letter_bytes}}}});
      });

  router.add(http::Verb::get, "/api/v1/registrations/{id}/signed-letter", [service, access](const RequestContext& rq) {
    auto r = access(rq, "registration.letter_downloaded");
    if (auto* reply = std::get_if<Reply>(&r)) return std::move(*reply);
    const auto& reg = std::get<Registration>(r);
    if (reg.letter_file.empty()) return http::not_found();
    return file_reply(reg.letter_type, read_whole(service->letter_path(reg)));
  });

  router.add(http::Verb::get, "/api/v1/review/registrations", [service, reviewer, audit](const RequestContext& rq) {
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

  router.add(http::Verb::get, "/api/v1/review/registrations/{id}/preview",
             [service, reviewer, audit](const RequestContext& rq) {
               auto who = reviewer(rq);
               if (auto* reply = std::get_if<Reply>(&who)) return std::move(*reply);
               auto id = id_param(rq);
               auto r = id ? service->find(*id) : std::nullopt;
               if (!r || !std::get<Reviewer>(who).sees(*r) || r->letter_file.empty()) return http::not_found();
               audit(rq, std::get<Reviewer>(who).user_id, "registration.letter_viewed",
                     "registration:" + std::to_string(r->id), {{"institution_code", r->institution_code}});
               std::string bytes = read_whole(service->letter_path(*r));
               if (r->letter_type == "application/pdf") return file_reply("image/png", pdf_first_page_png(bytes));
               return file_reply(r->letter_type, std::move(bytes));
             });

  for (const char* action : {"approve", "reject"}) {
    const bool approve = std::string_view(action) == "approve";
    router.add(http::Verb::post, std::string("/api/v1/review/registrations/{id}/") + action,
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
                   const auto& j = body.value();
                   if (j.contains("reason") && j["reason"].is_string()) reason = domain::trim(j["reason"].get<std::string>());
                   if (reason.empty() || reason.size() > 1000)
                     return http::bad_request({"reason_required", "reason", "กรุณาระบุเหตุผลที่ไม่อนุมัติ (ไม่เกิน 1000 ตัวอักษร)",
                                               "Give the reason for the rejection (at most 1000 characters)"});
                 }
                 auto decided = approve ? service->approve(*id, rev.user_id) : service->reject(*id, reason, rev.user_id);
                 if (auto* r = std::get_if<Refusal>(&decided)) return refusal(*r);
                 const auto& reg = std::get<Registration>(decided);
                 audit(rq, rev.user_id, approve ? "registration.approved" : "registration.rejected",
                       "registration:" + std::to_string(reg.id), {{"institution_code", reg.institution_code}});
                 return http::json_reply(http::Status::ok, to_json(reg));
               });
  }
}

}  // namespace server::registrations
