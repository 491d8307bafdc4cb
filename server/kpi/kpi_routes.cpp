#include "server/kpi/kpi_routes.hpp"

#include <set>

#include "server/http/errors.hpp"
#include "server/http/json_body.hpp"
#include "server/http/json_request.hpp"
#include "server/kpi/kpi_call.hpp"
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

// ------------------------------------------------------------------ replies and parameters

Reply json_text_reply(std::string body) {
  http::StringResponse res{Status::ok, 11};
  res.set(http::beast::http::field::content_type, "application/json; charset=utf-8");
  res.set(http::beast::http::field::cache_control, "no-store");
  res.body() = std::move(body);
  res.prepare_payload();
  return res;
}

template <class T>
json or_null(const std::optional<T>& v) {
  return v ? json(*v) : json();
}

domain::Checked<domain::Period> period_param(const RequestContext& rq, const StoredKpi& k) {
  auto p = domain::parse_period(rq.params.at("period"));
  if (!p) return domain::in_field(p.error(), "period");
  if (!domain::period_in_cadence(p.value(), k.definition.cadence))
    return domain::FieldError{"period_not_in_cadence", "period",
                              "รอบ " + domain::period_id(p.value()) + " ไม่ใช่รอบของตัวชี้วัดนี้",
                              "Period " + domain::period_id(p.value()) + " is not a period of this KPI"};
  return p;
}

domain::Checked<int> year_param(const RequestContext& rq) {
  auto y = rq.query.get("year");
  if (!y) return domain::parse_fiscal_year("");
  if (!*y) return y->error();
  return domain::parse_fiscal_year(y->value());
}

// ------------------------------------------------------------------ wire shapes

json period_json(const domain::Period& p, int year, const domain::SummaryCounts& c) {
  return {{"period", domain::period_id(p)},
          {"label_th", domain::period_label_th(p, year)},
          {"label_en", domain::period_label_en(p, year)},
          {"submitted", c.submitted},
          {"reviewed", c.reviewed},
          {"total", c.total},
          {"avg_self", or_null(c.avg_self())},
          {"avg_review", or_null(c.avg_review())}};
}

json kpi_json(KpiStore& store, const StoredKpi& k, const Call& call) {
  json j = k.definition;
  j["id"] = k.id;
  j["office_code"] = k.office_code;
  if (const auto* office = call.orgs().find(k.office_code)) j["office_name"] = office->name_th;
  j["type_label_th"] = domain::kpi_type_label_th(k.definition.type);
  j["type_label_en"] = domain::kpi_type_label_en(k.definition.type);
  json docs = json::array();
  for (const auto& d : store.documents(k.id))
    docs.push_back({{"id", d.id}, {"kind", d.kind}, {"file_id", d.file_id}, {"label", d.label}, {"name", d.file_name}});
  j["documents"] = docs;
  const std::string& me = call.caller().org_code;
  const bool reporter = call.can(Permission::report_submit, me);
  json periods = json::array();
  for (const auto& p : domain::periods_of(k.definition.cadence)) {
    json pj = period_json(p, k.definition.year, store.counts(k.id, p));
    pj["open"] = k.definition.is_open(p);
    pj["can_manage"] = call.can(Permission::kpi_manage, k.office_code);
    if (reporter) {
      if (auto r = store.report(k.id, p, me)) {
        pj["mine"] = {{"unit_code", me},
                      {"status", domain::report_status_id(r->unit.status)},
                      {"can_report", k.definition.is_open(p)},
                      {"self_score", or_null(r->unit.self_score)},
                      {"review_score", or_null(r->unit.review_score)},
                      {"return_reason", r->return_reason}};
      }
    }
    periods.push_back(std::move(pj));
  }
  j["periods"] = periods;
  return j;
}

