#include "shared/accounts/institution_accounts.hpp"

#include <algorithm>

namespace domain {

Checked<std::string> check_accounts_office(const OrgTree& tree, std::string_view code, std::string field) {
  const OrgNode* node = tree.find(code);
  if (!node)
    return FieldError{"org_unknown", field, "ไม่พบหน่วยงานรหัสนี้", "Unknown organisation code"};
  if (node->kind != OrgKind::local_government && node->kind != OrgKind::province && node->kind != OrgKind::area_office)
    return FieldError{"org_kind_not_office", field,
                      "เลือกองค์กรปกครองส่วนท้องถิ่น สำนักงานจังหวัด หรือสำนักงานเขตพื้นที่การศึกษา",
                      "Pick a local-government organisation, a province or an area office"};
  return node->code;
}

std::vector<std::string> institutions_under(const OrgTree& tree, std::string_view office) {
  std::vector<std::string> out, todo{std::string(office)};
  while (!todo.empty()) {
    const std::string code = std::move(todo.back());
    todo.pop_back();
    for (auto& child : tree.children(code)) {
      const OrgNode* n = tree.find(child);
      if (n && n->kind == OrgKind::institution) out.push_back(child);
      else todo.push_back(std::move(child));
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<Grant> institution_account_grants(const OrgTree& tree, std::string_view institution) {
  const std::string code(institution);
  const OrgNode* node = tree.find(institution);
  const OrgNode* parent = node ? tree.find(node->parent_code) : nullptr;
  if (parent && parent->kind == OrgKind::local_government)
    return {{Permission::view, code}, {Permission::children_edit, code}, {Permission::data_confirm, code}};
  return {{Permission::view, code}, {Permission::report_submit, code}};
}

}  // namespace domain
