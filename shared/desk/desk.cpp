#include "shared/desk/desk.hpp"

#include <algorithm>

#include "shared/lec/confirmation.hpp"

namespace domain {

const std::vector<DeskKindInfo>& desk_kinds() {
  using P = Permission;
  static const std::vector<DeskKindInfo> all = {
      {DeskKind::registrations_review, "registrations_review", {P::registrations_review}, true,
       "ตรวจการลงทะเบียนบัญชีสถานศึกษา", "Review school account registrations", "รายการรอตรวจ",
       "waiting for review", "#/review/registrations"},
      {DeskKind::access_requests, "access_requests", {P::users_manage}, true, "คำขอใช้งานเว็บไซต์โรงเรียน",
       "School website access requests", "คำขอรอพิจารณา", "waiting for a decision", "#/admin/users"},
      {DeskKind::kpi_review, "kpi_review", {P::report_review}, true, "ตรวจรายงานตัวชี้วัด", "Review KPI reports",
       "รายงานรอตรวจ", "waiting for review", "#/kpi/queue"},
      {DeskKind::kpi_report, "kpi_report", {P::report_submit}, true, "รายงานตัวชี้วัดของหน่วยงาน",
       "Report your KPIs", "รายงานที่ต้องส่ง", "to send", "#/kpi/school"},
      {DeskKind::lec_confirm, "lec_confirm", {P::children_edit, P::data_confirm}, true,
       "ข้อมูลการศึกษาท้องถิ่น: ยืนยันข้อมูล", "Local education data: confirmation", "หน่วยงานยังไม่ยืนยัน",
       "not confirmed yet", "#/lec"},
      {DeskKind::kpi_manage, "kpi_manage", {P::kpi_manage}, false, "กำหนดตัวชี้วัด", "Define KPIs", "", "",
       "#/kpi/manage"},
      {DeskKind::users, "users", {P::users_manage}, false, "จัดการผู้ใช้", "Manage users", "", "", "#/admin/users"},
      {DeskKind::audit, "audit", {P::users_manage}, false, "บันทึกการใช้งาน", "Audit log", "", "", "#/audit"},
  };
  return all;
}

const DeskKindInfo& info(DeskKind kind) {
  for (const auto& k : desk_kinds())
    if (k.kind == kind) return k;
  return desk_kinds().back();
}

std::string_view to_string(DeskKind kind) { return info(kind).id; }

Checked<DeskKind> parse_desk_kind(std::string_view id, const std::string& field) {
  for (const auto& k : desk_kinds())
    if (k.id == id) return k.kind;
  return FieldError{"desk_kind_unknown", field, "ไม่รู้จักงานประเภท \"" + std::string(id) + "\"",
                    "Unknown kind of work \"" + std::string(id) + "\""};
}

std::vector<DeskKind> desk_for(const std::vector<Grant>& grants) {
  std::vector<DeskKind> out;
  for (const auto& k : desk_kinds()) {
    const bool held = std::any_of(grants.begin(), grants.end(), [&](const Grant& g) {
      return std::find(k.any_of.begin(), k.any_of.end(), g.permission) != k.any_of.end();
    });
    if (held) out.push_back(k.kind);
  }
  return out;
}

std::string count_text_th(DeskKind kind, std::int64_t count) {
  if (count <= 0) return "ไม่มีงานค้าง";
  return std::to_string(count) + " " + std::string(info(kind).waiting_th);
}

std::string count_text_en(DeskKind kind, std::int64_t count) {
  if (count <= 0) return "nothing waiting";
  return std::to_string(count) + " " + std::string(info(kind).waiting_en);
}

std::optional<std::int64_t> nearest_closing(const std::vector<std::int64_t>& days) {
  std::optional<std::int64_t> ahead, passed;
  for (auto d : days) {
    if (d >= 0) ahead = ahead ? std::min(*ahead, d) : d;
    else passed = passed ? std::max(*passed, d) : d;
  }
  return ahead ? ahead : passed;
}

bool unit_must_send(ReportStatus status) {
  return status == ReportStatus::waiting_submit || status == ReportStatus::draft || status == ReportStatus::returned;
}

std::int64_t period_days_left(const Period& period, int fiscal_year, const Date& today) {
  return days_left(period_range(period, fiscal_year).last, today);
}

void to_json(nlohmann::json& j, const DeskEntry& e) {
  j = {{"kind", to_string(e.kind)}};
  if (e.count) j["count"] = *e.count;
  if (e.days_left) j["days_left"] = *e.days_left;
}

nlohmann::json desk_json(const std::vector<DeskEntry>& entries) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& e : entries) list.push_back(e);
  return {{"entries", list}};
}

Checked<std::vector<DeskEntry>> parse_desk(const nlohmann::json& body) {
  auto bad = [](const std::string& field) {
    return FieldError{"desk_format", field, "คำตอบของเซิร์ฟเวอร์ไม่ถูกรูปแบบ", "The server's reply is malformed"};
  };
  if (!body.is_object() || !body.contains("entries") || !body["entries"].is_array()) return bad("entries");
  std::vector<DeskEntry> out;
  const auto& list = body["entries"];
  for (std::size_t i = 0; i < list.size(); ++i) {
    const auto& j = list[i];
    const std::string at = "entries[" + std::to_string(i) + "]";
    if (!j.is_object() || !j.contains("kind") || !j["kind"].is_string()) return bad(at + ".kind");
    auto kind = parse_desk_kind(j["kind"].get<std::string>());
    if (!kind) continue;
    DeskEntry e{kind.value(), std::nullopt, std::nullopt};
    for (const char* name : {"count", "days_left"}) {
      if (!j.contains(name) || j[name].is_null()) continue;
      if (!j[name].is_number_integer()) return bad(at + "." + name);
      (std::string_view(name) == "count" ? e.count : e.days_left) = j[name].get<std::int64_t>();
    }
    out.push_back(e);
  }
  return out;
}

}  // namespace domain