json report_json(const StoredKpi& k, const domain::Period& p, const Report& r, KpiStore& store) {
  json files = json::array();
  for (const auto& f : r.files) {
    json fj = {{"file_id", f.file_id}, {"description", f.description}};
    if (auto sf = store.file(f.file_id)) {
      fj["name"] = sf->name;
      fj["size"] = sf->size;
      fj["content_type"] = sf->content_type;
    }
    files.push_back(std::move(fj));
  }
  json j = r.unit;
  j["kpi_id"] = k.id;
  j["period"] = domain::period_id(p);
  j["files"] = files;
  j["review_comment"] = r.review_comment;
  j["return_reason"] = r.return_reason;
  j["updated_at"] = r.updated_at;
  j["open"] = k.definition.is_open(p);
  j["status_label_th"] = domain::report_status_label_th(r.unit.status);
  j["status_label_en"] = domain::report_status_label_en(r.unit.status);
  return j;
}

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
    json schools = json::array();
    if (call.can(Permission::kpi_manage, k->office_code))
      for (const auto& code : schools_of(call.orgs(), k->office_code))
        schools.push_back({{"code", code}, {"name_th", call.orgs().find(code)->name_th}});
    return http::json_reply(Status::ok, {{"period", domain::period_id(p.value())}, {"units", units}, {"schools", schools}});
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
        if (!node || node->kind != domain::OrgKind::institution || !call.orgs().is_within(code.value(), k->office_code))
          return http::bad_request({"unit_outside_office", field,
                                    "หน่วยงาน " + code.value() + " ไม่ใช่สถานศึกษาในสังกัดของสำนักงานนี้",
                                    "Unit " + code.value() + " is not a school of this office"});
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

// ------------------------------------------------------------------ reports

struct ReportTarget {
  StoredKpi kpi;
  domain::Period period;
  std::string unit;
};

// The KPI, period and unit of a report path, checked; or the reply. `need` is the
// permission the caller must hold on the unit (nullopt: read access).
template <class F>
Reply on_report(const Services& s, const RequestContext& rq, std::optional<Permission> need, F&& f) {
  return signed_in(s, rq, [&](const Call& call) -> Reply {
    auto found = call.kpi(rq);
    if (auto* no = std::get_if<Reply>(&found)) return std::move(*no);
    const StoredKpi* k = &std::get<StoredKpi>(found);
    auto p = period_param(rq, *k);
    if (!p) return http::bad_request(p.error());
    auto unit = domain::parse_institution_code(rq.params.at("unit_code"));
    if (!unit) return http::bad_request(domain::in_field(unit.error(), "unit_code"));
    if (need ? !call.can(*need, unit.value()) : !call.reads_unit(unit.value()))
      return forbidden(need.value_or(Permission::view));
    return f(call, ReportTarget{*k, p.value(), unit.value()});
  });
}

Reply report_reply(const Services& s, const ReportTarget& t, const Result<Report>& r) {
  if (auto* no = std::get_if<Refusal>(&r)) return refuse(*no);
  return http::json_reply(Status::ok, report_json(t.kpi, t.period, std::get<Report>(r), s->store));
}

void text_message(const Services& s, const std::string& org, Permission p, const std::string& text) {
  if (s->sms) s->sms(org, p, text);
}

