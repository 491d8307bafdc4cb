#pragma once
// Confirmation up the tree (product.md 3, api.md "Local education data"), as pure functions
// of the organisation tree and of what stands confirmed in a round:
//
//   institution --> local-government org --> provincial office --> department
//
// A node confirms only when every node directly below it has (an LGO also waits for the
// counts of every school of another affiliation it funds). Any change to data at a node
// voids the confirmation of that node and of every node above it, so no confirmed figure
// ever differs from the data beneath it. The store applies these answers in the same
// transaction as the change.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "shared/accounts/organisation.hpp"
#include "shared/accounts/permission.hpp"
#include "shared/calendar/buddhist_date.hpp"
#include "shared/core/field_error.hpp"
#include "shared/lec/level.hpp"

namespace domain {

// What stands in one academic year's round.
struct RoundState {
  std::set<std::string, std::less<>> confirmed;  // codes of nodes with a standing confirmation
  // LGO code -> codes of the funded schools of another affiliation that have no counts yet.
  std::map<std::string, std::vector<std::string>, std::less<>> funded_missing;
};

// The nodes that take part: the department(s) with provincial offices below them, and
// everything under those. (สพฐ.'s area offices and their schools do not: they appear only
// as funded schools of an LGO.)
bool takes_part(const OrgTree& tree, std::string_view code);
// The departments that take part (in the demo directory: 5000000000).
std::vector<std::string> round_roots(const OrgTree& tree);

// Who stands in the way of `code` confirming, in tree order: the direct children that have
// not confirmed, then (an LGO) its funded schools without counts.
std::vector<std::string> blockers(const OrgTree& tree, const RoundState& state, std::string_view code);

// May `code` be confirmed now? Error codes (field null): confirmation_not_in_round (a node
// outside the round), confirmation_exists (409: already confirmed), confirmation_blocked
// (409; the caller adds "blocked_by" from blockers()).
std::optional<FieldError> check_confirm(const OrgTree& tree, const RoundState& state, std::string_view code);
// Withdrawing: error confirmation_missing (409) when `code` has no confirmation.
std::optional<FieldError> check_withdraw(const RoundState& state, std::string_view code);

// The confirmations a change of data at `code` voids: `code` itself and every ancestor
// that stands confirmed, nearest first (a withdrawal voids the ancestors: pass the parent).
std::vector<std::string> voided_by_change(const OrgTree& tree, const RoundState& state, std::string_view code);

// data.confirm on the node or above it. on_behalf: the grant sits above it, not on it.
bool may_confirm(const std::vector<Grant>& grants, const OrgTree& tree, std::string_view code);
bool confirms_on_behalf(const std::vector<Grant>& grants, const OrgTree& tree, std::string_view code);

// How far a subtree is: the confirming nodes of the subtree of `code` (itself included)
// and how many of them stand confirmed.
struct Progress {
  std::int64_t done = 0;
  std::int64_t total = 0;
  bool operator==(const Progress&) const = default;
};
Progress progress(const OrgTree& tree, const RoundState& state, std::string_view code);
// progress() of every node that takes part, in one walk of the round (a national round has
// ~28,000 nodes: the progress view must not walk each subtree again).
std::map<std::string, Progress, std::less<>> progress_all(const OrgTree& tree, const RoundState& state);

enum class NodeState { confirmed, ready, blocked };
std::string_view to_string(NodeState s);  // "confirmed", "ready", "blocked"
std::string_view label_th(NodeState s);   // "ยืนยันแล้ว", "พร้อมยืนยัน", "รอหน่วยงานในสังกัด"
std::string_view label_en(NodeState s);
NodeState node_state(const OrgTree& tree, const RoundState& state, std::string_view code);

// The level of the round a node confirms at; a deadline is set for each.
enum class RoundLevel { institution, local_government, province, department };
std::optional<RoundLevel> round_level(OrgKind kind);  // centre / area office: none
std::string_view to_string(RoundLevel l);            // the api.md deadline keys

// PUT .../deadlines {"institution","local_government","province","department"}: ISO
// dates, each level on or after the one below it, none before `today`. Error codes (field
// = the key): deadline_required, date_format, date_invalid, deadline_past, deadline_order.
struct Deadlines {
  Date institution, local_government, province, department;
  Date of(RoundLevel l) const;
  bool operator==(const Deadlines&) const = default;
};
Checked<Deadlines> parse_deadlines(const nlohmann::json& body, const Date& today);
// Days from `today` to the deadline (0 on the day, negative once passed).
std::int64_t days_left(const Date& deadline, const Date& today);
// "เหลือ 12 วัน" / "12 days left", "วันสุดท้าย" / "last day", "เลยกำหนด 3 วัน" / "3 days late".
std::string days_left_th(std::int64_t days);
std::string days_left_en(std::int64_t days);

// What changed beneath a confirmation, for the people who had confirmed it.
struct DataChange {
  std::string institution_code;
  std::string institution_name_th;
  std::string what;  // "child_added", "child_edited", "child_removed", "import", "move_in", "move_out", "funded_counts", "withdrawn", "centre_profile"
  LevelCounts before, after;  // the counts of that institution (or funded school)
};
// "โรงเรียนเทศบาล 3: ป.1 25 → 24, ป.2 30 → 31" and the English; levels that did not change
// are left out ("no change in counts" when none did).
std::string change_summary_th(const DataChange& c);
std::string change_summary_en(const DataChange& c);
// The SMS to a confirmer whose confirmation was voided (Thai, under 300 characters).
std::string voided_sms(std::string_view node_name_th, const DataChange& c);

}  // namespace domain
