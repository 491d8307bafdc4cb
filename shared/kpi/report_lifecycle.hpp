#pragma once
// One unit's report for one KPI period, as a state machine:
//
//   waiting_submit --save--> draft --confirm--> waiting_review --review--> reviewed
//                             ^  \                |  |    ^                   |
//                             |   `<--unconfirm---'  |    `---cancel review---'
//                             |                      `--return (reason)--> returned
//                             `------------------save------------------------'
//
// A returned report is edited (save -> draft) or confirmed again as it is; cancelling a
// review (or a return) puts it back in the review queue. Anything else is refused with a
// 409-type error saying what to do instead, and changes nothing.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/core/field_error.hpp"
#include "shared/kpi/kpi_definition.hpp"

namespace domain {

enum class ReportStatus { waiting_submit, draft, waiting_review, reviewed, returned };
std::string_view report_status_id(ReportStatus s);
std::string_view report_status_label_th(ReportStatus s);  // "รอส่ง", "ร่าง", "รอตรวจ", "ตรวจแล้ว", "ส่งกลับแก้ไข"
std::string_view report_status_label_en(ReportStatus s);
std::optional<ReportStatus> parse_report_status(std::string_view id);

enum class ReportAction { save_draft, confirm, unconfirm, review, return_report, cancel_review };
std::string_view report_action_id(ReportAction a);

// Error codes (field "status"): report_not_started (confirm with nothing saved),
// report_already_confirmed (save or confirm while waiting for review: unconfirm first),
// report_not_confirmed (unconfirm, review or return a report that is not waiting for review),
// report_already_reviewed (anything but cancel review on a reviewed report),
// report_not_reviewed (cancel review of a report with no review).
Checked<ReportStatus> next_status(ReportStatus from, ReportAction action);

// Whether the unit has reported: from then on it cannot be removed from the period.
bool has_reported(ReportStatus s);

// One evidence file of a report.
struct EvidenceFile {
  std::string file_id;
  std::string description;
  bool operator==(const EvidenceFile&) const = default;
};
constexpr std::size_t kMaxEvidenceFiles = 10;
constexpr std::size_t kMaxEvidenceDescriptionLength = 300;
constexpr std::size_t kMaxReviewCommentLength = 2000;
constexpr std::size_t kMaxReturnReasonLength = 2000;

// The "files" member of a draft: a list of at most 10 {"file_id","description"}, each
// description trimmed, of several lines, at most 300 characters and possibly still empty (a
// file is kept as soon as it is uploaded), no file twice. Error codes: files_format,
// files_too_many, file_id_required, text_too_long, file_duplicate (fields "files", "files[i].file_id",
// "files[i].description").
Checked<std::vector<EvidenceFile>> parse_evidence_files(const nlohmann::json& files);

// What the reporter fills in.
struct ReportDraft {
  std::optional<double> self_score;  // none yet while drafting
  std::vector<EvidenceFile> files;
};
// The api.md body of PUT .../reports/{unit}: {"self_score", "files"}; self_score may be
// null or absent while drafting, otherwise it must be within the KPI type's range.
Checked<ReportDraft> parse_report_draft(KpiType type, const nlohmann::json& body);

// Confirming needs a self score and every file described. Error codes: self_score_required
// (field "self_score"), evidence_description_required ("files[i].description").
std::optional<FieldError> check_ready_to_confirm(const ReportDraft& draft);
// The file at `index` has its description (evidence_description_required when empty).
std::optional<FieldError> check_evidence_described(const EvidenceFile& file, std::size_t index);

// POST .../review {"score","comment"}: the score within the type's range, the comment
// optional (at most 2000 characters).
struct Review {
  double score = 0;
  std::string comment;
};
Checked<Review> parse_review(KpiType type, const nlohmann::json& body);
// Returning a report: {"reason"} mandatory. Error code (field "reason"): reason_required.
Checked<std::string> parse_return_reason(const nlohmann::json& body);

}  // namespace domain