void add_report_routes(http::Router& router, const Services& s) {
  const std::string base = "/api/v1/kpi/{id}/periods/{period}/reports/{unit_code}";
  router.add(Verb::get, base, http::signed_in(http::Scope::path, "unit_code"), [s](const RequestContext& rq) {
    return on_report(s, rq, std::nullopt, [&](const Call& call, const ReportTarget& t) -> Reply {
      auto r = s->store.report(t.kpi.id, t.period, t.unit);
      if (!r) return refuse({404, {"unit_not_assigned", "unit_code", "หน่วยงานนี้ไม่ได้รับมอบหมายให้รายงานในรอบนี้",
                                   "This unit is not assigned to report in this period"}});
      call.read(rq, "kpi.report.read", "kpi:" + std::to_string(t.kpi.id), t.unit, {{"period", domain::period_id(t.period)}});
      json j = report_json(t.kpi, t.period, *r, s->store);
      json thread = json::array();
      for (const auto& c : s->store.comments(t.kpi.id, t.period, t.unit))
        thread.push_back({{"id", c.id}, {"kind", c.kind}, {"author", c.author}, {"body", c.body}, {"created_at", c.created_at}});
      j["comments"] = thread;
      return http::json_reply(Status::ok, j);
    });
  });
  router.add(Verb::put, base, http::permission("report.submit", http::Scope::path, "unit_code"), [s](const RequestContext& rq) {
    return on_report(s, rq, Permission::report_submit, [&](const Call& call, const ReportTarget& t) -> Reply {
      auto body = http::json_body(rq);
      if (!body) return http::bad_request(body.error());
      auto draft = domain::parse_report_draft(t.kpi.definition.type, body.value());
      if (!draft) return http::bad_request(draft.error());
      return report_reply(s, t, s->store.save_draft(t.kpi, t.period, t.unit, draft.value(), call.actor()));
    });
  });
  router.add(Verb::post, base + "/confirm", http::permission("report.submit", http::Scope::path, "unit_code"), [s](const RequestContext& rq) {
    return on_report(s, rq, Permission::report_submit, [&](const Call& call, const ReportTarget& t) -> Reply {
      auto r = s->store.confirm(t.kpi, t.period, t.unit, call.actor());
      if (!refused(r))
        text_message(s, t.kpi.office_code, Permission::report_review,
                     "KPI " + t.kpi.definition.number + " " + domain::period_id(t.period) + ": รายงานใหม่จาก " + t.unit + " รอตรวจ");
      return report_reply(s, t, r);
    });
  });
  router.add(Verb::post, base + "/unconfirm", http::permission("report.submit", http::Scope::path, "unit_code"), [s](const RequestContext& rq) {
    return on_report(s, rq, Permission::report_submit, [&](const Call& call, const ReportTarget& t) -> Reply {
      return report_reply(s, t, s->store.unconfirm(t.kpi, t.period, t.unit, call.actor()));
    });
  });
  router.add(Verb::post, base + "/review", http::permission("report.review", http::Scope::path, "unit_code"), [s](const RequestContext& rq) {
    return on_report(s, rq, Permission::report_review, [&](const Call& call, const ReportTarget& t) -> Reply {
      auto body = http::json_body(rq);
      if (!body) return http::bad_request(body.error());
      if (auto e = http::check_fields(body.value(), {{"comment", http::JsonType::text}})) return http::bad_request(*e);
      auto review = domain::parse_review(t.kpi.definition.type, body.value());
      if (!review) return http::bad_request(review.error());
      auto r = s->store.review(t.kpi, t.period, t.unit, review.value(), call.actor());
      if (!refused(r))
        text_message(s, t.unit, Permission::report_submit,
                     "KPI " + t.kpi.definition.number + " " + domain::period_id(t.period) + ": ตรวจแล้ว");
      return report_reply(s, t, r);
    });
  });
  router.add(Verb::delete_, base + "/review", http::permission("report.review", http::Scope::path, "unit_code"), [s](const RequestContext& rq) {
    return on_report(s, rq, Permission::report_review, [&](const Call& call, const ReportTarget& t) -> Reply {
      return report_reply(s, t, s->store.cancel_review(t.kpi, t.period, t.unit, call.actor()));
    });
  });
  router.add(Verb::post, base + "/return", http::permission("report.review", http::Scope::path, "unit_code"), [s](const RequestContext& rq) {
    return on_report(s, rq, Permission::report_review, [&](const Call& call, const ReportTarget& t) -> Reply {
      auto body = http::json_body(rq);
      if (!body) return http::bad_request(body.error());
      if (auto e = http::check_fields(body.value(), {{"reason", http::JsonType::text, true}})) return http::bad_request(*e);
      auto reason = domain::parse_return_reason(body.value());
      if (!reason) return http::bad_request(reason.error());
      auto r = s->store.return_report(t.kpi, t.period, t.unit, reason.value(), call.actor());
      if (!refused(r))
        text_message(s, t.unit, Permission::report_submit,
                     "KPI " + t.kpi.definition.number + " " + domain::period_id(t.period) + ": ส่งกลับแก้ไข " + reason.value());
      return report_reply(s, t, r);
    });
  });
  router.add(Verb::post, base + "/comments", http::signed_in(http::Scope::path, "unit_code"), [s](const RequestContext& rq) {
    return on_report(s, rq, std::nullopt, [&](const Call& call, const ReportTarget& t) -> Reply {
      auto body = http::json_body(rq);
      if (!body) return http::bad_request(body.error());
      const auto& b = body.value();
      if (auto e = http::check_fields(b, {{"body", http::JsonType::text, true}})) return http::bad_request(*e);
      auto text = domain::check_text(b.contains("body") && b["body"].is_string() ? b["body"].get<std::string>() : "",
                                     {"body", "ข้อความ", "Comment", 2000, true, true});
      if (!text) return http::bad_request(text.error());
      auto c = s->store.add_comment(t.kpi.id, t.period, t.unit, text.value(), call.actor());
      if (auto* no = std::get_if<Refusal>(&c)) return refuse(*no);
      const auto& cm = std::get<Comment>(c);
      return http::json_reply(Status::created, {{"id", cm.id}, {"kind", cm.kind}, {"author", cm.author}, {"body", cm.body}});
    });
  });
}

