// POST .../children/import (CSV or XLSX register) and POST .../rollover (a new academic year).
#include <algorithm>

#include "server/http/multipart.hpp"
#include "server/lec/import_file.hpp"
#include "server/lec/lec_file_common.hpp"
#include "server/lec/lec_file_routes.hpp"
#include "shared/lec/child_import.hpp"
#include "shared/lec/rollover.hpp"

namespace server::lec {

namespace files {

namespace {

bool same_record(const ChildRow& r, const domain::ChildInput& c) {
  return r.title == c.title && r.first_name == c.first_name && r.last_name == c.last_name && r.sex == c.sex &&
         r.birth_date == c.birth_date && r.level == c.level && r.room == c.room && r.id_kind == c.id.kind();
}

std::optional<bool> dry_run_of(const std::vector<http::FormPart>& parts) {
  const auto* p = http::find_part(parts, "dry_run");
  if (!p) return false;
  if (p->data == "true" || p->data == "1") return true;
  if (p->data == "false" || p->data == "0" || p->data.empty()) return false;
  return std::nullopt;
}

Reply import(const Services& s, const RequestContext& rq) {
  return at_institution(s, rq, Permission::children_edit, [&](const AtInstitution& g) -> Reply {
    auto parts = http::parse_multipart(rq.request[http::beast::http::field::content_type], rq.request.body());
    const http::FormPart* file = parts ? http::find_part(*parts, "file") : nullptr;
    if (!file)
      return http::bad_request({"file_required", "file", "กรุณาเลือกไฟล์ทะเบียนเด็ก (.xlsx หรือ .csv)",
                                "Choose the register file (.xlsx or .csv)"});
    const auto dry_run = dry_run_of(*parts);
    if (!dry_run)
      return http::bad_request({"dry_run_format", "dry_run", "dry_run ต้องเป็น true หรือ false",
                                "dry_run must be true or false"});
    auto table = read_import_file(file->data);
    if (!table)
      return http::error_reply(
          table.error().code == "file_type" ? Status::unsupported_media_type : Status::bad_request, table.error());
    const auto& code = g.institution->code;
    auto checked = domain::check_import(table.value(), g.year, s->today(),
                                        domain::institution_type_from_name(g.institution->name_th));
    auto errors = std::move(checked.errors);

    // Match each row by ID: attending here (update or unchanged), elsewhere (an error on
    // that row naming the other institution), nowhere (added).
    std::int64_t added = 0, updated = 0, unchanged = 0;
    std::vector<domain::ChildInput> rows;
    rows.reserve(checked.children.size());
    for (auto& ic : checked.children) {
      const auto at = s->store.find_enrolment(g.year, ic.child.id);
      if (at && at->institution_code != code) {
        errors.push_back({ic.row, domain::enrolled_elsewhere(at->institution_name_th, at->institution_code)});
        continue;
      }
      if (!at) ++added;
      else if (auto r = s->store.child(g.year, at->child_id); r && same_record(*r, ic.child)) ++unchanged;
      else ++updated;
      rows.push_back(std::move(ic.child));
    }
    std::stable_sort(errors.begin(), errors.end(),
                     [](const domain::ImportError& a, const domain::ImportError& b) { return a.row < b.row; });
    json errs = json::array();
    for (const auto& e : errors) errs.push_back(domain::import_error_json(e));
    json out{{"added", added}, {"updated", updated}, {"unchanged", unchanged}, {"errors", errs},
             {"dry_run", *dry_run}, {"written", false}, {"voided", json::array()}};
    s->audit(rq, g.caller.user_id, "lec.children.import", "institution:" + code,
             {{"year", g.year}, {"rows", table.value().rows.size()}, {"errors", errors.size()}, {"dry_run", *dry_run}});
    if (*dry_run || !errors.empty()) return http::json_reply(Status::ok, out);

    auto r = s->store.apply_children(g.year, code, rows, g.caller.actor());
    if (auto* refusal = std::get_if<Refusal>(&r)) return refuse(*refusal);  // a child enrolled elsewhere meanwhile
    const auto& a = std::get<ApplyResult>(r);
    send_notices(s, a.notices);
    out["added"] = a.added;
    out["updated"] = a.updated;
    out["unchanged"] = a.unchanged;
    out["written"] = true;
    out["voided"] = voided_json(a.voided);
    return http::json_reply(Status::ok, out);
  });
}

json moved_json(const domain::RolloverSource& s, std::optional<domain::Level> from) {
  json j{{"id_masked", s.child.id.masked()},
         {"title", s.child.title},
         {"first_name", s.child.first_name},
         {"last_name", s.child.last_name},
         {"level", domain::to_string(s.child.level)},
         {"room", s.child.room}};
  if (from) j["from_level"] = domain::to_string(*from);
  return j;
}

Reply rollover(const Services& s, const RequestContext& rq) {
  return at_institution(s, rq, Permission::children_edit, [&](const AtInstitution& g) -> Reply {
    const auto& code = g.institution->code;
    const int last = g.year - 1;
    ChildFilter attending;
    attending.attending = true;
    std::vector<domain::RolloverSource> sources;
    std::vector<std::string> present;
    json elsewhere = json::array();
    for (const auto& r : s->store.children(last, code, attending)) {
      const auto id = s->store.reveal(last, r.id);
      if (!id) continue;
      domain::RolloverSource src{r.id, {*id, r.title, r.first_name, r.last_name, r.sex, r.birth_date, r.level, r.room}};
      if (const auto at = s->store.find_enrolment(g.year, *id)) {
        if (at->institution_code == code) present.push_back(id->value());
        else {  // moved on already: that institution has the child this year
          elsewhere.push_back({{"id_masked", r.id_masked}, {"first_name", r.first_name}, {"last_name", r.last_name},
                               {"institution_code", at->institution_code}, {"institution_name_th", at->institution_name_th}});
          continue;
        }
      }
      sources.push_back(std::move(src));
    }
    const auto plan = domain::plan_rollover(sources, domain::institution_type_from_name(g.institution->name_th), present);
    std::vector<domain::ChildInput> inputs;
    json moved = json::array(), graduated = json::array();
    for (const auto& m : plan.moved_up) {
      inputs.push_back(m.child);
      const auto from = std::find_if(sources.begin(), sources.end(),
                                     [&](const auto& x) { return x.record_id == m.record_id; })->child.level;
      moved.push_back(moved_json(m, from));
    }
    for (const auto& gr : plan.graduated) graduated.push_back(moved_json(gr, std::nullopt));
    s->audit(rq, g.caller.user_id, "lec.children.rollover", "institution:" + code,
             {{"year", g.year}, {"moved_up", inputs.size()}, {"graduated", plan.graduated.size()}});
    json out{{"from_year", last}, {"year", g.year}, {"moved_up", moved}, {"graduated", graduated},
             {"already", plan.already.size()}, {"elsewhere", elsewhere}, {"voided", json::array()}};
    if (inputs.empty()) return http::json_reply(Status::ok, out);
    auto r = s->store.apply_children(g.year, code, inputs, g.caller.actor());
    if (auto* refusal = std::get_if<Refusal>(&r)) return refuse(*refusal);
    const auto& a = std::get<ApplyResult>(r);
    send_notices(s, a.notices);
    out["voided"] = voided_json(a.voided);
    return http::json_reply(Status::ok, out);
  });
}

}  // namespace

void add_import_routes(http::Router& router, const Services& s) {
  router.add_upload(http::Verb::post, "/api/v1/lec/{year}/institutions/{code}/children/import", kMaxImportBytes,
                    http::permission("children.edit", http::Scope::path, "code"),
                    [s](const RequestContext& rq) { return import(s, rq); });
  router.add(http::Verb::post, "/api/v1/lec/{year}/institutions/{code}/rollover",
             http::permission("children.edit", http::Scope::path, "code"),
             [s](const RequestContext& rq) { return rollover(s, rq); });
}

}  // namespace files

}  // namespace server::lec
