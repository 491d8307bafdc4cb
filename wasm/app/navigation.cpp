#include "wasm/app/navigation.hpp"

#include "wasm/app/screen.hpp"
#include "wasm/platform/platform.hpp"

namespace app {

void Navigation::go(const std::string& route) { platform::navigate(route); }

bool Navigation::poll() {
  std::string now = platform::current_route();
  if (now == current_) return false;
  current_ = std::move(now);
  return true;
}

void Screens::add(const std::string& prefix, std::unique_ptr<Screen> screen, Access access) {
  entries_.push_back({parse_route(prefix).segments, std::move(screen), access});
}

const Screens::Entry* Screens::match(Route& route) const {
  const Entry* best = nullptr;
  for (const auto& e : entries_) {
    if (e.prefix.size() > route.segments.size()) continue;
    if (!std::equal(e.prefix.begin(), e.prefix.end(), route.segments.begin())) continue;
    if (!best || e.prefix.size() > best->prefix.size()) best = &e;
  }
  // Home takes no params: "#/nonsense" is not the home screen.
  if (best && best->prefix.empty() && !route.segments.empty()) best = nullptr;
  if (best) route.params.assign(route.segments.begin() + long(best->prefix.size()), route.segments.end());
  return best;
}

}  // namespace app
