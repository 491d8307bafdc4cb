// The KPI wire shapes and path parameters, shared by the KPI handlers.
#include "server/kpi/kpi_parts.hpp"

namespace server::kpi::detail {

using domain::Permission;
using http::Reply;
using http::RequestContext;
using http::Status;
using http::Verb;
using nlohmann::json;

// ------------------------------------------------------------------ replies and parameters

Reply json_text_reply(std::string body) {
  http::StringResponse res{Status::ok, 11};
  res.set(http::beast::http::field::content_type, "application/json; charset=utf-8");
  res.set(http::beast::http::field::cache_control, "no-store");
  res.body() = std::move(body);
  res.prepare_payload();
  return res;
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

}  // namespace server::kpi::detail