// ------------------------------------------------------------------ overview

Reply summary(const Services& s, const RequestContext& rq) {
  return signed_in(s, rq, [&](const Call& call) -> Reply {
    auto found = call.kpi(rq);
    if (auto* no = std::get_if<Reply>(&found)) return std::move(*no);
    const StoredKpi* k = &std::get<StoredKpi>(found);
    const bool all = call.sees_all_units(*k);
    call.read(rq, "kpi.summary.read", "kpi:" + std::to_string(k->id), all ? k->office_code : call.caller().org_code,
              {{"all_units", all}});
    // The office's view is the same for all its staff: served from the last reply while no
    // write has happened since (the revision is read before the data).
    const std::uint64_t revision = s->store.revision();
    if (all) {
      std::lock_guard lock(s->summary_mutex);
      auto it = s->summaries.find(k->id);
      if (it != s->summaries.end() && it->second.revision == revision) return json_text_reply(it->second.body);
    }
    json periods = json::array();
    for (auto& ps : s->store.summary(*k)) {
      json pj = period_json(ps.period, k->definition.year, ps.counts);
      json units = json::array();
      for (const auto& u : ps.units)
        if (all || call.reads_unit(u.unit_code)) units.push_back(u);
      pj["units"] = std::move(units);
      periods.push_back(std::move(pj));
    }
    std::string body = json{{"kpi_id", k->id}, {"periods", periods}}.dump();
    if (all) {
      std::lock_guard lock(s->summary_mutex);
      s->summaries[k->id] = {revision, body};
    }
    return json_text_reply(std::move(body));
  });
}

Reply review_queue(const Services& s, const RequestContext& rq) {
  return signed_in(s, rq, [&](const Call& call) -> Reply {
    auto year = year_param(rq);
    if (!year) return http::bad_request(year.error());
    std::map<std::int64_t, StoredKpi> kpis;
    for (auto& k : s->store.list(year.value()))
      if (call.can(Permission::report_review, k.office_code)) kpis.emplace(k.id, k);
    std::vector<std::int64_t> ids;
    for (const auto& [id, k] : kpis) ids.push_back(id);
    json out = json::array();
    for (const auto& item : s->store.review_queue(ids)) {
      const auto& k = kpis.at(item.kpi_id);
      json j = {{"kpi_id", item.kpi_id}, {"number", k.definition.number}, {"name", k.definition.name},
                {"period", item.period}, {"unit_code", item.unit_code}, {"submitted_at", item.updated_at}};
      if (const auto* n = call.orgs().find(item.unit_code)) j["unit_name"] = n->name_th;
      out.push_back(std::move(j));
    }
    return http::json_reply(Status::ok, out);
  });
}

// Exports: the year's overview (one row per KPI and period) and a KPI's unit matrix.
Table overview_table(KpiStore& store, const std::vector<StoredKpi>& kpis, int year) {
  Table t{"ภาพรวม " + std::to_string(year),
          {"เลขตัวชี้วัด", "ชื่อตัวชี้วัด", "รอบการรายงาน", "ส่งแล้ว", "ตรวจแล้ว", "ทั้งหมด", "คะแนนประเมินตนเองเฉลี่ย",
           "คะแนนผลการตรวจเฉลี่ย", "สถานะ"},
          {}};
  for (const auto& k : kpis)
    for (const auto& p : domain::periods_of(k.definition.cadence)) {
      const auto c = store.counts(k.id, p);
      const auto cell = [](const std::optional<double>& v) { return v ? Cell(*v) : Cell(); };
      t.rows.push_back({k.definition.number, k.definition.name, domain::period_label_th(p, year),
                        static_cast<double>(c.submitted), static_cast<double>(c.reviewed), static_cast<double>(c.total),
                        cell(c.avg_self()), cell(c.avg_review()),
                        std::string(k.definition.status == domain::KpiStatus::open ? "เปิด" : "ปิด")});
    }
  return t;
}

