#pragma once
// Words of the audit log screen (#/audit): who read or changed what, when, from where.
#include "shared/ui/strings.hpp"

namespace ui::text::audit {

inline constexpr Text nav_audit{"บันทึกการใช้งาน", "Audit log"};
inline constexpr Text heading{"บันทึกการใช้งานในหน่วยงานที่ท่านดูแล", "Audit log of the organisations you manage"};
inline constexpr Text intro{
    "ใครอ่านหรือแก้ไขข้อมูลใด เมื่อใด จากเครื่องใด (เวลาประเทศไทย)",
    "Who read or changed what, when and from where (Thailand time)"};
inline constexpr Text filter_person{"ผู้ใช้ (ชื่อผู้ใช้หรือรหัส)", "Person (username or id)"};
inline constexpr Text filter_action{"การกระทำ เช่น registration หรือ user.read", "Action, e.g. registration or user.read"};
inline constexpr Text filter_from{"ตั้งแต่วันที่ (ค.ศ. ปปปป-ดด-วว)", "From (YYYY-MM-DD)"};
inline constexpr Text filter_to{"ถึงวันที่ (ค.ศ. ปปปป-ดด-วว)", "To (YYYY-MM-DD)"};
inline constexpr Text search{"ค้นหา", "Search"};
inline constexpr Text export_csv{"ส่งออก CSV", "Export CSV"};
inline constexpr Text export_done{"บันทึกไฟล์แล้ว: ", "Saved: "};
inline constexpr Text load_more{"แสดงเพิ่มเติม", "Load more"};
inline constexpr Text loading{"กำลังโหลด…", "Loading…"};
inline constexpr Text none{"ไม่พบรายการตามเงื่อนไขนี้", "No entries match"};
inline constexpr Text nobody{"(ไม่ได้เข้าสู่ระบบ)", "(not signed in)"};
inline constexpr Text from_address{"จาก", "from"};

}  // namespace ui::text::audit
