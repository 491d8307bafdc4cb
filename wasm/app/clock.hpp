#pragma once
#include <chrono>

namespace app {

// Seconds on a steady clock: timers (search debounce) and frame pacing.
inline double now() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

}  // namespace app
