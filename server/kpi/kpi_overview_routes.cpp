// Overview: summaries, the review queue, exports and public statistics.
#include <set>

#include "server/http/errors.hpp"
#include "server/http/upload_reply.hpp"
#include "server/http/json_body.hpp"
#include "server/http/json_request.hpp"
#include "server/kpi/kpi_parts.hpp"
#include "server/kpi/table_export.hpp"
#include "shared/directory/institution_code.hpp"

namespace server::kpi::detail {

using domain::Permission;
using http::Reply;
using http::RequestContext;
using http::Status;
using http::Verb;
using nlohmann::json;

// ------------------------------------------------------------------ overview

Reply summary(const Services& s, const RequestContext& rq) {
  return signed_in(s, rq, [&](const Call& call) -> Reply {
    // The office's view is the same for all its staff: served ready (tag and compressed
    // copies made once) while no write has happened since. The revision is read before
    // anything else, in every server process: what was kept at it is current, the KPI too.
    const std::int64_t revision = s->store.revision();
    std::shared_ptr<const KpiServices::CachedSummary> kept;
    if (const auto id = id_param(rq)) kept = s->summaries.find(*id, revision);
    std::variant<StoredKpi, Reply> found;  // read only when nothing is kept
    const StoredKpi* k = nullptr;
    if (kept) {
      if (auto no = call.refusal(kept->kpi)) return std::move(*no);
      k = &kept->kpi;
    } else {
      found = call.kpi(rq);
      if (auto* no = std::get_if<Reply>(&found)) return std::move(*no);
      k = &std::get<StoredKpi>(found);
    }
    const bool all = call.sees_all_units(*k);
    // Polled by the overview screen: a read counted, not a write per poll.
    call.read_repeated(rq, "kpi.summary.read", "kpi:" + std::to_string(k->id),
                       all ? k->office_code : call.caller().org_code, {{"all_units", all}});
    if (all && kept) return http::ready_json_reply(*kept->reply, rq.request);
    json periods = json::array(), names = json::object();
    for (auto& ps : s->store.summary(*k)) {
      json pj = period_json(ps.period, k->definition.year, ps.counts);
      json units = json::array();
      for (const auto& u : ps.units)
        if (all || call.reads_unit(u.unit_code)) {
          units.push_back(u);
          if (const auto* n = call.orgs().find(u.unit_code)) names[u.unit_code] = n->name_th;
        }
      pj["units"] = std::move(units);
      periods.push_back(std::move(pj));
    }
    std::string body = json{{"kpi_id", k->id}, {"periods", periods}, {"unit_names", names}}.dump();
    if (!all) return json_text_reply(std::move(body));
    auto ready = http::make_ready_json(std::move(body));
    s->summaries.keep(k->id, revision,
                      std::make_shared<const KpiServices::CachedSummary>(KpiServices::CachedSummary{*k, ready}));
    return http::ready_json_reply(*ready, rq.request);
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

namespace {

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

Reply export_table(const Services& s, const Table& t, bool xlsx, const std::string& base_name) {
  if (!xlsx) return http::download_reply(to_csv(t), "text/csv; charset=utf-8", base_name + ".csv");
  return http::download_reply(to_xlsx(t, s->files_dir.parent_path()),
                       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", base_name + ".xlsx");
}

}  // namespace

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

}  // namespace server::kpi::detail
