#pragma once
// The signed-in user's desk (GET /api/v1/me/desk): one entry per kind of work their
// permissions allow, with how much waits for them in their subtree and, where the work has
// a closing date, the days left. Which permission gives each kind and how it is said live
// here, so the server offers exactly what the client shows.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/accounts/permission.hpp"
#include "shared/calendar/fiscal_year.hpp"
#include "shared/kpi/report_lifecycle.hpp"
#include "shared/core/field_error.hpp"

namespace domain {

// In the order the desk shows them: counted work first.
enum class DeskKind {
  registrations_review,  // school registrations waiting for review
  access_requests,       // school website access requests waiting for a decision
  kpi_review,            // KPI reports waiting for review
  kpi_report,            // KPI reports the user's units still have to send
  lec_confirm,           // local education data not yet confirmed below the user's node
  kpi_manage,            // defining KPIs (no count)
  users,                 // user administration (no count)
  audit,                 // the audit log (no count)
};

struct DeskKindInfo {
  DeskKind kind;
  std::string_view id;  // wire value, e.g. "kpi_review"
  std::vector<Permission> any_of;  // holding one of these anywhere offers the kind
  bool counted;                    // the entry carries a count
  std::string_view title_th, title_en;
  std::string_view waiting_th, waiting_en;  // after the count: "3 รายการรอตรวจ" / "3 waiting for review"
  std::string_view route;                   // the client screen that does the work
};
const std::vector<DeskKindInfo>& desk_kinds();
const DeskKindInfo& info(DeskKind kind);
std::string_view to_string(DeskKind kind);
// Error code (field as given): desk_kind_unknown.
Checked<DeskKind> parse_desk_kind(std::string_view id, const std::string& field = "kind");

// The kinds offered to someone holding `grants`, in desk order.
std::vector<DeskKind> desk_for(const std::vector<Grant>& grants);

struct DeskEntry {
  DeskKind kind = DeskKind::audit;
  std::optional<std::int64_t> count;      // counted kinds only
  std::optional<std::int64_t> days_left;  // to the nearest closing; negative once passed
  bool operator==(const DeskEntry&) const = default;
};

// The count said in words: "ไม่มีรายการรอตรวจ" / "nothing waiting", "3 รายการรอตรวจ" / "3 waiting for review".
std::string count_text_th(DeskKind kind, std::int64_t count);
std::string count_text_en(DeskKind kind, std::int64_t count);

// The nearest closing among `days` (days left per piece of work): the soonest still to
// come, or, when every one has passed, the latest passed. nullopt when empty.
std::optional<std::int64_t> nearest_closing(const std::vector<std::int64_t>& days);

// A unit's report still to be sent: not started, a draft, or returned for correction.
bool unit_must_send(ReportStatus status);
// Days from `today` to the last day of a KPI period (0 on the day, negative once passed).
std::int64_t period_days_left(const Period& period, int fiscal_year, const Date& today);

// Wire: {"entries":[{"kind","count"?,"days_left"?}]}.
void to_json(nlohmann::json& j, const DeskEntry& e);
nlohmann::json desk_json(const std::vector<DeskEntry>& entries);
// Checks the reply's shape; entries of a kind this build does not know are skipped (a newer
// server may offer more). Error codes: desk_format (field "entries[i]...").
Checked<std::vector<DeskEntry>> parse_desk(const nlohmann::json& body);

}  // namespace domain
