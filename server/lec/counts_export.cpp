#include "server/lec/counts_export.hpp"

#include "shared/lec/child.hpp"

namespace server::lec {

namespace {

std::string nearest(const domain::OrgTree& tree, const std::string& code, domain::OrgKind kind) {
  for (const auto& c : tree.path_to_root(code))
    if (const auto* n = tree.find(c); n && n->kind == kind) return n->name_th;
  return "";
}

void walk(const domain::OrgTree& tree, const std::string& code, std::vector<CountsRow>& out,
          const std::function<domain::LevelCounts(const std::string&)>& counts_of,
          const std::function<std::vector<FundedCounts>(const std::string&)>& funded_of) {
  const auto* n = tree.find(code);
  if (!n) return;
  if (n->kind == domain::OrgKind::institution) {
    const bool centre = domain::institution_type_from_name(n->name_th) == domain::InstitutionType::child_development_centre;
    out.push_back({n->code, n->name_th, centre ? "ศูนย์พัฒนาเด็กเล็ก" : "โรงเรียน",
                   nearest(tree, code, domain::OrgKind::local_government),
                   nearest(tree, code, domain::OrgKind::province), counts_of(code)});
    return;
  }
  for (const auto& child : tree.children(code)) walk(tree, child, out, counts_of, funded_of);
  if (n->kind == domain::OrgKind::local_government) {
    const std::string province = nearest(tree, code, domain::OrgKind::province);
    for (auto& f : funded_of(code))
      out.push_back({f.code, f.name_th, "โรงเรียนต่างสังกัด (อุดหนุน)", n->name_th, province, f.counts});
  }
}

}  // namespace

std::vector<CountsRow> subtree_rows(const domain::OrgTree& tree, std::string_view org,
                                    const std::function<domain::LevelCounts(const std::string&)>& counts_of,
                                    const std::function<std::vector<FundedCounts>(const std::string&)>& funded_of) {
  std::vector<CountsRow> out;
  walk(tree, std::string(org), out, counts_of, funded_of);
  return out;
}

kpi::Table counts_table(const std::vector<CountsRow>& rows, int year) {
  kpi::Table t;
  t.title = "จำนวนเด็ก ปีการศึกษา " + std::to_string(year);
  t.headers = {"รหัส", "ชื่อสถานศึกษา", "ประเภท", "องค์กรปกครองส่วนท้องถิ่น", "จังหวัด"};
  for (const auto& l : domain::levels()) t.headers.emplace_back(l.short_th);
  for (const char* h : {"รวม", "เด็กได้รับอาหารกลางวัน", "เด็กได้รับนม", "ค่าอาหารกลางวัน (บาท/ปี)", "ค่านม (บาท/ปี)"})
    t.headers.emplace_back(h);
  domain::LevelCounts sum;
  const auto numbers = [](std::vector<kpi::Cell>& row, const domain::LevelCounts& c) {
    for (const auto& l : domain::levels()) row.emplace_back(static_cast<double>(c[l.level]));
    const auto s = domain::subsidy(c);
    row.emplace_back(static_cast<double>(c.total()));
    for (auto v : {s.lunch_children, s.milk_children, s.lunch_baht, s.milk_baht}) row.emplace_back(static_cast<double>(v));
  };
  for (const auto& r : rows) {
    std::vector<kpi::Cell> row{r.code, r.name_th, r.type_th, r.lgo_name_th, r.province_name_th};
    numbers(row, r.counts);
    t.rows.push_back(std::move(row));
    sum += r.counts;
  }
  std::vector<kpi::Cell> total{std::string(), std::string("รวมทั้งหมด"), std::monostate{}, std::monostate{},
                               std::monostate{}};
  numbers(total, sum);
  t.rows.push_back(std::move(total));
  return t;
}

}  // namespace server::lec
