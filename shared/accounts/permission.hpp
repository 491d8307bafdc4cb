#pragma once
// Named permissions held on a node of the organisation tree; a grant covers the node's
// whole subtree, so a user never acts outside it.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "shared/accounts/organisation.hpp"
#include "shared/core/field_error.hpp"

namespace domain {

enum class Permission {
  view,                  // "view": see the data of the subtree
  report_submit,         // "report.submit": fill in and confirm KPI reports
  report_review,         // "report.review": score submitted reports
  kpi_manage,            // "kpi.manage": define KPIs and assign reporting units
  users_manage,          // "users.manage": enable/disable users, edit grants, approve access
  registrations_review,  // "registrations.review": approve or reject school registrations
  data_confirm,          // "data.confirm": confirm local education data up the tree
  children_edit,         // "children.edit": record an institution's children (LEC)
};

struct PermissionInfo {
  Permission permission;
  std::string_view id;  // wire value
  std::string_view name_th;
  std::string_view name_en;
  std::string_view name(bool thai) const { return thai ? name_th : name_en; }
};
const std::vector<PermissionInfo>& permissions();
const PermissionInfo& info(Permission p);
std::string_view to_string(Permission p);
Checked<Permission> parse_permission(std::string_view id, std::string field = "permission");

struct Grant {
  Permission permission;
  std::string org_code;
  bool operator==(const Grant&) const = default;
};

// True when some grant of `permission` sits on `target_org` or on one of its ancestors.
// Each permission stands alone: holding one implies no other. Unknown orgs allow nothing.
bool allowed(const std::vector<Grant>& grants, Permission permission, std::string_view target_org,
             const OrgTree& tree);

// Wire: {"permission":"report.review","org_code":"1234"}.
void to_json(nlohmann::json& j, const Grant& g);
// Checks types and names; `field` prefixes the field names, e.g. "grants[2]".
Checked<Grant> parse_grant(const nlohmann::json& j, const std::string& field = "");

}  // namespace domain
