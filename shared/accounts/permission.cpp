#include "shared/accounts/permission.hpp"

namespace domain {

const std::vector<PermissionInfo>& permissions() {
  static const std::vector<PermissionInfo> all = {
      {Permission::view, "view", "ดูข้อมูล", "View data"},
      {Permission::report_submit, "report.submit", "ส่งรายงานตัวชี้วัด", "Submit KPI reports"},
      {Permission::report_review, "report.review", "ตรวจและให้คะแนนรายงาน", "Review KPI reports"},
      {Permission::kpi_manage, "kpi.manage", "กำหนดตัวชี้วัด", "Manage KPIs"},
      {Permission::users_manage, "users.manage", "จัดการผู้ใช้งาน", "Manage users"},
      {Permission::registrations_review, "registrations.review", "ตรวจสอบการลงทะเบียน",
       "Review registrations"},
      {Permission::data_confirm, "data.confirm", "ยืนยันข้อมูล", "Confirm data"},
      {Permission::children_edit, "children.edit", "บันทึกข้อมูลเด็ก", "Record children"},
  };
  return all;
}

const PermissionInfo& info(Permission p) { return permissions()[static_cast<std::size_t>(p)]; }

std::string_view to_string(Permission p) { return info(p).id; }

Checked<Permission> parse_permission(std::string_view id, std::string field) {
  for (const auto& p : permissions())
    if (p.id == id) return p.permission;
  return FieldError{"permission_unknown", std::move(field),
                    "ไม่รู้จักสิทธิ์ \"" + std::string(id) + "\"",
                    "Unknown permission \"" + std::string(id) + "\""};
}

bool allowed(const std::vector<Grant>& grants, Permission permission, std::string_view target_org,
             const OrgTree& tree) {
  for (const auto& g : grants)
    if (g.permission == permission && tree.is_within(target_org, g.org_code)) return true;
  return false;
}

void to_json(nlohmann::json& j, const Grant& g) {
  j = {{"permission", to_string(g.permission)}, {"org_code", g.org_code}};
}

Checked<Grant> parse_grant(const nlohmann::json& j, const std::string& field) {
  const auto name = [&](const char* f) { return field.empty() ? std::string(f) : field + "." + f; };
  if (!j.is_object())
    return FieldError{"wrong_type", field, "สิทธิ์ต้องเป็นออบเจ็กต์ JSON",
                      "A grant must be a JSON object"};
  auto p = j.find("permission");
  if (p == j.end() || !p->is_string())
    return FieldError{"required", name("permission"), "กรุณาระบุสิทธิ์ (ข้อความ)",
                      "The permission is required (as text)"};
  auto o = j.find("org_code");
  if (o == j.end() || !o->is_string() || o->get<std::string>().empty())
    return FieldError{"required", name("org_code"), "กรุณาระบุรหัสหน่วยงาน (ข้อความ)",
                      "The organisation code is required (as text)"};
  auto permission = parse_permission(p->get<std::string>(), name("permission"));
  if (!permission) return permission.error();
  return Grant{permission.value(), o->get<std::string>()};
}

}  // namespace domain
