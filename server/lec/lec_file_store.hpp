#pragma once
// The SQL of the LEC files helper, beside LecStore on the same schema: the sampling pool
// and the spot checks. Plain structs out; no rules here.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "server/lec/lec_store.hpp"
#include "server/storage/connection_pool.hpp"
#include "shared/lec/spot_check.hpp"

namespace server::lec {

struct SpotCheckItem {
  std::int64_t id = 0;
  std::string institution_code;
  std::int64_t child_id = 0;
  std::optional<bool> found;
  std::string note, checked_by, checked_at;
};
struct SpotCheck {
  std::int64_t id = 0;
  int year = 0;
  std::string org_code, created_by, created_at;
  std::vector<SpotCheckItem> items;
};

class LecFileStore {
 public:
  explicit LecFileStore(storage::ConnectionPool& db) : db_(db) {}

  // Attending children's record ids of every institution in a year, by institution code.
  std::vector<domain::SamplePool> attending_pool(int year);
  std::int64_t add_spot_check(int year, const std::string& org, std::uint64_t seed, const Actor& actor,
                              const std::vector<domain::SampledInstitution>& sample);
  std::vector<SpotCheck> spot_checks(int year, const std::string& org);
  std::optional<SpotCheck> spot_check(int year, std::int64_t id);
  // False when the item is not part of that check.
  bool set_finding(std::int64_t check_id, std::int64_t item_id, const domain::SpotCheckFinding& f, const Actor& actor);

 private:
  std::vector<SpotCheckItem> items(storage::Database& db, std::int64_t check_id);
  storage::ConnectionPool& db_;
};

}  // namespace server::lec
