#include "server/accounts/org_directory.hpp"

#include <fstream>
#include <map>
#include <set>
#include <stdexcept>

#include "server/directory/csv_reader.hpp"
#include "shared/core/text.hpp"

namespace server::accounts {

OfficeImport import_offices(storage::ConnectionPool& pool, const std::filesystem::path& csv) {
  std::ifstream in(csv, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + csv.string());
  directory::CsvReader reader(in);
  std::vector<std::string> f;
  if (!reader.next(f) || f != std::vector<std::string>{"code", "name_th", "kind", "province", "parent_code"})
    throw std::runtime_error(csv.string() + ": the header must be code,name_th,kind,province,parent_code");

  OfficeImport report;
  auto db = pool.acquire();
  storage::Transaction tx(*db);
  auto existing = db->prepare("SELECT name_th, kind, province, parent_code FROM organisations WHERE code = ?");
  auto upsert = db->prepare(
      "INSERT INTO organisations (code, name_th, kind, province, parent_code) VALUES (?1, ?2, ?3, ?4, ?5) "
      "ON CONFLICT (code) DO UPDATE SET name_th = ?2, kind = ?3, province = ?4, parent_code = ?5");
  while (reader.next(f)) {
    ++report.rows;
    const auto line = "line " + std::to_string(reader.line()) + ": ";
    if (f.size() != 5) {
      report.rejected.push_back(line + "expected 5 columns, got " + std::to_string(f.size()));
      continue;
    }
    for (auto& v : f) v = domain::trim(v);
    if (f[0].size() != 10 || !domain::is_ascii_digits(f[0]) || f[0] == centre_code) {
      report.rejected.push_back(line + "code: must be 10 digits (and not the centre's)");
      continue;
    }
    if (f[1].empty() || !domain::is_valid_utf8(f[1])) {
      report.rejected.push_back(line + "name_th: missing or not UTF-8");
      continue;
    }
    if (auto kind = domain::parse_org_kind(f[2]); !kind || kind.value() == domain::OrgKind::institution ||
                                                    kind.value() == domain::OrgKind::centre) {
      report.rejected.push_back(line + "kind: unknown office kind '" + f[2] + "'");
      continue;
    }
    existing.reset();
    existing.bind(1, f[0]);
    if (existing.step()) {
      if (existing.text(0) == f[1] && existing.text(1) == f[2] && existing.text(2) == f[3] && existing.text(3) == f[4])
        continue;
      ++report.updated;
    } else {
      ++report.inserted;
    }
    upsert.reset();
    upsert.bind(1, f[0]).bind(2, f[1]).bind(3, f[2]).bind(4, f[3]).bind(5, f[4]);
    upsert.run();
  }
  existing.reset();
  tx.commit();
  return report;
}

LoadedTree load_org_tree(storage::ConnectionPool& pool) {
  std::vector<domain::OrgRow> rows;
  rows.push_back({std::string(centre_code), "", "centre", std::string(centre_name_th), 0});
  {
    auto db = pool.acquire();
    // Offices first (parents before children is not required, but keeps the order natural).
    auto stmt = db->prepare("SELECT code, parent_code, kind, name_th FROM org_tree");
    while (stmt.step()) {
      domain::OrgRow r{stmt.text(0), stmt.text(1), stmt.text(2), stmt.text(3), 0};
      // Departments hang under the centre, so the centre's grants cover everything.
      if (r.parent_code.empty()) r.parent_code = std::string(centre_code);
      rows.push_back(std::move(r));
    }
  }

  LoadedTree out;
  // Drop duplicates (an institution code that is also an office) and, repeatedly, rows
  // whose parent is missing or is an institution; then build.
  std::map<std::string, std::size_t, std::less<>> index;
  std::vector<bool> keep(rows.size(), true);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (!index.emplace(rows[i].code, i).second) {
      keep[i] = false;
      out.dropped.push_back(rows[i].code + ": the code is used twice");
    }
  }
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (!keep[i] || rows[i].parent_code.empty()) continue;
      auto p = index.find(rows[i].parent_code);
      if (p == index.end() || !keep[p->second] || rows[p->second].kind == "institution") {
        keep[i] = false;
        changed = true;
        out.dropped.push_back(rows[i].code + ": unknown parent " + rows[i].parent_code);
      }
    }
  }
  std::vector<domain::OrgRow> kept;
  kept.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (keep[i]) kept.push_back(std::move(rows[i]));
  auto built = domain::OrgTree::build(kept);
  if (!built) throw std::runtime_error("organisation tree: " + built.error().message_en);
  out.tree = std::move(built.value());
  return out;
}

}  // namespace server::accounts
