#pragma once
// Words of the KPI controller's screens (kpi.manage): the year's KPI list, the KPI editor,
// the reporting units of a period. Thai first.
#include "shared/ui/strings.hpp"

namespace ui::text::kpi_manage {

// The list of a fiscal year.
inline constexpr Text list_title{"จัดการตัวชี้วัด", "Manage KPIs"};
inline constexpr Text manage_link{"จัดการตัวชี้วัด (กำหนด แก้ไข มอบหมายหน่วยงาน)", "Manage KPIs (define, edit, assign units)"};
inline constexpr Text overview_link{"ภาพรวมการรายงาน", "Reporting overview"};
inline constexpr Text new_kpi{"+ เพิ่มตัวชี้วัด", "+ New KPI"};
inline constexpr Text edit{"แก้ไข", "Edit"};
inline constexpr Text units{"หน่วยงาน", "Units"};
inline constexpr Text status_open{"เปิด", "Open"};
inline constexpr Text status_closed{"ปิด", "Closed"};
inline constexpr Text column_number{"เลข", "No."};
inline constexpr Text column_periods{"รอบและหน่วยงาน [ส่ง/ตรวจ/ทั้งหมด]", "Periods and units [submitted/reviewed/total]"};
inline constexpr Text copy_year{"คัดลอกตัวชี้วัดของปีนี้ไปยังปีถัดไป", "Copy this year's KPIs into the next year"};
inline constexpr Text copying{"กำลังคัดลอก…", "Copying…"};
inline constexpr Text copied_into{"คัดลอกแล้ว จำนวนตัวชี้วัด: ", "KPIs copied: "};
inline constexpr Text copied_year{" ไปยังปีงบประมาณ ", " into fiscal year "};
inline constexpr Text show_year{"ดูปีงบประมาณ ", "Show fiscal year "};

// The editor.
inline constexpr Text new_title{"เพิ่มตัวชี้วัด", "New KPI"};
inline constexpr Text edit_title{"แก้ไขตัวชี้วัด", "Edit KPI"};
inline constexpr Text back_to_list{"‹ กลับไปรายการตัวชี้วัด", "‹ Back to the KPI list"};
inline constexpr Text number{"เลขตัวชี้วัด (เช่น 1 หรือ 1.2)", "KPI number (e.g. 1 or 1.2)"};
inline constexpr Text name{"ชื่อตัวชี้วัด", "KPI name"};
inline constexpr Text description{"รายละเอียดตัวชี้วัด", "Description"};
inline constexpr Text type{"ประเภทตัวชี้วัด", "KPI type"};
inline constexpr Text criteria{"เกณฑ์การประเมิน จากน้อยไปมาก (เช่น 2, 3, 4, 5)",
                               "Criteria levels, ascending (e.g. 2, 3, 4, 5)"};
inline constexpr Text owner_group{"กลุ่มงานที่รับผิดชอบ", "Owner group"};
inline constexpr Text cadence{"ลักษณะการรายงาน", "Cadence"};
inline constexpr Text cadence_monthly{"รายเดือน (ต.ค. - ก.ย.)", "Monthly (Oct - Sep)"};
inline constexpr Text cadence_quarterly{"รายไตรมาส", "Quarterly"};
inline constexpr Text cadence_half_year{"รอบ 6 เดือน และ 12 เดือน", "6-month and 12-month rounds"};
inline constexpr Text cadence_once{"ครั้งเดียว", "Once"};
inline constexpr Text open_periods{"รอบที่เปิดรับรายงาน", "Periods open for reports"};
inline constexpr Text cadence_locked_hint{"เปลี่ยนลักษณะการรายงานไม่ได้เมื่อมอบหมายหน่วยงานแล้ว",
                                          "The cadence cannot change once units are assigned"};
inline constexpr Text status{"สถานะตัวชี้วัด", "KPI status"};
inline constexpr Text status_open_long{"เปิด (รับรายงาน)", "Open (takes reports)"};
inline constexpr Text status_closed_long{"ปิด (แสดงผล ไม่รับรายงาน)", "Closed (visible, takes no reports)"};
inline constexpr Text save{"บันทึกตัวชี้วัด", "Save the KPI"};
inline constexpr Text saving{"กำลังบันทึก…", "Saving…"};
inline constexpr Text saved{"บันทึกแล้ว", "Saved"};
inline constexpr Text fix_fields{"โปรดแก้ไขช่องที่มีข้อความสีแดงก่อนบันทึก", "Correct the fields marked in red, then save"};
inline constexpr Text assign_units{"มอบหมายหน่วยงาน", "Assign units"};
inline constexpr Text assign_after_save{"บันทึกตัวชี้วัดก่อน จึงจะมอบหมายหน่วยงานและแนบเอกสารได้",
                                        "Save the KPI first; then assign units and attach documents"};

// Documents attached to a KPI.
inline constexpr Text documents{"เอกสารประกอบตัวชี้วัด", "Documents"};
inline constexpr Text no_documents{"ยังไม่มีเอกสาร", "No documents yet"};
inline constexpr Text document_kind{"ประเภทเอกสาร", "Kind of document"};
inline constexpr Text kind_description{"คำอธิบายตัวชี้วัด", "KPI description"};
inline constexpr Text kind_assessment_tool{"เครื่องมือประเมิน", "Assessment tool"};
inline constexpr Text kind_other{"อื่น ๆ", "Other"};
inline constexpr Text document_label{"ชื่อเอกสาร", "Document title"};
inline constexpr Text attach{"อัปโหลดและแนบเอกสาร", "Upload and attach"};
inline constexpr Text uploading{"กำลังอัปโหลด…", "Uploading…"};
inline constexpr Text attached{"แนบเอกสารแล้ว", "Document attached"};
inline constexpr Text open_document{"เปิด", "Open"};
inline constexpr Text remove_document{"นำออก", "Remove"};
inline constexpr Text document_types{"JPG, PNG, PDF, DOCX, XLSX, PPTX ไม่เกิน 10 MB",
                                     "JPG, PNG, PDF, DOCX, XLSX, PPTX up to 10 MB"};

// Reporting units of a period.
inline constexpr Text units_title{"หน่วยงานที่รายงาน", "Reporting units"};
inline constexpr Text units_intro{
    "เลือกหน่วยงานที่ต้องรายงานในรอบนี้: สถานศึกษา สำนักงานเอง หรือหน่วยงานอื่นในสังกัด หน่วยงานที่รายงานแล้วนำออกไม่ได้",
    "Choose the units that report in this period: schools, the office itself or its other units. A unit that has reported cannot be removed."};
inline constexpr Text filter{"ค้นหาจากชื่อหรือรหัส", "Filter by name or code"};
inline constexpr Text select_all{"เลือกทั้งหมด", "Select all"};
inline constexpr Text select_shown{"เลือกทั้งหมดที่แสดง", "Select all shown"};
inline constexpr Text clear{"ล้างการเลือก", "Clear"};
inline constexpr Text chosen{"เลือกแล้ว", "Chosen"};
inline constexpr Text of_schools{"จากสถานศึกษาทั้งหมด", "of the office's schools"};
inline constexpr Text reported_reason{"รายงานแล้ว นำออกไม่ได้", "has reported: cannot be removed"};
inline constexpr Text save_units{"บันทึกหน่วยงาน", "Save the units"};
inline constexpr Text units_saved{"บันทึกแล้ว หน่วยงานที่รายงานในรอบนี้: ", "Saved. Units reporting in this period: "};
inline constexpr Text unsaved{"ยังไม่ได้บันทึกการเปลี่ยนแปลง", "Changes not saved yet"};
inline constexpr Text no_schools{"ไม่พบสถานศึกษาในสังกัด", "No schools of this office"};
inline constexpr Text no_match{"ไม่พบสถานศึกษาที่ตรงกับคำค้น", "No school matches the filter"};
inline constexpr Text period{"รอบ", "Period"};

}  // namespace ui::text::kpi_manage
