#pragma once
// Row helpers that both halves of KpiStore use (kpi_store.cpp, kpi_report_store.cpp).
#include <cstdint>
#include <optional>
#include <string>

#include "server/kpi/kpi_store.hpp"

namespace server::kpi::rows {

// Scores are stored as integer hundredths so that sums stay exact.
std::int64_t hundredths(double score);
double from_hundredths(std::int64_t v);
Refusal conflict(domain::FieldError e);
Refusal not_assigned(const std::string& unit);
// The row of one unit's report, or nullopt when the unit is not assigned.
std::optional<Report> load_report(storage::Database& db, std::int64_t kpi_id, const std::string& period,
                                  const std::string& unit);
void apply_delta(storage::Database& db, std::int64_t kpi_id, const std::string& period,
                 const domain::SummaryCounts& d);

}  // namespace server::kpi::rows
