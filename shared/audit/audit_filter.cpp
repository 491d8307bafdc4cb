#include "shared/audit/audit_filter.hpp"

#include <algorithm>
#include <set>

#include "shared/core/text.hpp"

namespace domain {

namespace {

Date previous_day(const Date& d) {
  if (d.d > 1) return {d.y, d.m, d.d - 1};
  if (d.m > 1) return {d.y, d.m - 1, days_in_month(d.y, d.m - 1)};
  return {d.y - 1, 12, 31};
}

Checked<std::optional<Date>> day(const std::string& text, const std::string& field) {
  if (text.empty()) return std::optional<Date>{};
  auto d = parse_iso_date(text);
  if (!d) return in_field(d.error(), field);
  return std::optional<Date>{d.value()};
}

bool action_char(char c) { return (c >= 'a' && c <= 'z') || c == '_' || c == '.'; }

}  // namespace

Date next_day(const Date& d) {
  if (d.d < days_in_month(d.y, d.m)) return {d.y, d.m, d.d + 1};
  if (d.m < 12) return {d.y, d.m + 1, 1};
  return {d.y + 1, 1, 1};
}

std::string thai_day_start_utc(const Date& day) { return to_iso(previous_day(day)) + "T17:00:00"; }

Checked<AuditFilter> parse_audit_filter(const AuditFilterInput& in) {
  AuditFilter f;
  f.person = trim(in.person);
  if (f.person.size() > 100)
    return FieldError{"person_too_long", "person", "ชื่อผู้ใช้หรือรหัสผู้ใช้ยาวเกินไป (ไม่เกิน 100 ตัวอักษร)",
                      "The username or user id is too long (at most 100 characters)"};
  f.action = trim(in.action);
  if (f.action.size() > 64 || !std::all_of(f.action.begin(), f.action.end(), action_char))
    return FieldError{"action_format", "action", "ชื่อการกระทำใช้ได้เฉพาะ a-z จุด และขีดล่าง เช่น user.read",
                      "An action is a-z, dots and underscores, e.g. user.read"};
  auto from = day(trim(in.from), "from");
  if (!from) return from.error();
  auto to = day(trim(in.to), "to");
  if (!to) return to.error();
  f.from = from.value();
  f.to = to.value();
  if (f.from && f.to && *f.to < *f.from)
    return FieldError{"date_range", "to", "วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่มต้น", "The end date must not be before the start date"};
  const std::string before = trim(in.before_id);
  if (!before.empty()) {
    if (before.size() > 18 || !is_ascii_digits(before))
      return FieldError{"before_id_format", "before_id", "before_id ต้องเป็นเลขรายการ", "before_id must be an entry number"};
    f.before_id = std::stoll(before);
  }
  const std::string limit = trim(in.limit);
  if (!limit.empty()) {
    if (limit.size() > 3 || !is_ascii_digits(limit) || std::stoi(limit) < 1 || std::stoi(limit) > audit_page_max)
      return FieldError{"limit_range", "limit", "จำนวนรายการต่อหน้าต้องอยู่ระหว่าง 1 ถึง 200",
                        "limit must be between 1 and 200"};
    f.limit = std::stoi(limit);
  }
  return f;
}

std::optional<std::vector<std::string>> audit_scope(const std::vector<Grant>& grants, const OrgTree& tree) {
  std::set<std::string> seen;
  std::vector<std::string> out, todo;
  for (const auto& g : grants) {
    if (g.permission != audit_permission) continue;
    const OrgNode* node = tree.find(g.org_code);
    if (!node) continue;
    // The one root sees everything; with several roots each sees only its own tree.
    if (node->parent_code.empty() && tree.roots().size() == 1) return std::nullopt;
    todo.push_back(g.org_code);
  }
  while (!todo.empty()) {
    std::string code = std::move(todo.back());
    todo.pop_back();
    if (!seen.insert(code).second) continue;
    for (auto& child : tree.children(code)) todo.push_back(std::move(child));
    out.push_back(std::move(code));
  }
  return out;
}

}  // namespace domain