Table unit_table(KpiStore& store, const StoredKpi& k, const domain::OrgTree& orgs) {
  Table t{"หน่วยงาน", {"รหัสหน่วยงาน", "ชื่อหน่วยงาน"}, {}};
  const auto periods = domain::periods_of(k.definition.cadence);
  std::map<std::string, std::vector<Cell>> rows;
  for (std::size_t i = 0; i < periods.size(); ++i) {
    const std::string label = domain::period_label_th(periods[i], k.definition.year);
    t.headers.push_back(label + " สถานะ");
    t.headers.push_back(label + " ★ คะแนนประเมินตนเอง");
    t.headers.push_back(label + " ผู้รายงาน");
    t.headers.push_back(label + " ✓ คะแนนผลการตรวจ");
    t.headers.push_back(label + " ผู้ตรวจ");
    for (const auto& u : store.unit_reports(k.id, periods[i])) {
      auto& row = rows[u.unit_code];
      if (row.empty()) {
        const auto* n = orgs.find(u.unit_code);
        row = {u.unit_code, n ? n->name_th : std::string()};
        row.resize(2 + 5 * periods.size());
      }
      const std::size_t at = 2 + 5 * i;
      row[at] = std::string(domain::report_status_label_th(u.status));
      if (u.self_score) row[at + 1] = *u.self_score;
      row[at + 2] = u.reporter;
      if (u.review_score) row[at + 3] = *u.review_score;
      row[at + 4] = u.reviewer;
    }
  }
  for (auto& [code, row] : rows) t.rows.push_back(std::move(row));
  return t;
}

Reply file_download(std::string bytes, std::string content_type, const std::string& name) {
  http::StringResponse res{Status::ok, 11};
  res.set(http::beast::http::field::content_type, content_type);
  res.set(http::beast::http::field::cache_control, "no-store");
  res.set(http::beast::http::field::content_disposition, "attachment; filename=\"" + name + "\"");
  res.body() = std::move(bytes);
  res.prepare_payload();
  return res;
}

Reply export_table(const Services& s, const Table& t, bool xlsx, const std::string& base_name) {
  if (!xlsx) return file_download(to_csv(t), "text/csv; charset=utf-8", base_name + ".csv");
  return file_download(to_xlsx(t, s->files_dir.parent_path()),
                       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", base_name + ".xlsx");
}

Reply export_overview(const Services& s, const RequestContext& rq, bool xlsx) {
  return signed_in(s, rq, [&](const Call& call) -> Reply {
    auto year = year_param(rq);
    if (!year) return http::bad_request(year.error());
    std::vector<StoredKpi> kpis;
    for (auto& k : s->store.list(year.value()))
      if (call.sees_all_units(k)) kpis.push_back(k);
    call.read(rq, "kpi.export", "kpi_year:" + std::to_string(year.value()), call.caller().org_code,
              {{"format", xlsx ? "xlsx" : "csv"}, {"kpis", kpis.size()}});
    return export_table(s, overview_table(s->store, kpis, year.value()), xlsx, "kpi-" + std::to_string(year.value()) + "-overview");
  });
}

Reply export_units(const Services& s, const RequestContext& rq, bool xlsx) {
  return signed_in(s, rq, [&](const Call& call) -> Reply {
    auto found = call.kpi(rq);
    if (auto* no = std::get_if<Reply>(&found)) return std::move(*no);
    const StoredKpi* k = &std::get<StoredKpi>(found);
    if (!call.sees_all_units(*k)) return forbidden(Permission::view);
    call.read(rq, "kpi.units.export", "kpi:" + std::to_string(k->id), k->office_code, {{"format", xlsx ? "xlsx" : "csv"}});
    return export_table(s, unit_table(s->store, *k, call.orgs()), xlsx, "kpi-" + std::to_string(k->id) + "-units");
  });
}

// ------------------------------------------------------------------ public statistics

Reply public_stats(const Services& s, const RequestContext& rq) {
  auto year = year_param(rq);
  if (!year) return http::bad_request(year.error());
  json kpis = json::array();
  const auto& orgs = s->orgs();
  for (const auto& k : s->store.list(year.value())) {
    json periods = json::array();
    for (const auto& p : domain::periods_of(k.definition.cadence)) {
      json pj = domain::public_counts(s->store.counts(k.id, p));
      pj["period"] = domain::period_id(p);
      pj["label_th"] = domain::period_label_th(p, k.definition.year);
      pj["label_en"] = domain::period_label_en(p, k.definition.year);
      periods.push_back(std::move(pj));
    }
    const auto* office = orgs.find(k.office_code);
    kpis.push_back({{"id", k.id},
                    {"number", k.definition.number},
                    {"name", k.definition.name},
                    {"office_code", k.office_code},
                    {"office_name", office ? office->name_th : ""},
                    {"type", domain::kpi_type_id(k.definition.type)},
                    {"cadence", domain::cadence_id(k.definition.cadence)},
                    {"status", domain::kpi_status_id(k.definition.status)},
                    {"periods", periods}});
  }
  Reply r = http::json_reply(Status::ok, {{"year", year.value()}, {"min_count", domain::kMinPublicCount}, {"kpis", kpis}});
  // Aggregates only, the same for everyone: a short cache spares the server on busy days.
  std::get<http::StringResponse>(r).set(http::beast::http::field::cache_control, "public, max-age=30");
  return r;
}

// ------------------------------------------------------------------ notifications

Reply notifications(const Services& s, const RequestContext& rq) {
  return signed_in(s, rq, [&](const Call& call) -> Reply {
    std::vector<std::string> orgs;
    for (const auto& g : call.caller().grants) orgs.push_back(g.org_code);
    json out = json::array();
    for (const auto& n : s->store.notifications(orgs, 50)) {
      auto perm = domain::parse_permission(n.permission);
      if (!perm || !call.can(perm.value(), n.org_code)) continue;
      out.push_back({{"id", n.id}, {"kind", n.kind}, {"text_th", n.text_th}, {"text_en", n.text_en},
                     {"link", n.link}, {"created_at", n.created_at}});
    }
    return http::json_reply(Status::ok, out);
  });
}

}  // namespace

