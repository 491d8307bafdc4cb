#pragma once
// Words of the KPI reporting screens (the school's KPIs, the report form, the review queue
// and screen, notifications), Thai first.
#include "shared/ui/strings.hpp"

namespace ui::text::kpi_report {

// The school's KPIs (#/kpi/school)
inline constexpr Text school_title{"รายงานตัวชี้วัดของสถานศึกษา", "My school's KPI reports"};
inline constexpr Text school_intro{
    "ตัวชี้วัดที่สถานศึกษาได้รับมอบหมายในปีงบประมาณนี้ กด \"รายงาน\" เพื่อแนบหลักฐานและประเมินตนเอง",
    "The KPIs your school is assigned this fiscal year. Press \"Report\" to attach evidence and score yourself."};
inline constexpr Text no_assigned{"ปีงบประมาณนี้สถานศึกษายังไม่ได้รับมอบหมายตัวชี้วัด",
                                  "Your school has no KPIs assigned in this fiscal year"};
inline constexpr Text action_report{"รายงาน", "Report"};
inline constexpr Text action_view{"ดูรายงาน", "View"};
inline constexpr Text period_closed{"ปิดรับรายงาน", "Closed"};
inline constexpr Text self_score_short{"คะแนนตนเอง", "Self score"};
inline constexpr Text review_score_short{"คะแนนตรวจ", "Review score"};

// The report form (#/kpi/report/<kpi>/<period>/<unit>)
inline constexpr Text report_title{"รายงานตัวชี้วัด", "KPI report"};
inline constexpr Text back_to_list{"กลับไปรายการตัวชี้วัด", "Back to the KPI list"};
inline constexpr Text status{"สถานะ", "Status"};
inline constexpr Text evidence{"ไฟล์หลักฐาน (ไม่เกิน 10 ไฟล์ ไฟล์ละไม่เกิน 10 MB: JPG, PNG, PDF, DOCX, XLSX, PPTX)",
                               "Evidence files (at most 10, each up to 10 MB: JPG, PNG, PDF, DOCX, XLSX, PPTX)"};
inline constexpr Text no_files{"ยังไม่มีไฟล์หลักฐาน", "No evidence files yet"};
inline constexpr Text add_file{"เพิ่มไฟล์หลักฐาน", "Add an evidence file"};
inline constexpr Text description{"คำอธิบายไฟล์ (จำเป็นก่อนยืนยัน)", "File description (needed to confirm)"};
inline constexpr Text criteria_levels{"เกณฑ์:", "Criteria:"};
inline constexpr Text description_hint{"ไฟล์นี้แสดงอะไร เช่น ภาพกิจกรรมวันที่ ...", "What this file shows, e.g. photos of the activity on ..."};
inline constexpr Text undescribed{"บันทึกไฟล์แล้ว ยังไม่มีคำอธิบาย: ใส่คำอธิบายก่อนกดยืนยัน",
                                  "File saved, not yet described: describe it before confirming"};
inline constexpr Text remove_file{"ลบไฟล์", "Remove"};
inline constexpr Text download{"ดาวน์โหลด", "Download"};
inline constexpr Text uploading{"กำลังอัปโหลด…", "Uploading…"};
inline constexpr Text self_score{"คะแนนประเมินตนเอง", "Self-assessment score"};
inline constexpr Text saved{"บันทึกร่างแล้ว", "Draft saved"};
inline constexpr Text saving{"กำลังบันทึก…", "Saving…"};
inline constexpr Text not_saved{"ยังไม่ได้บันทึก:", "Not saved:"};
inline constexpr Text not_saved_fix{"ยังไม่ได้บันทึก โปรดแก้ไขช่องที่มีข้อความสีแดง",
                                    "Not saved: correct the fields marked in red"};
inline constexpr Text edits_pending{"มีการแก้ไขที่ยังไม่ได้บันทึก", "Unsaved changes"};
inline constexpr Text confirm{"ยืนยันส่งตรวจ", "Confirm and send for review"};
inline constexpr Text unconfirm{"ยังไม่ยืนยันผล (ถอนกลับมาแก้ไข)", "Unconfirm (take back to edit)"};
inline constexpr Text read_only{"รายงานนี้แก้ไขไม่ได้ในสถานะนี้", "This report cannot be edited in this state"};
inline constexpr Text closed_note{"ตัวชี้วัดหรือรอบนี้ปิดรับรายงานแล้ว", "This KPI or period no longer takes reports"};
inline constexpr Text returned_reason{"ส่งกลับแก้ไข เหตุผล:", "Returned for changes, reason:"};
inline constexpr Text review_result{"ผลการตรวจ:", "Review:"};
inline constexpr Text reviewer_comment{"ความเห็นผู้ตรวจ:", "Reviewer's comment:"};

// The thread of comments (both screens)
inline constexpr Text thread{"ความเห็น", "Comments"};
inline constexpr Text no_comments{"ยังไม่มีความเห็น", "No comments yet"};
inline constexpr Text comment_hint{"เขียนความเห็น", "Write a comment"};
inline constexpr Text send_comment{"ส่งความเห็น", "Send comment"};
inline constexpr Text kind_return{"ส่งกลับ", "Returned"};
inline constexpr Text kind_review{"ผลการตรวจ", "Review"};
inline constexpr Text kind_cancel{"ยกเลิกผลการตรวจ", "Review cancelled"};

// The review queue (#/kpi/queue)
inline constexpr Text queue_title{"รายงานรอตรวจ", "Reports waiting for review"};
inline constexpr Text queue_empty{"ไม่มีรายงานรอตรวจ", "No reports are waiting for review"};
inline constexpr Text all_kpis{"ทุกตัวชี้วัด", "All KPIs"};
inline constexpr Text all_periods{"ทุกรอบ", "All periods"};
inline constexpr Text submitted_at{"ส่งเมื่อ", "Submitted"};

// The review screen (#/kpi/review/<kpi>/<period>/<unit>)
inline constexpr Text review_title{"ตรวจรายงานตัวชี้วัด", "Review a KPI report"};
inline constexpr Text back_to_queue{"กลับไปรายการรอตรวจ", "Back to the queue"};
inline constexpr Text unit{"หน่วยงาน", "Unit"};
inline constexpr Text review_score{"คะแนนผลการตรวจ", "Review score"};
inline constexpr Text review_comment{"ความเห็น (ไม่บังคับ)", "Comment (optional)"};
inline constexpr Text give_score{"บันทึกผลการตรวจ", "Save the review"};
inline constexpr Text return_reason{"เหตุผลที่ส่งกลับ (จำเป็นเมื่อส่งกลับ)", "Reason for returning (required to return)"};
inline constexpr Text return_report{"ส่งกลับให้แก้ไข", "Return for changes"};
inline constexpr Text cancel_review{"ยกเลิกผลการตรวจ / การส่งกลับ", "Cancel the review / return"};
inline constexpr Text review_done{"บันทึกแล้ว", "Done"};

// Notifications (#/notifications and the top bar)
inline constexpr Text notifications{"การแจ้งเตือน", "Notifications"};
inline constexpr Text no_notifications{"ยังไม่มีการแจ้งเตือน", "No notifications"};
inline constexpr Text open_link{"เปิด", "Open"};
// Work that arrived (shared/notifications/work_notice.hpp), tagged next to its time.
inline constexpr Text notice_letter{"หนังสือแต่งตั้งรอตรวจ", "Letter to review"};
inline constexpr Text notice_access_request{"คำขอใช้งานรอพิจารณา", "Access request to decide"};

// Ways in (home)
inline constexpr Text nav_school_reports{"รายงานตัวชี้วัด", "KPI reports"};
inline constexpr Text nav_queue{"ตรวจรายงานตัวชี้วัด", "Review KPI reports"};

}  // namespace ui::text::kpi_report
