#pragma once
// Reading the audit log: which entries an admin may see (their subtree) and the filters
// of GET /api/v1/audit (person, action, days in Thailand, paging), checked once here.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "shared/accounts/organisation.hpp"
#include "shared/accounts/permission.hpp"
#include "shared/calendar/buddhist_date.hpp"
#include "shared/core/field_error.hpp"

namespace domain {

// Reading the log needs users.manage: whoever manages a subtree's accounts answers for
// what is done there.
inline constexpr Permission audit_permission = Permission::users_manage;
inline constexpr int audit_page_default = 50;
inline constexpr int audit_page_max = 200;

// The query parameters as given (absent = empty).
struct AuditFilterInput {
  std::string person, action, from, to, before_id, limit;
};

struct AuditFilter {
  std::string person;            // a user id or a username; empty = anyone
  std::string action;            // an action ("user.read") or its family ("user"); empty = any
  std::optional<Date> from, to;  // days in Thailand, both included
  std::int64_t before_id = 0;    // entries older than this one; 0 = the newest
  int limit = audit_page_default;
};

// Error codes (field named): person_too_long, action_format, date_format / date_invalid
// (from, to), date_range (to before from), before_id_format, limit_range.
Checked<AuditFilter> parse_audit_filter(const AuditFilterInput& in);

// The instant a day in Thailand (UTC+7) starts, as the audit log writes times:
// 2026-12-01 -> "2026-11-30T17:00:00".
std::string thai_day_start_utc(const Date& day);
Date next_day(const Date& day);

// The organisations whose entries a holder of `grants` sees: every node under a grant of
// audit_permission; nullopt when such a grant sits on the tree's only root (every entry,
// unattributed ones too).
std::optional<std::vector<std::string>> audit_scope(const std::vector<Grant>& grants, const OrgTree& tree);

}  // namespace domain
