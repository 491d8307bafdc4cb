#pragma once
// Words of the KPI screens (overview, public statistics), Thai first.
#include "shared/ui/strings.hpp"

namespace ui::text::kpi {

inline constexpr Text overview_title{"ภาพรวมการรายงานตัวชี้วัด", "KPI reporting overview"};
inline constexpr Text stats_title{"สถิติการรายงานตัวชี้วัด", "KPI reporting statistics"};
inline constexpr Text stats_intro{
    "ภาพรวมการรายงานและการตรวจของทุกตัวชี้วัด ตัวเลขที่น้อยกว่า 3 แสดงเป็น \"<3\" เพื่อไม่ให้ระบุตัวสถานศึกษาได้",
    "Progress of every KPI. Counts under 3 show as \"<3\" so that no school can be singled out."};
inline constexpr Text fiscal_year{"ปีงบประมาณ", "Fiscal year"};
inline constexpr Text loading{"กำลังโหลด…", "Loading…"};
inline constexpr Text load_failed{"โหลดข้อมูลไม่สำเร็จ โปรดลองอีกครั้ง", "Could not load the data, please try again"};
inline constexpr Text stats_of_office{"เฉพาะตัวชี้วัดของ", "Only the KPIs of"};
inline constexpr Text stats_all_offices{"ดูตัวชี้วัดของทุกหน่วยงาน", "See every office's KPIs"};
inline constexpr Text no_kpis{"ยังไม่มีตัวชี้วัดในปีงบประมาณนี้", "No KPIs in this fiscal year"};
inline constexpr Text column_kpi{"ตัวชี้วัด", "KPI"};
inline constexpr Text column_office{"หน่วยงานเจ้าของ", "Office"};
inline constexpr Text column_period{"รอบ", "Period"};
inline constexpr Text column_progress{"ส่ง/ตรวจ/ทั้งหมด", "Submitted/reviewed/total"};
inline constexpr Text column_avg_self{"คะแนนตนเองเฉลี่ย", "Avg. self score"};
inline constexpr Text column_avg_review{"คะแนนตรวจเฉลี่ย", "Avg. review score"};
inline constexpr Text column_unit{"หน่วยงาน", "Unit"};
inline constexpr Text no_group{"ไม่ระบุกลุ่มงาน", "No owner group"};
inline constexpr Text grid_legend{"ช่องละหนึ่งรายงาน: สถานะ คะแนนตนเอง/คะแนนผู้ตรวจ",
                                  "One report per cell: state, self score/reviewer's score"};
inline constexpr Text column_self{"คะแนนตนเอง (ผู้รายงาน)", "Self score (reporter)"};
inline constexpr Text column_review{"คะแนนตรวจ (ผู้ตรวจ)", "Review score (reviewer)"};
inline constexpr Text column_status{"สถานะ", "Status"};
inline constexpr Text waiting_submit{"รอส่งรายงาน", "Waiting to submit"};
inline constexpr Text draft{"ร่าง (ยังไม่ยืนยัน)", "Draft (not confirmed)"};
inline constexpr Text waiting_review{"รอตรวจ", "Waiting for review"};
inline constexpr Text reviewed{"ตรวจแล้ว", "Reviewed"};
inline constexpr Text returned{"ส่งกลับแก้ไข", "Returned for changes"};
inline constexpr Text export_xlsx{"ส่งออก Excel (XLSX)", "Export Excel (XLSX)"};
inline constexpr Text export_csv{"ส่งออก CSV", "Export CSV"};
inline constexpr Text export_units_xlsx{"ตารางหน่วยงาน XLSX", "Unit matrix XLSX"};
inline constexpr Text export_units_csv{"ตารางหน่วยงาน CSV", "Unit matrix CSV"};
inline constexpr Text export_done{"บันทึกไฟล์แล้ว: ", "Saved: "};
inline constexpr Text choose_kpi{"เลือกตัวชี้วัดเพื่อดูรายหน่วยงาน", "Choose a KPI to see its units"};

}  // namespace ui::text::kpi
