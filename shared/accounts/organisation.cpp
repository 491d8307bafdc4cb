#include "shared/accounts/organisation.hpp"

#include <limits>
#include <utility>

namespace domain {

namespace {

constexpr std::size_t npos = std::numeric_limits<std::size_t>::max();

int line_of(const OrgRow& row, std::size_t position) {
  return row.line > 0 ? row.line : static_cast<int>(position + 1);
}

// "บรรทัด 12 (รหัส 1234567890): ..." so whoever fixes the CSV finds the row at once.
FieldError row_error(std::string code, std::string field, const OrgRow& row, std::size_t position,
                     const std::string& th, const std::string& en) {
  const auto line = std::to_string(line_of(row, position));
  return {std::move(code), std::move(field), "บรรทัด " + line + " (รหัส " + row.code + "): " + th,
          "Line " + line + " (code " + row.code + "): " + en};
}

}  // namespace

const std::vector<OrgKindInfo>& org_kinds() {
  static const std::vector<OrgKindInfo> all = {
      {OrgKind::centre, "centre", "ศูนย์กลาง (ผู้ดูแลระบบ)", "Central centre"},
      {OrgKind::department, "department", "กรม / ต้นสังกัด", "Department / affiliation"},
      {OrgKind::province, "province", "จังหวัด", "Province"},
      {OrgKind::area_office, "area_office", "สำนักงานเขตพื้นที่การศึกษา", "Education-area office"},
      {OrgKind::local_government, "local_government", "องค์กรปกครองส่วนท้องถิ่น (อปท.)",
       "Local-government organisation"},
      {OrgKind::institution, "institution", "สถานศึกษา / ศูนย์พัฒนาเด็กเล็ก",
       "Institution (school or child-development centre)"},
  };
  return all;
}

const OrgKindInfo& info(OrgKind kind) { return org_kinds()[static_cast<std::size_t>(kind)]; }

std::string_view to_string(OrgKind kind) { return info(kind).id; }

Checked<OrgKind> parse_org_kind(std::string_view id, std::string field) {
  for (const auto& k : org_kinds())
    if (k.id == id) return k.kind;
  // The directory's offices.csv names offices more finely; each is one of the six kinds.
  static constexpr std::pair<std::string_view, OrgKind> directory_kinds[] = {
      {"primary_area", OrgKind::area_office},        {"secondary_area", OrgKind::area_office},
      {"provincial_office", OrgKind::province},      {"pao", OrgKind::local_government},
      {"municipality", OrgKind::local_government},   {"sao", OrgKind::local_government},
  };
  for (const auto& [alias, kind] : directory_kinds)
    if (alias == id) return kind;
  return FieldError{"org_kind_unknown", std::move(field),
                    "ไม่รู้จักประเภทหน่วยงาน \"" + std::string(id) + "\"",
                    "Unknown organisation kind \"" + std::string(id) + "\""};
}

std::vector<FieldError> OrgTree::problems(const std::vector<OrgRow>& rows) {
  std::vector<FieldError> out;
  std::map<std::string_view, std::size_t> first_row;  // code -> first row with it
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    if (r.code.empty()) {
      out.push_back(row_error("org_code_required", "code", r, i, "ไม่มีรหัสหน่วยงาน",
                              "the organisation code is missing"));
      continue;
    }
    if (!first_row.emplace(r.code, i).second)
      out.push_back(row_error("org_code_duplicate", "code", r, i,
                              "รหัสหน่วยงานซ้ำกับบรรทัด " +
                                  std::to_string(line_of(rows[first_row[r.code]], first_row[r.code])),
                              "duplicate organisation code, first seen on line " +
                                  std::to_string(line_of(rows[first_row[r.code]], first_row[r.code]))));
    if (!parse_org_kind(r.kind))
      out.push_back(row_error("org_kind_unknown", "kind", r, i,
                              "ไม่รู้จักประเภทหน่วยงาน \"" + r.kind + "\"",
                              "unknown organisation kind \"" + r.kind + "\""));
    if (r.name_th.empty())
      out.push_back(row_error("org_name_required", "name_th", r, i, "ไม่มีชื่อหน่วยงานภาษาไทย",
                              "the Thai name is missing"));
  }

