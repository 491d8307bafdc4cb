#pragma once
// Words of an institution's register of children (ทะเบียนเด็ก): the list, the form, removal,
// the import and the class list. Thai first.
#include "shared/ui/strings.hpp"

namespace ui::text::lec_register {

inline constexpr Text title{"ทะเบียนเด็ก", "Register of children"};
inline constexpr Text read_only{"ดูได้อย่างเดียว: ชื่อและเลขประจำตัวแบบปิดบางส่วน", "Read only: names and masked IDs"};
inline constexpr Text tab_attending{"กำลังศึกษา", "Attending"};
inline constexpr Text tab_removed{"จำหน่ายออกแล้ว", "Removed"};
inline constexpr Text search{"ค้นหาชื่อหรือเลขประจำตัว", "Search a name or ID"};
inline constexpr Text all_levels{"ทุกระดับชั้น", "All levels"};
inline constexpr Text no_children{"ไม่มีรายชื่อเด็ก", "No children"};
inline constexpr Text children_shown{"จำนวนที่แสดง: ", "Shown: "};
inline constexpr Text add_child{"+ เพิ่มเด็ก", "+ Add a child"};
inline constexpr Text edit{"แก้ไข", "Edit"};
inline constexpr Text remove{"จำหน่าย", "Remove"};
inline constexpr Text restore{"คืนสถานะ", "Restore"};
inline constexpr Text reveal{"แสดงเลข", "Show ID"};
inline constexpr Text reveal_note{"การแสดงเลขประจำตัวถูกบันทึกไว้", "Showing an ID is recorded"};
inline constexpr Text class_list{"พิมพ์รายชื่อชั้นเรียน (PDF)", "Class list (PDF)"};
inline constexpr Text room{"ห้อง", "Room"};
inline constexpr Text import_file{"นำเข้าจากไฟล์ CSV/XLSX", "Import a CSV/XLSX file"};

// Columns.
inline constexpr Text column_id{"เลขประจำตัว", "ID"};
inline constexpr Text column_name{"ชื่อ-สกุล", "Name"};
inline constexpr Text column_level{"ชั้น/ห้อง", "Level/room"};
inline constexpr Text column_birth{"วันเกิด", "Born"};
inline constexpr Text column_reason{"เหตุผล", "Reason"};

// The form.
inline constexpr Text add_title{"เพิ่มเด็ก", "Add a child"};
inline constexpr Text edit_title{"แก้ไขข้อมูลเด็ก", "Edit a child"};
inline constexpr Text id_number{"เลขประจำตัวประชาชน 13 หลัก หรือ G-Code", "13-digit national ID or G-Code"};
inline constexpr Text id_keep{"เว้นว่างไว้เพื่อใช้เลขเดิม: ", "Leave empty to keep: "};
inline constexpr Text child_title{"คำนำหน้า (ด.ช., ด.ญ.)", "Title (ด.ช., ด.ญ.)"};
inline constexpr Text first_name{"ชื่อ", "First name"};
inline constexpr Text last_name{"นามสกุล", "Last name"};
inline constexpr Text sex{"เพศ", "Sex"};
inline constexpr Text male{"ชาย", "Male"};
inline constexpr Text female{"หญิง", "Female"};
inline constexpr Text birth_date{"วันเกิด (วว/ดด/ปปปป พ.ศ.)", "Birth date (dd/mm/yyyy B.E.)"};
inline constexpr Text level{"ระดับชั้น", "Level"};
inline constexpr Text room_optional{"ห้อง (ถ้ามี)", "Room (optional)"};
inline constexpr Text saved{"บันทึกแล้ว", "Saved"};
inline constexpr Text elsewhere{"เด็กคนนี้กำลังศึกษาอยู่ที่: ", "This child attends: "};
inline constexpr Text take_over{"รับเด็กย้ายเข้า (จำหน่ายออกจากที่เดิม)", "Take the child over (removed there)"};

// Removal.
inline constexpr Text remove_title{"จำหน่ายเด็กออกจากทะเบียน: ", "Remove from the register: "};
inline constexpr Text reason{"เหตุผล", "Reason"};
inline constexpr Text choose_reason{"เลือกเหตุผล", "Choose a reason"};
inline constexpr Text note{"หมายเหตุ (ถ้ามี)", "Note (optional)"};
inline constexpr Text reason_required{"โปรดเลือกเหตุผล", "Choose a reason"};

// Import.
inline constexpr Text import_title{"นำเข้าทะเบียนจากไฟล์", "Import the register from a file"};
inline constexpr Text import_help{
    "ไฟล์ CSV หรือ XLSX หัวตารางภาษาไทยหรืออังกฤษ: เลขประจำตัว คำนำหน้า ชื่อ นามสกุล เพศ วันเกิด ระดับชั้น ห้อง "
    "ระบบจะตรวจทุกแถวก่อน และจะไม่บันทึกใดๆ หากมีแถวที่ผิด",
    "A CSV or XLSX file with Thai or English headers: ID, title, first name, last name, sex, birth date, level, "
    "room. Every row is checked first; nothing is written while any row is wrong."};
inline constexpr Text check_file{"ตรวจไฟล์", "Check the file"};
inline constexpr Text write_file{"นำเข้าข้อมูล", "Import it"};
inline constexpr Text uploading{"กำลังส่งไฟล์…", "Sending the file…"};
inline constexpr Text checking{"กำลังตรวจ…", "Checking…"};
inline constexpr Text row_errors{"แถวที่ต้องแก้ไข (ไม่มีการบันทึก): ", "Rows to fix (nothing written): "};
inline constexpr Text column_row{"แถว", "Row"};
inline constexpr Text column_field{"ช่อง", "Field"};
inline constexpr Text column_problem{"ปัญหา", "Problem"};
inline constexpr Text dry_run_ok{"ตรวจแล้วไม่พบปัญหา: ", "No problems found: "};
inline constexpr Text imported{"นำเข้าแล้ว: ", "Imported: "};
inline constexpr Text added{"เพิ่ม ", "added "};
inline constexpr Text updated{" แก้ไข ", ", updated "};
inline constexpr Text unchanged{" ไม่เปลี่ยน ", ", unchanged "};

// A new academic year from the last one.
inline constexpr Text rollover{"เริ่มปีการศึกษานี้จากทะเบียนปีที่แล้ว", "Start this year from last year's register"};
inline constexpr Text moved_up{"เลื่อนชั้นแล้ว: ", "Moved up: "};
inline constexpr Text graduated{" จบการศึกษา: ", ", graduated: "};
inline constexpr Text already{" มีอยู่แล้ว: ", ", already here: "};
inline constexpr Text elsewhere_skipped{"ข้ามเพราะศึกษาอยู่ที่อื่นแล้ว:", "Skipped, recorded elsewhere this year:"};

}  // namespace ui::text::lec_register
