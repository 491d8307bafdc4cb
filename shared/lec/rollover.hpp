#pragma once
// A new academic year (api.md POST .../rollover): last year's attending children move up a
// level in the same institution; those past its top level leave as graduated.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "shared/lec/child.hpp"
#include "shared/lec/level.hpp"

namespace domain {

struct RolloverSource {
  std::int64_t record_id = 0;  // last year's record
  ChildInput child;
};

struct RolloverPlan {
  std::vector<RolloverSource> moved_up;   // with child.level already the new level
  std::vector<RolloverSource> graduated;  // as last year (their level is the one they left)
  std::vector<RolloverSource> already;    // already in the new year's register: left alone
};

// The institution's top level: the highest level among last year's attending children (a
// primary school's p6 leave; a school that teaches m3 keeps them). A centre's children
// always leave (next_level(cdc) is none). `present_ids`: the ID values already recorded in
// the new year at this institution.
std::optional<Level> top_level(const std::vector<RolloverSource>& attending);
RolloverPlan plan_rollover(const std::vector<RolloverSource>& attending, InstitutionType type,
                           const std::vector<std::string>& present_ids);

}  // namespace domain