  // Parents: known, not an institution, and no way back to oneself.
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    if (r.code.empty() || r.parent_code.empty()) continue;
    auto parent = first_row.find(r.parent_code);
    if (parent == first_row.end()) {
      out.push_back(row_error("org_parent_unknown", "parent_code", r, i,
                              "ไม่พบหน่วยงานต้นสังกัดรหัส " + r.parent_code,
                              "unknown parent organisation " + r.parent_code));
      continue;
    }
    if (rows[parent->second].kind == to_string(OrgKind::institution))
      out.push_back(row_error("org_parent_institution", "parent_code", r, i,
                              "สถานศึกษา " + r.parent_code + " เป็นหน่วยงานต้นสังกัดไม่ได้",
                              "institution " + r.parent_code + " cannot be a parent"));
  }

  // Cycles: walk up from each row; colours make the whole check linear.
  enum Colour { unseen, walking, done };
  std::vector<Colour> colour(rows.size(), unseen);
  for (std::size_t start = 0; start < rows.size(); ++start) {
    std::vector<std::size_t> walk;
    std::size_t at = start;
    while (at != npos && colour[at] == unseen) {
      colour[at] = walking;
      walk.push_back(at);
      const auto& p = rows[at].parent_code;
      auto it = p.empty() ? first_row.end() : first_row.find(p);
      at = it == first_row.end() ? npos : it->second;
    }
    if (at != npos && colour[at] == walking) {
      const auto& r = rows[at];
      out.push_back(row_error("org_cycle", "parent_code", r, at,
                              "สายการบังคับบัญชาวนกลับมาที่หน่วยงานเดิม",
                              "the chain of parents loops back to this organisation"));
    }
    for (auto w : walk) colour[w] = done;
  }
  return out;
}

Checked<OrgTree> OrgTree::build(const std::vector<OrgRow>& rows) {
  auto found = problems(rows);
  if (!found.empty()) return found.front();

  OrgTree tree;
  tree.nodes_.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    tree.nodes_.push_back({r.code, r.parent_code, parse_org_kind(r.kind).value(), r.name_th});
    tree.index_.emplace(r.code, i);
  }
  tree.parent_.assign(rows.size(), npos);
  tree.children_.assign(rows.size(), {});
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].parent_code.empty()) continue;
    const auto p = tree.index_.find(rows[i].parent_code)->second;
    tree.parent_[i] = p;
    tree.children_[p].push_back(i);
  }
  return tree;
}

bool OrgTree::contains(std::string_view code) const { return index_.find(code) != index_.end(); }

const OrgNode* OrgTree::find(std::string_view code) const {
  auto it = index_.find(code);
  return it == index_.end() ? nullptr : &nodes_[it->second];
}

bool OrgTree::is_within(std::string_view node, std::string_view ancestor) const {
  auto n = index_.find(node), a = index_.find(ancestor);
  if (n == index_.end() || a == index_.end()) return false;
  for (auto at = n->second; at != npos; at = parent_[at])
    if (at == a->second) return true;
  return false;
}

std::vector<std::string> OrgTree::path_to_root(std::string_view code) const {
  std::vector<std::string> path;
  auto it = index_.find(code);
  if (it == index_.end()) return path;
  for (auto at = it->second; at != npos; at = parent_[at]) path.push_back(nodes_[at].code);
  return path;
}

std::vector<std::string> OrgTree::children(std::string_view code) const {
  std::vector<std::string> out;
  auto it = index_.find(code);
  if (it == index_.end()) return out;
  for (auto c : children_[it->second]) out.push_back(nodes_[c].code);
  return out;
}

std::vector<std::string> OrgTree::roots() const {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < nodes_.size(); ++i)
    if (parent_[i] == npos) out.push_back(nodes_[i].code);
  return out;
}

}  // namespace domain
