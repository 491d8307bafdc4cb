#pragma once
// The parts of the KPI routes, split by what they serve: definitions and units
// (kpi_routes.cpp), reports (kpi_report_routes.cpp), overview and exports
// (kpi_overview_routes.cpp), files (kpi_file_routes.cpp), and the wire shapes they share
// (kpi_wire.cpp). add_kpi_routes registers them all, in the order the router needs.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "server/kpi/kpi_call.hpp"

namespace server::kpi::detail {

template <class T>
nlohmann::json or_null(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json();
}

Reply json_text_reply(std::string body);
domain::Checked<domain::Period> period_param(const RequestContext& rq, const StoredKpi& k);
domain::Checked<int> year_param(const RequestContext& rq);
nlohmann::json period_json(const domain::Period& p, int year, const domain::SummaryCounts& c);
nlohmann::json kpi_json(KpiStore& store, const StoredKpi& k, const Call& call);
nlohmann::json report_json(const StoredKpi& k, const domain::Period& p, const Report& r, KpiStore& store);

void add_report_routes(http::Router& router, const Services& s);

Reply summary(const Services& s, const RequestContext& rq);
Reply review_queue(const Services& s, const RequestContext& rq);
Reply export_overview(const Services& s, const RequestContext& rq, bool xlsx);
Reply export_units(const Services& s, const RequestContext& rq, bool xlsx);
Reply public_stats(const Services& s, const RequestContext& rq);

}  // namespace server::kpi::detail
