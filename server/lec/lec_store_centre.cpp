// A child-development centre's basic data: one row per centre and year, written in the
// same transaction as the voiding of the confirmations above it.
#include "server/lec/lec_store_detail.hpp"

namespace server::lec {

std::optional<domain::CentreProfile> LecStore::centre_profile(int year, const std::string& institution) {
  auto db = db_.acquire();
  auto q = db->prepare("SELECT profile FROM lec_centres WHERE year = ? AND institution_code = ?");
  q.bind(1, std::int64_t{year}).bind(2, institution);
  if (!q.step()) return std::nullopt;
  auto p = domain::parse_centre_profile(nlohmann::json::parse(q.text(0), nullptr, false));
  if (!p) return std::nullopt;
  return p.value();
}

Result<WriteResult> LecStore::set_centre_profile(int year, const std::string& institution,
                                                 const domain::CentreProfile& p, const Actor& actor) {
  auto db = db_.acquire();
  storage::Transaction tx(*db);
  auto q = db->prepare("SELECT profile FROM lec_centres WHERE year = ? AND institution_code = ?");
  q.bind(1, std::int64_t{year}).bind(2, institution);
  std::optional<domain::CentreProfile> before;
  if (q.step())
    if (auto b = domain::parse_centre_profile(nlohmann::json::parse(q.text(0), nullptr, false))) before = b.value();
  WriteResult out;
  if (before && *before == p) return out;  // nothing changed: nothing to void
  db->prepare("INSERT INTO lec_centres (year, institution_code, profile, updated_by) VALUES (?, ?, ?, ?) "
              "ON CONFLICT (year, institution_code) DO UPDATE SET profile = excluded.profile, "
              "updated_by = excluded.updated_by, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')")
      .bind(1, std::int64_t{year})
      .bind(2, institution)
      .bind(3, nlohmann::json(p).dump())
      .bind(4, actor.user_id)
      .run();
  const auto counts = detail::counts_of_institution(*db, year, institution);
  const domain::DataChange change{institution, detail::name_of(orgs_, institution), "centre_profile", counts, counts};
  detail::void_for_change(*db, orgs_, year, institution, change, out.voided, out.notices);
  tx.commit();
  return out;
}

}  // namespace server::lec