void add_kpi_routes(http::Router& router, std::shared_ptr<KpiServices> services) {
  const Services s = std::move(services);
  // Literal paths before "{id}" captures (the router takes the first match).
  router.add(Verb::get, "/api/v1/kpi", http::signed_in(http::Scope::subtree), [s](const RequestContext& rq) { return list_kpis(s, rq); });
  router.add(Verb::post, "/api/v1/kpi", http::permission("kpi.manage", http::Scope::body), [s](const RequestContext& rq) { return create_kpi(s, rq); });
  router.add(Verb::post, "/api/v1/kpi/copy", http::permission("kpi.manage", http::Scope::body), [s](const RequestContext& rq) { return copy_year(s, rq); });
  router.add(Verb::get, "/api/v1/kpi/queue", http::signed_in(http::Scope::subtree), [s](const RequestContext& rq) { return review_queue(s, rq); });
  router.add(Verb::get, "/api/v1/kpi/export.csv", http::signed_in(http::Scope::subtree), [s](const RequestContext& rq) { return export_overview(s, rq, false); });
  router.add(Verb::get, "/api/v1/kpi/export.xlsx", http::signed_in(http::Scope::subtree), [s](const RequestContext& rq) { return export_overview(s, rq, true); });
  router.add(Verb::get, "/api/v1/kpi/{id}", http::signed_in(http::Scope::object, "id"), [s](const RequestContext& rq) { return get_kpi(s, rq); });
  router.add(Verb::put, "/api/v1/kpi/{id}", http::permission("kpi.manage", http::Scope::object, "id"), [s](const RequestContext& rq) { return update_kpi(s, rq); });
  router.add(Verb::get, "/api/v1/kpi/{id}/summary", http::signed_in(http::Scope::object, "id"), [s](const RequestContext& rq) { return summary(s, rq); });
  router.add(Verb::get, "/api/v1/kpi/{id}/export.csv", http::signed_in(http::Scope::object, "id"), [s](const RequestContext& rq) { return export_units(s, rq, false); });
  router.add(Verb::get, "/api/v1/kpi/{id}/export.xlsx", http::signed_in(http::Scope::object, "id"), [s](const RequestContext& rq) { return export_units(s, rq, true); });
  router.add(Verb::get, "/api/v1/kpi/{id}/periods/{period}/units", http::signed_in(http::Scope::object, "id"), [s](const RequestContext& rq) { return get_units(s, rq); });
  router.add(Verb::put, "/api/v1/kpi/{id}/periods/{period}/units", http::permission("kpi.manage", http::Scope::object, "id"), [s](const RequestContext& rq) { return put_units(s, rq); });
  add_report_routes(router, s);
  add_kpi_file_routes(router, s);  // uploads, downloads, documents
  router.add(Verb::get, "/api/v1/public/stats", http::anyone(), [s](const RequestContext& rq) { return public_stats(s, rq); });
  router.add(Verb::get, "/api/v1/notifications", http::signed_in(http::Scope::subtree), [s](const RequestContext& rq) { return notifications(s, rq); });
}

}  // namespace server::kpi
