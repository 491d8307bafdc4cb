#pragma once
#include <chrono>
#include <cstdint>

namespace app {

// Seconds on a steady clock: timers (search debounce) and frame pacing.
inline double now() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

// Seconds since 1970 (UTC) on the wall clock: how long ago a server time was.
inline std::int64_t wall_now() {
  using namespace std::chrono;
  return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace app
