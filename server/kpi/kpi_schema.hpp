#pragma once
// The KPI tables (migrations 400-499), listed in server/storage/migrations.cpp.
#include <string_view>

namespace server::kpi {

// 400: definitions, reports, evidence, live summaries, comments, notifications.
extern const std::string_view kSchema400;
extern const std::string_view kSchema401;
// 402: one revision for every KPI write, read by each server before it serves a cached
// summary, so that several servers on one database never serve a stale one.
extern const std::string_view kSchema402;

}  // namespace server::kpi
