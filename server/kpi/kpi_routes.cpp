#include "server/kpi/kpi_routes.hpp"

#include <set>

#include "server/http/api_replies.hpp"
#include "server/http/errors.hpp"
#include "server/http/json_body.hpp"
#include "server/http/json_request.hpp"
#include "server/kpi/kpi_parts.hpp"
#include "server/kpi/table_export.hpp"
#include "shared/directory/institution_code.hpp"

namespace server::kpi {

namespace {

using domain::Permission;
using http::Reply;
using http::RequestContext;
using http::Status;
using http::Verb;
using nlohmann::json;
using Services = std::shared_ptr<KpiServices>;
using namespace detail;

// ------------------------------------------------------------------ handlers: definitions

// The office a new KPI belongs to: "office_code" in the body (a well-formed code: 400
// naming the field, not a 403 for a code that cannot exist), else the caller's home org.
domain::Checked<std::string> office_for(const json& body, const Call& call) {
  if (auto it = body.find("office_code"); it != body.end() && it->is_string()) {
    auto code = domain::parse_institution_code(it->get<std::string>());
    if (!code) return domain::in_field(code.error(), "office_code");
    return code.value();
  }
  for (const auto& g : call.caller().grants)
    if (g.permission == Permission::kpi_manage) return g.org_code;
  return call.caller().org_code;
}

Reply list_kpis(const Services& s, const RequestContext& rq) {
  return signed_in(s, rq, [&](const Call& call) -> Reply {
    auto year = year_param(rq);
    if (!year) return http::bad_request(year.error());
    json out = json::array();
    for (const auto& k : s->store.list(year.value()))
      if (call.sees(k)) out.push_back(kpi_json(s->store, k, call));
    return http::json_reply(Status::ok, out);
  });
}

Reply get_kpi(const Services& s, const RequestContext& rq) {
  return signed_in(s, rq, [&](const Call& call) -> Reply {
    auto found = call.kpi(rq);
    if (auto* no = std::get_if<Reply>(&found)) return std::move(*no);
    const StoredKpi* k = &std::get<StoredKpi>(found);
    return http::json_reply(Status::ok, kpi_json(s->store, *k, call));
  });
}

Reply create_kpi(const Services& s, const RequestContext& rq) {
  return signed_in(s, rq, [&](const Call& call) -> Reply {
    auto body = http::json_body(rq);
    if (!body) return http::bad_request(body.error());
    if (auto e = http::check_fields(body.value(), {{"office_code", http::JsonType::text}})) return http::bad_request(*e);
    const auto office_or = office_for(body.value(), call);
    if (!office_or) return http::bad_request(office_or.error());
    const std::string& office = office_or.value();
    if (!call.can(Permission::kpi_manage, office)) return forbidden(Permission::kpi_manage);
    auto def = domain::parse_kpi_definition(body.value());
    if (!def) return http::bad_request(def.error());
    auto created = s->store.create(office, def.value());
    if (auto* r = std::get_if<Refusal>(&created)) return refuse(*r);
    return http::json_reply(Status::created, kpi_json(s->store, std::get<StoredKpi>(created), call));
  });
}

Reply update_kpi(const Services& s, const RequestContext& rq) {
  return signed_in(s, rq, [&](const Call& call) -> Reply {
    auto found = call.kpi(rq, Permission::kpi_manage);
    if (auto* no = std::get_if<Reply>(&found)) return std::move(*no);
    const StoredKpi* k = &std::get<StoredKpi>(found);
    auto body = http::json_body(rq);
    if (!body) return http::bad_request(body.error());
    auto def = domain::parse_kpi_definition(body.value());
    if (!def) return http::bad_request(def.error());
    auto updated = s->store.update(k->id, def.value());
    if (auto* r = std::get_if<Refusal>(&updated)) return refuse(*r);
    return http::json_reply(Status::ok, kpi_json(s->store, std::get<StoredKpi>(updated), call));
  });
}

Reply copy_year(const Services& s, const RequestContext& rq) {
  return signed_in(s, rq, [&](const Call& call) -> Reply {
    auto body = http::json_body(rq);
    if (!body) return http::bad_request(body.error());
    const auto& b = body.value();
    if (auto e = http::check_fields(b, {{"year", http::JsonType::text_or_integer, true}, {"office_code", http::JsonType::text}}))
      return http::bad_request(*e);
    auto year = b.contains("year") && b["year"].is_number_integer()
                    ? domain::Checked<int>(b["year"].get<int>())
                    : domain::parse_fiscal_year(b.contains("year") && b["year"].is_string() ? b["year"].get<std::string>() : "");
    if (!year) return http::bad_request(year.error());
    if (auto e = domain::check_fiscal_year(year.value()); e || year.value() + 1 > domain::kMaxFiscalYear)
      return http::bad_request(e.value_or(domain::FieldError{"fiscal_year_range", "year", "ปีงบประมาณไม่ถูกต้อง", "Invalid fiscal year"}));
    const auto office_or = office_for(b, call);
    if (!office_or) return http::bad_request(office_or.error());
    const std::string& office = office_or.value();
    if (!call.can(Permission::kpi_manage, office)) return forbidden(Permission::kpi_manage);
    json out = json::array();
    for (const auto& k : s->store.copy_year(office, year.value())) out.push_back(kpi_json(s->store, k, call));
    return http::json_reply(Status::created, {{"year", year.value() + 1}, {"copied", out.size()}, {"kpis", out}});
  });
}

// ------------------------------------------------------------------ reporting units

// The office itself and every unit under it that is not an institution: they may report
// too (the office's own work, a network of schools).
std::vector<std::string> offices_of(const domain::OrgTree& tree, const std::string& office) {
  std::vector<std::string> out, todo{office};
  while (!todo.empty()) {
    const std::string code = todo.back();
    todo.pop_back();
    out.push_back(code);
    for (auto& child : tree.children(code)) {
      const auto* node = tree.find(child);
      if (node && node->kind != domain::OrgKind::institution) todo.push_back(child);
    }
  }
  return out;
}

// Every institution under `office` in the organisation tree.
std::vector<std::string> schools_of(const domain::OrgTree& tree, const std::string& office) {
  std::vector<std::string> out, todo{office};
  while (!todo.empty()) {
    const std::string code = todo.back();
    todo.pop_back();
    for (auto& child : tree.children(code)) {
      const auto* node = tree.find(child);
      if (node && node->kind == domain::OrgKind::institution) out.push_back(child);
      else todo.push_back(child);
    }
  }
  return out;
}

Reply get_units(const Services& s, const RequestContext& rq) {
  return signed_in(s, rq, [&](const Call& call) -> Reply {
    auto found = call.kpi(rq);
    if (auto* no = std::get_if<Reply>(&found)) return std::move(*no);
    const StoredKpi* k = &std::get<StoredKpi>(found);
    auto p = period_param(rq, *k);
    if (!p) return http::bad_request(p.error());
    if (!call.sees_all_units(*k)) return forbidden(Permission::view);
    call.read(rq, "kpi.units.read", "kpi:" + std::to_string(k->id), k->office_code, {{"period", domain::period_id(p.value())}});
    json units = json::array();
    for (const auto& u : s->store.unit_reports(k->id, p.value())) {
      json uj = u;
      if (const auto* n = call.orgs().find(u.unit_code)) uj["name_th"] = n->name_th;
      units.push_back(std::move(uj));
    }
    json schools = json::array(), offices = json::array();
    if (call.can(Permission::kpi_manage, k->office_code)) {
      for (const auto& code : schools_of(call.orgs(), k->office_code))
        schools.push_back({{"code", code}, {"name_th", call.orgs().find(code)->name_th}});
      for (const auto& code : offices_of(call.orgs(), k->office_code))
        offices.push_back({{"code", code}, {"name_th", call.orgs().find(code)->name_th}});
    }
    return http::json_reply(Status::ok, {{"period", domain::period_id(p.value())}, {"units", units}, {"schools", schools}, {"offices", offices}});
  });
}

Reply put_units(const Services& s, const RequestContext& rq) {
  return signed_in(s, rq, [&](const Call& call) -> Reply {
    auto found = call.kpi(rq, Permission::kpi_manage);
    if (auto* no = std::get_if<Reply>(&found)) return std::move(*no);
    const StoredKpi* k = &std::get<StoredKpi>(found);
    auto p = period_param(rq, *k);
    if (!p) return http::bad_request(p.error());
    auto body = http::json_body(rq);
    if (!body) return http::bad_request(body.error());
    const auto& b = body.value();
    if (auto e = http::check_fields(b, {{"all_schools", http::JsonType::boolean}, {"unit_codes", http::JsonType::array}}))
      return http::bad_request(*e);
    std::vector<std::string> units;
    if (b.contains("all_schools") && b["all_schools"] == true) {
      units = schools_of(call.orgs(), k->office_code);
    } else {
      const auto it = b.find("unit_codes");
      if (it == b.end() || !it->is_array())
        return http::bad_request({"unit_codes_format", "unit_codes", "กรุณาระบุรายการรหัสหน่วยงาน",
                                  "unit_codes must be a list of unit codes"});
      for (std::size_t i = 0; i < it->size(); ++i) {
        const std::string field = "unit_codes[" + std::to_string(i) + "]";
        auto code = domain::parse_institution_code((*it)[i].is_string() ? (*it)[i].get<std::string>() : "");
        if (!code) return http::bad_request(domain::in_field(code.error(), field));
        const auto* node = call.orgs().find(code.value());
        if (!node || !call.orgs().is_within(code.value(), k->office_code))
          return http::bad_request({"unit_outside_office", field,
                                    "หน่วยงาน " + code.value() + " ไม่ใช่สำนักงานนี้หรือหน่วยงานในสังกัด",
                                    "Unit " + code.value() + " is neither this office nor a unit under it"});
        units.push_back(code.value());
      }
    }
    auto assigned = s->store.assign_units(*k, p.value(), units);
    if (auto* r = std::get_if<Refusal>(&assigned)) return refuse(*r);
    const auto c = s->store.counts(k->id, p.value());
    return http::json_reply(Status::ok, {{"period", domain::period_id(p.value())},
                                         {"unit_codes", std::get<std::vector<std::string>>(assigned)},
                                         {"submitted", c.submitted},
                                         {"reviewed", c.reviewed},
                                         {"total", c.total}});
  });
}

}  // namespace

void add_kpi_routes(http::Router& router, std::shared_ptr<KpiServices> services) {
  const Services s = std::move(services);
  // Literal paths before "{id}" captures (the router takes the first match).
  router.add(Verb::get, "/api/v1/kpi", http::signed_in(http::Scope::subtree), [s](const RequestContext& rq) { return list_kpis(s, rq); });
  router.add(Verb::post, "/api/v1/kpi", http::permission("kpi.manage", http::Scope::body), [s](const RequestContext& rq) { return create_kpi(s, rq); });
  router.add(Verb::post, "/api/v1/kpi/copy", http::permission("kpi.manage", http::Scope::body), [s](const RequestContext& rq) { return copy_year(s, rq); });
  router.add(Verb::get, "/api/v1/kpi/queue", http::signed_in(http::Scope::subtree), [s](const RequestContext& rq) { return http::revalidated(review_queue(s, rq)); });
  router.add(Verb::get, "/api/v1/kpi/export.csv", http::signed_in(http::Scope::subtree), [s](const RequestContext& rq) { return export_overview(s, rq, false); }).slow();
  router.add(Verb::get, "/api/v1/kpi/export.xlsx", http::signed_in(http::Scope::subtree), [s](const RequestContext& rq) { return export_overview(s, rq, true); }).slow();
  router.add(Verb::get, "/api/v1/kpi/{id}", http::signed_in(http::Scope::object, "id"), [s](const RequestContext& rq) { return get_kpi(s, rq); });
  router.add(Verb::put, "/api/v1/kpi/{id}", http::permission("kpi.manage", http::Scope::object, "id"), [s](const RequestContext& rq) { return update_kpi(s, rq); });
  router.add(Verb::get, "/api/v1/kpi/{id}/summary", http::signed_in(http::Scope::object, "id"), [s](const RequestContext& rq) { return http::revalidated(summary(s, rq)); });
  router.add(Verb::get, "/api/v1/kpi/{id}/export.csv", http::signed_in(http::Scope::object, "id"), [s](const RequestContext& rq) { return export_units(s, rq, false); }).slow();
  router.add(Verb::get, "/api/v1/kpi/{id}/export.xlsx", http::signed_in(http::Scope::object, "id"), [s](const RequestContext& rq) { return export_units(s, rq, true); }).slow();
  router.add(Verb::get, "/api/v1/kpi/{id}/periods/{period}/units", http::signed_in(http::Scope::object, "id"), [s](const RequestContext& rq) { return get_units(s, rq); });
  router.add(Verb::put, "/api/v1/kpi/{id}/periods/{period}/units", http::permission("kpi.manage", http::Scope::object, "id"), [s](const RequestContext& rq) { return put_units(s, rq); });
  add_report_routes(router, s);
  add_kpi_file_routes(router, s);  // uploads, downloads, documents
  router.add(Verb::get, "/api/v1/public/stats", http::anyone(), [s](const RequestContext& rq) { return public_stats(s, rq); });
}

}  // namespace server::kpi
