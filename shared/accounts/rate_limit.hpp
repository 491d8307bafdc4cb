#pragma once
// The one shape of "not now, come back in N seconds" (HTTP 429 with Retry-After), shared by
// the sign-in slow-down and the OTP send limits.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "shared/core/field_error.hpp"

namespace domain {

// Code "rate_limited"; the messages say how long to wait, in minutes and seconds.
FieldError rate_limited(std::int64_t retry_after_seconds, std::string field = "");

// Thai / English wording of a wait, e.g. "2 นาที 5 วินาที" / "2 min 5 s".
std::string wait_th(std::int64_t seconds);
std::string wait_en(std::int64_t seconds);

struct RateDecision {
  std::int64_t retry_after = 0;      // seconds; 0 = go ahead
  std::optional<FieldError> refusal;  // set exactly when retry_after > 0
  bool allowed() const { return !refusal; }
};

// Allowed when the wait is 0 or less, otherwise a rate_limited refusal naming `field`.
RateDecision decide_wait(std::int64_t retry_after_seconds, std::string field = "");

// How many of `times` fall within the last `window` seconds before `now` (now - window, now].
int count_recent(const std::vector<std::int64_t>& times, std::int64_t now, std::int64_t window);

}  // namespace domain
