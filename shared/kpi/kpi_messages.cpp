#include "shared/kpi/kpi_messages.hpp"

#include <cstdio>

namespace domain {

FieldError kpi_not_found_error() { return {"kpi_not_found", "id", "ไม่พบตัวชี้วัดนี้", "No such KPI"}; }

FieldError kpi_closed_error() {
  return {"kpi_closed", "status", "ตัวชี้วัดนี้ปิดรับรายงานแล้ว", "This KPI is closed: it takes no reports"};
}

FieldError period_closed_error(const Period& p, int fiscal_year) {
  return {"period_closed", "period", period_label_th(p, fiscal_year) + " ยังไม่เปิดหรือปิดรับรายงานแล้ว",
          period_label_en(p, fiscal_year) + " is not open for reports"};
}

FieldError evidence_not_found_error(std::size_t index) {
  return {"file_not_found", "files[" + std::to_string(index) + "].file_id", "ไม่พบไฟล์ที่แนบ โปรดอัปโหลดอีกครั้ง",
          "The file was not found: upload it again"};
}

FieldError unit_not_assigned_error(const std::string& unit) {
  return {"unit_not_assigned", "unit_code", "หน่วยงาน " + unit + " ไม่ได้รับมอบหมายให้รายงานตัวชี้วัดนี้ในรอบนี้",
          "Unit " + unit + " is not assigned to report this KPI in this period"};
}

FieldError kpi_number_taken_error(const std::string& number) {
  return {"kpi_number_taken", "number", "เลขตัวชี้วัด " + number + " มีอยู่แล้วในปีนี้",
          "KPI number " + number + " already exists in this year"};
}

FieldError kpi_year_fixed_error() {
  return {"kpi_year_fixed", "year", "เปลี่ยนปีงบประมาณของตัวชี้วัดไม่ได้ ให้คัดลอกไปยังปีถัดไปแทน",
          "A KPI's fiscal year cannot change: copy it to the next year instead"};
}

FieldError kpi_cadence_locked_error() {
  return {"kpi_cadence_locked", "cadence", "เปลี่ยนลักษณะการรายงานไม่ได้ เพราะมีหน่วยงานที่ได้รับมอบหมายแล้ว",
          "The cadence cannot change once units are assigned"};
}

FieldError unit_has_reported_error(const std::string& unit, ReportStatus status) {
  return {"unit_has_reported", "unit_codes",
          "นำหน่วยงาน " + unit + " ออกไม่ได้ เพราะได้รายงานแล้ว (" + std::string(report_status_label_th(status)) + ")",
          "Unit " + unit + " cannot be removed: it has reported (" + std::string(report_status_label_en(status)) + ")"};
}

KpiNotice report_submitted_notice(const std::string& number, const Period& p, int fiscal_year, const std::string& unit) {
  return {"รายงานใหม่รอตรวจ: ตัวชี้วัด " + number + " " + period_label_th(p, fiscal_year) + " หน่วยงาน " + unit,
          "New report waiting for review: KPI " + number + " " + period_label_en(p, fiscal_year) + " unit " + unit};
}

KpiNotice report_reviewed_notice(const std::string& number, const Period& p, int fiscal_year, double score) {
  return {"ตัวชี้วัด " + number + " " + period_label_th(p, fiscal_year) + " ตรวจแล้ว ได้คะแนน " + score_text(score),
          "KPI " + number + " " + period_label_en(p, fiscal_year) + " reviewed: score " + score_text(score)};
}

KpiNotice report_returned_notice(const std::string& number, const Period& p, int fiscal_year, const std::string& reason) {
  return {"ตัวชี้วัด " + number + " " + period_label_th(p, fiscal_year) + " ถูกส่งกลับแก้ไข: " + reason,
          "KPI " + number + " " + period_label_en(p, fiscal_year) + " was returned: " + reason};
}

std::string score_text(double score) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", score);
  return buf;
}

std::string review_thread_text(double score, const std::string& comment) {
  return "คะแนน " + score_text(score) + (comment.empty() ? "" : ": " + comment);
}

std::string cancel_review_thread_text() { return "ยกเลิกผลการตรวจ"; }

}  // namespace domain
