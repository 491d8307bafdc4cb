#pragma once
// The tree of organisations: centre -> departments -> provinces / education-area offices ->
// local-government organisations -> institutions. Permissions are granted on a node and
// cover its subtree, so "is this node inside that one" is the question everything asks.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "shared/core/field_error.hpp"

namespace domain {

enum class OrgKind { centre, department, province, area_office, local_government, institution };

struct OrgKindInfo {
  OrgKind kind;
  std::string_view id;  // as in the CSV and on the wire
  std::string_view name_th;
  std::string_view name_en;
};
const std::vector<OrgKindInfo>& org_kinds();
const OrgKindInfo& info(OrgKind kind);
std::string_view to_string(OrgKind kind);
// Also accepts the finer kinds of assets/directory/offices.csv: primary_area and
// secondary_area (area_office), provincial_office (province), pao, municipality and sao
// (local_government).
Checked<OrgKind> parse_org_kind(std::string_view id, std::string field = "kind");

// One line of the organisations CSV (header code,parent_code,kind,name_th).
struct OrgRow {
  std::string code;
  std::string parent_code;  // empty for a root
  std::string kind;         // OrgKind id, e.g. "area_office"
  std::string name_th;
  int line = 0;             // source line for messages; 0 = its position in the list (1-based)
};

struct OrgNode {
  std::string code;
  std::string parent_code;
  OrgKind kind;
  std::string name_th;
};

class OrgTree {
 public:
  OrgTree() = default;

  // Checks every row and returns the first problem (in row order), naming the line and code:
  // empty code or name, unknown kind, duplicate code, unknown parent, a cycle, or an
  // institution used as a parent (institutions are leaves).
  static Checked<OrgTree> build(const std::vector<OrgRow>& rows);
  // Every problem, for an import report.
  static std::vector<FieldError> problems(const std::vector<OrgRow>& rows);

  std::size_t size() const { return nodes_.size(); }
  bool contains(std::string_view code) const;
  const OrgNode* find(std::string_view code) const;  // nullptr when unknown

  // True when `node` is `ancestor` or lies below it. Unknown codes are within nothing.
  bool is_within(std::string_view node, std::string_view ancestor) const;
  // `code` first, the root last; empty when unknown.
  std::vector<std::string> path_to_root(std::string_view code) const;
  // Direct children, in row order; empty when unknown or a leaf.
  std::vector<std::string> children(std::string_view code) const;
  std::vector<std::string> roots() const;

 private:
  std::vector<OrgNode> nodes_;
  std::map<std::string, std::size_t, std::less<>> index_;
  std::vector<std::size_t> parent_;  // index of the parent, npos for a root
  std::vector<std::vector<std::size_t>> children_;
};

}  // namespace domain
