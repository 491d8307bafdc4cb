#pragma once
// The replies of the local education data API (api.md "Local education data") as typed
// values, for the clients: screens draw these, never raw JSON. Parsing never throws (the
// web build has no exceptions): a reply of the wrong shape is an `unexpected_reply` error,
// a missing optional member its default.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "shared/accounts/organisation.hpp"
#include "shared/calendar/buddhist_date.hpp"
#include "shared/core/field_error.hpp"
#include "shared/lec/child.hpp"
#include "shared/lec/confirmation.hpp"
#include "shared/lec/level.hpp"

namespace domain::lec_wire {

// A node named in a reply: "voided", "blocked_by", the institution a child attends.
struct OrgRef {
  std::string code, name_th;
  bool operator==(const OrgRef&) const = default;
};
// [{"code","name_th"}]; anything else: empty.
std::vector<OrgRef> parse_org_refs(const nlohmann::json& j);
// The "voided" list of a change's reply (empty when nothing was confirmed above it).
std::vector<OrgRef> voided_of(const nlohmann::json& reply_body);

// One line of GET .../children.
struct ChildRow {
  std::int64_t id = 0;
  ChildIdKind id_kind = ChildIdKind::national_id;
  std::string id_masked, title, first_name, last_name;
  Sex sex = Sex::m;
  std::optional<Date> birth_date;
  Level level = Level::k1;
  std::string room;
  bool removed = false;
  std::optional<RemovalReason> removed_reason;
  std::string removed_note, updated_at;

  std::string full_name() const;  // "ด.ช. สมชาย ใจดี"
  // The edit form's body from this row (id_number left for the user: only the mask is known).
  nlohmann::json form_body() const;
};
Checked<std::vector<ChildRow>> parse_children(const nlohmann::json& j);

// api.md `counts`: {"levels":{...},"total","lunch","milk"[,"lunch_baht","milk_baht"]}.
struct Counts {
  LevelCounts levels;
  std::int64_t total = 0, lunch = 0, milk = 0, lunch_baht = 0, milk_baht = 0;
};
Counts parse_counts(const nlohmann::json& j);

// One school of another affiliation an LGO funds (GET .../funded-schools).
struct FundedSchool {
  std::string code, name_th;
  LevelCounts counts;
  bool recorded = false;  // counts entered this year
  bool closed = false;
  std::string state;      // as the server words it ("recorded", "missing", ...)
};
Checked<std::vector<FundedSchool>> parse_funded_schools(const nlohmann::json& j);

// A node of GET .../progress: the node itself and each node directly below it.
struct ProgressNode {
  std::string code, name_th;
  std::optional<OrgKind> kind;
  bool confirmed = false;
  std::string confirmed_at, confirmed_by;
  std::optional<Date> deadline;
  std::optional<std::int64_t> days_left;
  NodeState state = NodeState::blocked;
  std::int64_t done = 0, total = 0;
  Counts counts;
  std::vector<OrgRef> blocked_by;
};
struct ProgressReply {
  ProgressNode node;
  std::vector<ProgressNode> below;
};
Checked<ProgressReply> parse_progress(const nlohmann::json& j);

// GET .../deadlines: each level's date, when set.
struct DeadlineDates {
  std::optional<Date> institution, local_government, province, department;
  std::optional<Date> of(RoundLevel l) const;
};
DeadlineDates parse_deadline_dates(const nlohmann::json& j);

// POST .../children/import: the counts, and every row's problems.
struct RowError {
  std::int64_t row = 0;
  FieldError error;
};
struct ImportResult {
  std::int64_t added = 0, updated = 0, unchanged = 0;
  std::vector<RowError> errors;
};
Checked<ImportResult> parse_import_result(const nlohmann::json& j);

// A 409's extras, from the whole error reply body: "blocked_by" (confirmation_blocked) and
// the institution a child attends (child_enrolled_elsewhere). Read at the top level and
// inside "error".
std::vector<OrgRef> blocked_by_of(const nlohmann::json& error_body);
std::optional<OrgRef> enrolled_at_of(const nlohmann::json& error_body);

// The error made for a reply of the wrong shape (Thai and English).
FieldError unexpected_reply(std::string what);

}  // namespace domain::lec_wire
