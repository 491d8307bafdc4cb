#include "shared/accounts/user_admin.hpp"

namespace domain {

bool may_manage_user(const std::vector<Grant>& admin_grants, std::string_view target_home_org,
                     const std::vector<Grant>& target_grants, const OrgTree& tree) {
  if (!allowed(admin_grants, Permission::users_manage, target_home_org, tree)) return false;
  for (const auto& g : target_grants)
    if (!allowed(admin_grants, Permission::users_manage, g.org_code, tree)) return false;
  return true;
}

FieldError user_above_subtree() {
  return {"user_above_subtree", "",
          "ผู้ใช้นี้มีสิทธิ์ในหน่วยงานที่อยู่นอกเหนือหน่วยงานที่ท่านดูแล "
          "โปรดให้ผู้ดูแลระบบของหน่วยงานนั้นดำเนินการ",
          "This user holds permissions outside the organisations you manage; "
          "ask an administrator of that organisation"};
}

}  // namespace domain
