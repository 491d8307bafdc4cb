// Reports: a unit's report of one KPI period, its files, review, return and comments.
#include <set>

#include "server/http/errors.hpp"
#include "server/http/json_body.hpp"
#include "server/http/json_request.hpp"
#include "server/kpi/kpi_parts.hpp"
#include "server/kpi/table_export.hpp"
#include "shared/directory/institution_code.hpp"

namespace server::kpi::detail {

namespace {

using domain::Permission;
using http::Reply;
using http::RequestContext;
using http::Status;
using http::Verb;
using nlohmann::json;

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

}  // namespace

void add_report_routes(http::Router& router, const Services& s) {
  const std::string base = "/api/v1/kpi/{id}/periods/{period}/reports/{unit_code}";
  router.add(Verb::get, base, http::signed_in(http::Scope::path, "unit_code"), [s](const RequestContext& rq) {
    return on_report(s, rq, std::nullopt, [&](const Call& call, const ReportTarget& t) -> Reply {
      auto r = s->store.report(t.kpi.id, t.period, t.unit);
      if (!r) return refuse({404, {"unit_not_assigned", "unit_code", "หน่วยงานนี้ไม่ได้รับมอบหมายให้รายงานในรอบนี้",
                                   "This unit is not assigned to report in this period"}});
      call.read(rq, "kpi.report.read", "kpi:" + std::to_string(t.kpi.id), t.unit, {{"period", domain::period_id(t.period)}});
      json j = report_json(t.kpi, t.period, *r, s->store);
      if (const auto* n = call.orgs().find(t.unit)) j["unit_name"] = n->name_th;
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

}  // namespace server::kpi::detail
