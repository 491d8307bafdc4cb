#include "server/lec/lec_file_store.hpp"

#include <map>

namespace server::lec {

using storage::Database;

std::vector<domain::SamplePool> LecFileStore::attending_pool(int year) {
  auto db = db_.acquire();
  auto q = db->prepare(
      "SELECT institution_code, id FROM lec_children WHERE year = ? AND status = 'attending' "
      "ORDER BY institution_code, id");
  q.bind(1, std::int64_t{year});
  std::vector<domain::SamplePool> out;
  while (q.step()) {
    std::string code = q.text(0);
    if (out.empty() || out.back().institution_code != code) out.push_back({std::move(code), {}});
    out.back().child_ids.push_back(q.integer(1));
  }
  return out;
}

std::int64_t LecFileStore::add_spot_check(int year, const std::string& org, std::uint64_t seed, const Actor& actor,
                                          const std::vector<domain::SampledInstitution>& sample) {
  auto db = db_.acquire();
  storage::Transaction tx(*db);
  auto ins = db->prepare("INSERT INTO lec_spot_checks (year, org_code, seed, created_by, created_by_id) VALUES (?, ?, ?, ?, ?) RETURNING id");
  ins.bind(1, std::int64_t{year}).bind(2, org).bind(3, std::to_string(seed)).bind(4, actor.name).bind(5, actor.user_id);
  const std::int64_t id = ins.returned_id();
  auto item = db->prepare("INSERT INTO lec_spot_check_items (check_id, institution_code, child_id) VALUES (?, ?, ?)");
  for (const auto& s : sample)
    for (auto child : s.child_ids) {
      item.bind(1, id).bind(2, s.institution_code).bind(3, child);
      item.run();
      item.reset();
    }
  tx.commit();
  return id;
}

std::vector<SpotCheckItem> LecFileStore::items(Database& db, std::int64_t check_id) {
  auto q = db.prepare(
      "SELECT id, institution_code, child_id, found, note, checked_by, checked_at FROM lec_spot_check_items "
      "WHERE check_id = ? ORDER BY id");
  q.bind(1, check_id);
  std::vector<SpotCheckItem> out;
  while (q.step()) {
    SpotCheckItem i{q.integer(0), q.text(1), q.integer(2), std::nullopt, q.text(4), q.text(5), q.text(6)};
    if (!q.is_null(3)) i.found = q.integer(3) != 0;
    out.push_back(std::move(i));
  }
  return out;
}

std::vector<SpotCheck> LecFileStore::spot_checks(int year, const std::string& org) {
  auto db = db_.acquire();
  auto q = db->prepare(
      "SELECT id, created_by, created_at FROM lec_spot_checks WHERE year = ? AND org_code = ? ORDER BY id DESC");
  q.bind(1, std::int64_t{year}).bind(2, org);
  std::vector<SpotCheck> out;
  while (q.step()) out.push_back({q.integer(0), year, org, q.text(1), q.text(2), {}});
  for (auto& c : out) c.items = items(*db, c.id);
  return out;
}

std::optional<SpotCheck> LecFileStore::spot_check(int year, std::int64_t id) {
  auto db = db_.acquire();
  auto q = db->prepare("SELECT org_code, created_by, created_at FROM lec_spot_checks WHERE year = ? AND id = ?");
  q.bind(1, std::int64_t{year}).bind(2, id);
  if (!q.step()) return std::nullopt;
  SpotCheck c{id, year, q.text(0), q.text(1), q.text(2), {}};
  c.items = items(*db, id);
  return c;
}

bool LecFileStore::set_finding(std::int64_t check_id, std::int64_t item_id, const domain::SpotCheckFinding& f,
                               const Actor& actor) {
  auto db = db_.acquire();
  auto q = db->prepare(
      "UPDATE lec_spot_check_items SET found = ?, note = ?, checked_by = ?, "
      "checked_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE check_id = ? AND id = ?");
  q.bind(1, std::int64_t{f.found ? 1 : 0}).bind(2, f.note).bind(3, actor.name).bind(4, check_id).bind(5, item_id);
  q.run();
  return db->changes() == 1;
}

}  // namespace server::lec
