// Evidence and KPI documents: uploads judged by their container and sealed at rest, each
// file owned by the user and organisation that uploaded it and kept to what it was
// uploaded for; downloads only to its owners and to readers of what legitimately uses it.
#include "server/auth/crypto.hpp"
#include "server/http/json_body.hpp"
#include "server/http/json_request.hpp"
#include "server/http/multipart.hpp"
#include "server/http/upload_reply.hpp"
#include "server/kpi/kpi_call.hpp"
#include "server/storage/content_store.hpp"
#include "server/storage/file_check.hpp"
#include "shared/core/text.hpp"
#include "shared/kpi/evidence_file.hpp"

namespace server::kpi {

namespace {

using namespace detail;
using http::Verb;

// The file is the office's (or above it), or the caller's own upload: only then may a
// controller publish it to the schools of a KPI.
bool may_attach(const Call& call, const StoredFile& f, const StoredKpi& k) {
  return f.uploader_id == call.caller().user_id || call.orgs().is_within(k.office_code, f.uploader_org);
}

Reply add_document(const Services& s, const RequestContext& rq) {
  return signed_in(s, rq, [&](const Call& call) -> Reply {
    auto found = call.kpi(rq, Permission::kpi_manage);
    if (auto* no = std::get_if<Reply>(&found)) return std::move(*no);
    const StoredKpi* k = &std::get<StoredKpi>(found);
    auto body = http::json_body(rq);
    if (!body) return http::bad_request(body.error());
    const auto& b = body.value();
    if (auto e = http::check_fields(b, {{"kind", http::JsonType::text, true},
                                        {"file_id", http::JsonType::text, true},
                                        {"label", http::JsonType::text}}))
      return http::bad_request(*e);
    const std::string kind = b.value("kind", "");
    if (kind != "description" && kind != "assessment_tool" && kind != "other")
      return http::bad_request({"document_kind_invalid", "kind", "ประเภทเอกสารต้องเป็น คำอธิบายตัวชี้วัด เครื่องมือประเมิน หรืออื่นๆ",
                                "Document kind must be description, assessment_tool or other"});
    auto label = domain::check_text(b.contains("label") && b["label"].is_string() ? b["label"].get<std::string>() : "",
                                    {"label", "ชื่อเอกสาร", "Document label", 200, false});
    if (!label) return http::bad_request(label.error());
    const std::string file_id = b.value("file_id", "");
    auto file = s->store.file(file_id);
    if (!file || !call.can(Permission::kpi_manage, file->uploader_org))
      return http::bad_request({"file_not_found", "file_id", "ไม่พบไฟล์ที่แนบ โปรดอัปโหลดอีกครั้ง", "The file was not found: upload it again"});
    // A school's evidence stays the school's: attached here, every school of the office
    // could download it.
    if (!may_attach(call, *file, *k))
      return http::error_reply(
          Status::forbidden,
          {"file_not_owned", "file_id",
           "ไฟล์ " + file_id + " เป็นของหน่วยงานอื่น (" + file->uploader_org +
               ") ที่อัปโหลดไว้เพื่อใช้ในงานของหน่วยงานนั้น จึงแนบเป็นเอกสารของตัวชี้วัดไม่ได้ โปรดอัปโหลดเอกสารของสำนักงานเอง",
           "File " + file_id + " belongs to another organisation (" + file->uploader_org +
               "), which uploaded it for its own use: it cannot be attached to a KPI; upload the office's own document"});
    auto added = s->store.add_document(k->id, kind, file_id, label.value());
    if (auto* r = std::get_if<Refusal>(&added)) return refuse(*r);
    const auto& d = std::get<KpiStore::Document>(added);
    return http::json_reply(Status::created,
                            {{"id", d.id}, {"kind", d.kind}, {"file_id", d.file_id}, {"label", d.label}, {"name", d.file_name}});
  });
}

Reply remove_document(const Services& s, const RequestContext& rq) {
  return signed_in(s, rq, [&](const Call& call) -> Reply {
    auto found = call.kpi(rq, Permission::kpi_manage);
    if (auto* no = std::get_if<Reply>(&found)) return std::move(*no);
    const auto doc = id_param(rq, "doc_id");
    if (!doc || !s->store.remove_document(std::get<StoredKpi>(found).id, *doc))
      return http::error_reply(Status::not_found, {"document_not_found", "doc_id", "ไม่พบเอกสารนี้ในตัวชี้วัด (อาจถูกนำออกไปแล้ว)",
                                                   "This KPI has no such document (it may have been removed already)"});
    return http::json_reply(Status::ok, {{"id", *doc}, {"removed", true}});
  });
}

Reply upload_file(const Services& s, const RequestContext& rq) {
  return signed_in(s, rq, [&](const Call& call) -> Reply {
    const std::string& org = call.caller().org_code;
    const bool reporter = call.can(Permission::report_submit, org);
    if (!reporter && !call.can(Permission::kpi_manage, org)) return forbidden(Permission::report_submit);
    auto parts = http::parse_multipart(rq.request[http::beast::http::field::content_type], rq.request.body());
    const http::FormPart* file = parts ? http::find_part(*parts, "file") : nullptr;
    if (!file)
      return http::bad_request({"file_required", "file", "กรุณาเลือกไฟล์ที่จะอัปโหลด (multipart/form-data ช่อง file)",
                                "Choose a file to upload (multipart/form-data field \"file\")"});
    // What it is for: a report's evidence (a unit's reporters) or a KPI's document.
    std::string purpose = reporter ? "evidence" : "kpi_document";
    if (const auto* p = http::find_part(*parts, "purpose")) {
      purpose = std::string(p->data);
      if (purpose != "evidence" && purpose != "kpi_document")
        return http::bad_request({"purpose_invalid", "purpose", "purpose ต้องเป็น evidence หรือ kpi_document",
                                  "purpose must be evidence or kpi_document"});
    }
    auto type = domain::check_evidence_bytes(file->data, file->filename.value_or(""));
    if (!type) {
      const auto& code = type.error().code;
      const Status st = code == "file_too_large" ? Status::payload_too_large
                        : code == "file_type"    ? Status::unsupported_media_type
                                                 : Status::bad_request;
      return http::error_reply(st, type.error());
    }
    if (!storage::evidence_container_ok(file->data, type.value()))
      return http::error_reply(Status::unsupported_media_type, domain::evidence_type_refused());
    StoredFile stored;
    stored.id = auth::random_token(16);
    stored.content_name = storage::store_by_content(s->files_dir, *s->file_keys, file->data);
    stored.name = domain::clean_file_name(file->filename.value_or(""));
    stored.content_type = std::string(type.value().content_type);
    stored.uploader_org = org;
    stored.size = static_cast<std::int64_t>(file->data.size());
    stored.uploader_id = call.caller().user_id;
    stored.purpose = purpose;
    stored.decoded_image = type.value().is_image;
    s->store.add_file(stored);
    // The SHA-256 is the uploader's to check the transfer; only a keyed hash is stored.
    return http::json_reply(Status::created, {{"file_id", stored.id},
                                              {"name", stored.name},
                                              {"size", stored.size},
                                              {"sha256", auth::sha256_hex(file->data)},
                                              {"content_type", stored.content_type}});
  });
}

// The uploader, readers of the uploading unit, and, for a KPI document of the office (or
// above it), whoever sees that KPI. A file attached where it did not belong (before this
// check existed) gives no one else access.
bool may_download(const Services& s, const Call& call, const StoredFile& f) {
  if (f.uploader_id == call.caller().user_id || call.reads_unit(f.uploader_org)) return true;
  if (f.purpose != "kpi_document") return false;
  for (const auto& use : s->store.file_uses(f.id)) {
    if (!use.unit_code.empty()) continue;
    auto k = s->store.find(use.kpi_id);
    if (k && call.orgs().is_within(k->office_code, f.uploader_org) && call.sees(*k)) return true;
  }
  return false;
}

Reply download_file(const Services& s, const RequestContext& rq) {
  return signed_in(s, rq, [&](const Call& call) -> Reply {
    const std::string id = rq.params.at("id");
    auto f = s->store.file(id);
    const auto missing = [] {
      return http::error_reply(Status::not_found, {"file_not_found", "id", "ไม่พบไฟล์", "No such file"});
    };
    if (!f || !may_download(s, call, *f)) return missing();  // no hint that the file exists
    call.read(rq, "file.download", "file:" + f->id, f->uploader_org);
    // A damaged copy throws CorruptFile: logged with the file's name, 500, never served.
    auto stored = storage::read_by_content(s->files_dir / f->content_name, *s->file_keys);
    if (!stored) return missing();
    // Images the server decoded show in the client; everything else downloads.
    return http::upload_reply(std::move(*stored), f->content_type, f->name, f->decoded_image);
  });
}

}  // namespace

void add_kpi_file_routes(http::Router& router, const std::shared_ptr<KpiServices>& services) {
  const Services s = services;
  router.add(Verb::post, "/api/v1/kpi/{id}/documents", http::permission("kpi.manage", http::Scope::object, "id"), [s](const RequestContext& rq) { return add_document(s, rq); });
  router.add(Verb::delete_, "/api/v1/kpi/{id}/documents/{doc_id}", http::permission("kpi.manage", http::Scope::object, "id"), [s](const RequestContext& rq) { return remove_document(s, rq); });
  // The file may be up to 10 MB; the form around it needs a little more than that.
  router.add_upload(Verb::post, "/api/v1/files", domain::kMaxEvidenceBytes + 64 * 1024,
                    http::permission(std::vector<std::string>{"report.submit", "kpi.manage"}, http::Scope::body),
                    [s](const RequestContext& rq) { return upload_file(s, rq); });
  router.add(Verb::get, "/api/v1/files/{id}", http::signed_in(http::Scope::object, "id"), [s](const RequestContext& rq) { return download_file(s, rq); });
}

}  // namespace server::kpi
