#include "shared/kpi/report_lifecycle.hpp"

#include <set>

#include "shared/core/text.hpp"

namespace domain {

namespace {

FieldError conflict(std::string code, std::string th, std::string en) {
  return FieldError{std::move(code), "status", std::move(th), std::move(en)};
}
FieldError not_started() {
  return conflict("report_not_started", "ยังไม่มีรายงาน โปรดกรอกคะแนนและบันทึกก่อนยืนยัน",
                  "Nothing has been reported yet: enter a score and save before confirming");
}
FieldError already_confirmed() {
  return conflict("report_already_confirmed", "รายงานนี้ยืนยันแล้ว หากต้องการแก้ไขให้กด \"ยังไม่ยืนยันผล\" ก่อน",
                  "The report is already confirmed: unconfirm it first to make changes");
}
FieldError not_confirmed() {
  return conflict("report_not_confirmed", "รายงานนี้ยังไม่ได้ยืนยันส่งตรวจ",
                  "The report has not been confirmed for review");
}
FieldError already_reviewed() {
  return conflict("report_already_reviewed", "รายงานนี้ตรวจแล้ว ผู้ตรวจต้องยกเลิกผลการตรวจก่อนจึงจะแก้ไขได้",
                  "The report has been reviewed: the reviewer must cancel the review before changes");
}
FieldError not_reviewed() {
  return conflict("report_not_reviewed", "รายงานนี้ยังไม่มีผลการตรวจให้ยกเลิก",
                  "The report has no review to cancel");
}

}  // namespace

std::string_view report_status_id(ReportStatus s) {
  switch (s) {
    case ReportStatus::waiting_submit: return "waiting_submit";
    case ReportStatus::draft: return "draft";
    case ReportStatus::waiting_review: return "waiting_review";
    case ReportStatus::reviewed: return "reviewed";
    case ReportStatus::returned: return "returned";
  }
  return "waiting_submit";
}
std::string_view report_status_label_th(ReportStatus s) {
  switch (s) {
    case ReportStatus::waiting_submit: return "รอส่งรายงาน";
    case ReportStatus::draft: return "ร่าง (ยังไม่ยืนยัน)";
    case ReportStatus::waiting_review: return "รอตรวจ";
    case ReportStatus::reviewed: return "ตรวจแล้ว";
    case ReportStatus::returned: return "ส่งกลับแก้ไข";
  }
  return "";
}
std::string_view report_status_label_en(ReportStatus s) {
  switch (s) {
    case ReportStatus::waiting_submit: return "Waiting to submit";
    case ReportStatus::draft: return "Draft (not confirmed)";
    case ReportStatus::waiting_review: return "Waiting for review";
    case ReportStatus::reviewed: return "Reviewed";
    case ReportStatus::returned: return "Returned for changes";
  }
  return "";
}
std::optional<ReportStatus> parse_report_status(std::string_view id) {
  for (auto s : {ReportStatus::waiting_submit, ReportStatus::draft, ReportStatus::waiting_review,
                 ReportStatus::reviewed, ReportStatus::returned})
    if (report_status_id(s) == id) return s;
  return std::nullopt;
}

std::string_view report_action_id(ReportAction a) {
  switch (a) {
    case ReportAction::save_draft: return "save_draft";
    case ReportAction::confirm: return "confirm";
    case ReportAction::unconfirm: return "unconfirm";
    case ReportAction::review: return "review";
    case ReportAction::return_report: return "return";
    case ReportAction::cancel_review: return "cancel_review";
  }
  return "";
}

Checked<ReportStatus> next_status(ReportStatus from, ReportAction action) {
  using S = ReportStatus;
  if (from == S::reviewed && action != ReportAction::cancel_review) return already_reviewed();
  switch (action) {
    case ReportAction::save_draft:
      if (from == S::waiting_review) return already_confirmed();
      return S::draft;  // waiting_submit, draft, returned
    case ReportAction::confirm:
      if (from == S::waiting_submit) return not_started();
      if (from == S::waiting_review) return already_confirmed();
      return S::waiting_review;  // draft, returned
    case ReportAction::unconfirm:
    case ReportAction::review:
    case ReportAction::return_report:
      if (from != S::waiting_review) return not_confirmed();
      if (action == ReportAction::unconfirm) return S::draft;
      return action == ReportAction::review ? S::reviewed : S::returned;
    case ReportAction::cancel_review:
      if (from == S::reviewed || from == S::returned) return S::waiting_review;
      return not_reviewed();
  }
  return not_started();
}

bool has_reported(ReportStatus s) { return s != ReportStatus::waiting_submit; }

Checked<std::vector<EvidenceFile>> parse_evidence_files(const nlohmann::json& files) {
  std::vector<EvidenceFile> out;
  if (files.is_null()) return out;
  if (!files.is_array())
    return FieldError{"files_format", "files", "ไฟล์หลักฐานต้องเป็นรายการ", "Evidence files must be a list"};
  if (files.size() > kMaxEvidenceFiles)
    return FieldError{"files_too_many", "files",
                      "แนบไฟล์หลักฐานได้ไม่เกิน " + std::to_string(kMaxEvidenceFiles) + " ไฟล์",
                      "At most " + std::to_string(kMaxEvidenceFiles) + " evidence files"};
  std::set<std::string> seen;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const std::string at = "files[" + std::to_string(i) + "]";
    const auto& f = files[i];
    const auto id = f.is_object() ? f.find("file_id") : f.end();
    if (!f.is_object() || id == f.end() || !id->is_string() || id->get<std::string>().empty())
      return FieldError{"file_id_required", at + ".file_id", "ไม่พบไฟล์ที่แนบ โปรดอัปโหลดไฟล์อีกครั้ง",
                        "The file is missing: upload it again"};
    const auto desc = f.find("description");
    if (desc != f.end() && !desc->is_null() && !desc->is_string())  // not read as an empty description
      return FieldError{"wrong_type", at + ".description", "คำอธิบายไฟล์ต้องเป็นข้อความ", "A file description must be text"};
    // Empty while drafting: an uploaded file is kept at once, described later.
    auto description = check_text(desc != f.end() && desc->is_string() ? desc->get<std::string>() : "",
                                  {"description", "คำอธิบายไฟล์", "File description", kMaxEvidenceDescriptionLength, false, true});
    if (!description) return in_field(description.error(), at + ".description");
    if (!seen.insert(id->get<std::string>()).second)
      return FieldError{"file_duplicate", at + ".file_id", "แนบไฟล์เดียวกันซ้ำ", "The same file is attached twice"};
    out.push_back({id->get<std::string>(), description.value()});
  }
  return out;
}

