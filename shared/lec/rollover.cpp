#include "shared/lec/rollover.hpp"

#include <algorithm>
#include <set>

namespace domain {

std::optional<Level> top_level(const std::vector<RolloverSource>& attending) {
  std::optional<Level> top;
  for (const auto& s : attending)
    if (!top || s.child.level > *top) top = s.child.level;
  return top;
}

RolloverPlan plan_rollover(const std::vector<RolloverSource>& attending, InstitutionType type,
                           const std::vector<std::string>& present_ids) {
  const std::set<std::string, std::less<>> present(present_ids.begin(), present_ids.end());
  const auto top = top_level(attending);
  RolloverPlan plan;
  for (const auto& s : attending) {
    if (present.contains(s.child.id.value())) {
      plan.already.push_back(s);
      continue;
    }
    const auto next = next_level(s.child.level);
    if (!next || !top || *next > *top || check_level_offered(*next, type)) {
      plan.graduated.push_back(s);
      continue;
    }
    RolloverSource up = s;
    up.child.level = *next;
    plan.moved_up.push_back(std::move(up));
  }
  return plan;
}

}  // namespace domain
