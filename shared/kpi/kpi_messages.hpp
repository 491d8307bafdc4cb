#pragma once
// What the KPI feature says to people, in Thai and English: the refusals of its store and
// routes, the notices a report's change sends, and the lines it adds to a report's thread.
#include <cstddef>
#include <string>

#include "shared/calendar/fiscal_year.hpp"
#include "shared/core/field_error.hpp"
#include "shared/kpi/report_lifecycle.hpp"

namespace domain {

FieldError kpi_not_found_error();
FieldError kpi_closed_error();
FieldError period_closed_error(const Period& p, int fiscal_year);
FieldError evidence_not_found_error(std::size_t index);  // files[index].file_id
FieldError unit_not_assigned_error(const std::string& unit);
FieldError kpi_number_taken_error(const std::string& number);
FieldError kpi_year_fixed_error();
FieldError kpi_cadence_locked_error();
FieldError unit_has_reported_error(const std::string& unit, ReportStatus status);

struct KpiNotice {
  std::string th, en;
};
KpiNotice report_submitted_notice(const std::string& number, const Period& p, int fiscal_year, const std::string& unit);
KpiNotice report_reviewed_notice(const std::string& number, const Period& p, int fiscal_year, double score);
KpiNotice report_returned_notice(const std::string& number, const Period& p, int fiscal_year, const std::string& reason);

// A score as people write it: 4, 3.5, 87.25.
std::string score_text(double score);
// The thread's line for a review ("คะแนน 4: comment") and for a cancelled one.
std::string review_thread_text(double score, const std::string& comment);
std::string cancel_review_thread_text();

}  // namespace domain