Checked<ReportDraft> parse_report_draft(KpiType type, const nlohmann::json& body) {
  if (!body.is_object())
    return FieldError{"body_format", "", "ข้อมูลที่ส่งมาต้องเป็น JSON object", "The body must be a JSON object"};
  ReportDraft d;
  const auto score = body.find("self_score");
  if (score != body.end() && !score->is_null()) {
    auto s = check_score(type, *score, "self_score");
    if (!s) return s.error();
    d.self_score = s.value();
  }
  const auto files = body.find("files");
  auto parsed = parse_evidence_files(files == body.end() ? nlohmann::json() : *files);
  if (!parsed) return parsed.error();
  d.files = parsed.value();
  return d;
}

std::optional<FieldError> check_ready_to_confirm(const ReportDraft& draft) {
  if (!draft.self_score)
    return FieldError{"self_score_required", "self_score", "กรุณาระบุคะแนนประเมินตนเองก่อนยืนยัน",
                      "Enter the self-assessment score before confirming"};
  for (std::size_t i = 0; i < draft.files.size(); ++i)
    if (auto e = check_evidence_described(draft.files[i], i)) return e;
  return std::nullopt;
}

std::optional<FieldError> check_evidence_described(const EvidenceFile& file, std::size_t index) {
  if (!trim(file.description).empty()) return std::nullopt;
  return FieldError{"evidence_description_required", "files[" + std::to_string(index) + "].description",
                    "กรุณาระบุคำอธิบายของไฟล์หลักฐานลำดับที่ " + std::to_string(index + 1),
                    "Describe evidence file " + std::to_string(index + 1)};
}

Checked<Review> parse_review(KpiType type, const nlohmann::json& body) {
  if (!body.is_object())
    return FieldError{"body_format", "", "ข้อมูลที่ส่งมาต้องเป็น JSON object", "The body must be a JSON object"};
  Review r;
  auto score = check_score(type, body.contains("score") ? body["score"] : nlohmann::json(), "score");
  if (!score) return score.error();
  r.score = score.value();
  const auto c = body.find("comment");
  auto comment = check_text(c != body.end() && c->is_string() ? c->get<std::string>() : "",
                            {"comment", "ความเห็น", "Comment", kMaxReviewCommentLength, false, true});
  if (!comment) return comment.error();
  r.comment = comment.value();
  return r;
}

Checked<std::string> parse_return_reason(const nlohmann::json& body) {
  const auto r = body.is_object() ? body.find("reason") : body.end();
  auto reason = check_text(body.is_object() && r != body.end() && r->is_string() ? r->get<std::string>() : "",
                           {"reason", "เหตุผลที่ส่งกลับ", "Reason for returning", kMaxReturnReasonLength, true, true});
  if (!reason) {
    FieldError e = reason.error();
    if (e.code == "required") {
      e.code = "reason_required";
      e.message_th = "กรุณาระบุเหตุผลที่ส่งรายงานกลับ เพื่อให้สถานศึกษาแก้ไขได้ถูกต้อง";
      e.message_en = "Give the reason for returning the report, so the school knows what to fix";
    }
    return e;
  }
  return reason.value();
}

}  // namespace domain
