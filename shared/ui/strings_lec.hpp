#pragma once
// Words of the local education data screens (ข้อมูลการศึกษาท้องถิ่น): the register of
// children, import, confirmation up the tree, progress, funded schools. Thai first.
#include "shared/ui/strings.hpp"

namespace ui::text::lec {

// Shared by every LEC screen.
inline constexpr Text nav_lec{"ข้อมูลการศึกษาท้องถิ่น", "Local education data"};
inline constexpr Text academic_year{"ปีการศึกษา", "Academic year"};
inline constexpr Text loading{"กำลังโหลด…", "Loading…"};
inline constexpr Text load_failed{"โหลดข้อมูลไม่สำเร็จ", "Could not load the data"};
inline constexpr Text working{"กำลังดำเนินการ…", "Working…"};
inline constexpr Text cancel{"ยกเลิก", "Cancel"};
inline constexpr Text save{"บันทึก", "Save"};
inline constexpr Text close{"ปิด", "Close"};
inline constexpr Text back{"‹ กลับ", "‹ Back"};
inline constexpr Text no_lec_node{"บัญชีนี้ไม่ได้อยู่ในหน่วยงานที่บันทึกข้อมูลการศึกษาท้องถิ่น",
                                  "This account belongs to no organisation that keeps local education data"};

// Confirmation.
inline constexpr Text confirmed{"ยืนยันแล้ว", "Confirmed"};
inline constexpr Text not_confirmed{"ยังไม่ยืนยัน", "Not confirmed"};
inline constexpr Text confirm_data{"ยืนยันข้อมูล", "Confirm the data"};
inline constexpr Text withdraw{"ถอนการยืนยัน", "Withdraw the confirmation"};
inline constexpr Text confirmed_by{"ยืนยันโดย", "Confirmed by"};
inline constexpr Text blocked_by{"รอการยืนยันจาก", "Waiting for"};
inline constexpr Text voided_title{"การยืนยันต่อไปนี้ถูกยกเลิกเพราะข้อมูลเปลี่ยน ต้องยืนยันใหม่:",
                                   "These confirmations were voided by the change and must be redone:"};
inline constexpr Text deadline{"กำหนดส่ง", "Deadline"};
inline constexpr Text state_confirmed{"ยืนยันแล้ว", "Confirmed"};
inline constexpr Text state_ready{"พร้อมยืนยัน", "Ready to confirm"};
inline constexpr Text state_blocked{"รอหน่วยงานในสังกัด", "Waiting for those below"};

// Counts.
inline constexpr Text counts_title{"จำนวนเด็กตามระดับชั้น", "Children by level"};
inline constexpr Text column_level{"ระดับชั้น", "Level"};
inline constexpr Text column_count{"จำนวน", "Count"};
inline constexpr Text total{"รวม", "Total"};
inline constexpr Text lunch{"อาหารกลางวัน (คน)", "Lunch (children)"};
inline constexpr Text milk{"อาหารเสริม (นม) (คน)", "Milk (children)"};
inline constexpr Text baht{"บาท/ปี", "baht/year"};
inline constexpr Text download_xlsx{"ดาวน์โหลด Excel", "Download Excel"};
inline constexpr Text download_csv{"ดาวน์โหลด CSV", "Download CSV"};
inline constexpr Text downloaded{"ดาวน์โหลดแล้ว: ", "Downloaded: "};

// Progress of a subtree.
inline constexpr Text progress_title{"ความคืบหน้าการยืนยันข้อมูล", "Confirmation progress"};
inline constexpr Text column_node{"หน่วยงาน", "Organisation"};
inline constexpr Text column_done{"ยืนยัน/ทั้งหมด", "Confirmed/total"};
inline constexpr Text column_state{"สถานะ", "State"};
inline constexpr Text column_deadline{"กำหนดส่ง", "Deadline"};
inline constexpr Text open_node{"ดู", "Open"};
inline constexpr Text nothing_below{"ไม่มีหน่วยงานในสังกัด", "Nothing below this organisation"};
inline constexpr Text remind{"ส่ง SMS เตือนทุกหน่วยงานที่ยังไม่ยืนยัน", "Remind by SMS everyone below who has not confirmed"};
inline constexpr Text reminded{"ส่ง SMS เตือนแล้ว จำนวน: ", "Reminders sent: "};

// Deadlines (the department).
inline constexpr Text deadlines_title{"กำหนดส่งของแต่ละระดับ", "Deadlines per level"};
inline constexpr Text deadline_institution{"สถานศึกษา (วัน/เดือน/ปี พ.ศ.)", "Institutions (dd/mm/yyyy B.E.)"};
inline constexpr Text deadline_lgo{"องค์กรปกครองส่วนท้องถิ่น", "Local-government organisations"};
inline constexpr Text deadline_province{"สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด", "Provincial offices"};
inline constexpr Text deadline_department{"กรมส่งเสริมการปกครองท้องถิ่น", "The department"};
inline constexpr Text deadlines_save{"บันทึกกำหนดส่ง", "Save the deadlines"};
inline constexpr Text deadlines_saved{"บันทึกกำหนดส่งแล้ว", "Deadlines saved"};
inline constexpr Text date_format{"รูปแบบวันที่ไม่ถูกต้อง (วว/ดด/ปปปป พ.ศ.)", "Date format: dd/mm/yyyy (B.E.)"};

// Funded schools (an LGO).
inline constexpr Text funded_title{"โรงเรียนสังกัดอื่นที่ได้รับการอุดหนุน", "Funded schools of other affiliations"};
inline constexpr Text funded_none{"ยังไม่ได้เลือกโรงเรียน", "No school chosen yet"};
inline constexpr Text funded_add{"เพิ่มโรงเรียน (สพฐ. ในจังหวัด)", "Add a school (OBEC, in the province)"};
inline constexpr Text funded_search{"ค้นหาชื่อหรือรหัสโรงเรียน", "School name or code"};
inline constexpr Text funded_remove{"นำออก", "Remove"};
inline constexpr Text funded_counts{"บันทึกจำนวนนักเรียน", "Enter the counts"};
inline constexpr Text funded_closed{"โรงเรียนปิดแล้ว (จำนวนเป็น 0)", "The school has closed (all 0)"};
inline constexpr Text funded_missing{"ยังไม่บันทึกจำนวน", "No counts yet"};
inline constexpr Text funded_recorded{"บันทึกแล้ว", "Recorded"};
inline constexpr Text funded_saved{"บันทึกจำนวนแล้ว", "Counts saved"};

// Spot checks (a provincial office).
inline constexpr Text spot_title{"สุ่มตรวจสถานศึกษา", "Spot checks"};
inline constexpr Text spot_draw{"สุ่มตัวอย่างใหม่ (3 แห่ง แห่งละ 5 คน)", "Draw a new sample (3 institutions, 5 children each)"};
inline constexpr Text spot_none{"ยังไม่มีการสุ่มตรวจ", "No spot check yet"};
inline constexpr Text spot_checked{"ตรวจแล้ว ", "Checked "};
inline constexpr Text spot_found{"พบตัว", "Found"};
inline constexpr Text spot_not_found{"ไม่พบตัว", "Not found"};
inline constexpr Text spot_note{"หมายเหตุ", "Note"};

}  // namespace ui::text::lec
