#pragma once
// Small pieces the account screens share: a client-made FieldError from UI words, the
// "next" route after signing in, a countdown for 429 / OTP re-sends.
#include <cmath>
#include <string>

#include "shared/core/field_error.hpp"
#include "shared/ui/strings.hpp"
#include "wasm/app/frame_pacer.hpp"
#include "wasm/app/route.hpp"

namespace accounts {

inline domain::FieldError client_error(std::string code, std::string field, const ui::Text& t) {
  return {std::move(code), std::move(field), std::string(t.th), std::string(t.en)};
}

// Where to go after signing in: the ?next= route when it is one of ours, else home.
inline std::string next_route(const app::Route& route) {
  std::string next = route.get("next");
  return next.rfind("#/", 0) == 0 ? next : "#/";
}

// Seconds left until a moment, shown each second: wake_at() asks a frame per second.
class Countdown {
 public:
  void start(double now, double seconds) { until_ = now + seconds; }
  void stop() { until_ = 0; }
  int left(double now) const { return until_ > now ? int(std::ceil(until_ - now)) : 0; }
  double wake_at(double now) const {
    if (left(now) == 0) return app::FramePacer::never;
    return until_ - (left(now) - 1);  // the moment the shown number changes
  }

 private:
  double until_ = 0;
};

}  // namespace accounts
