#include "shared/accounts/sign_in_policy.hpp"

#include <algorithm>

namespace domain {

namespace {

// Valid from `start` (inclusive) for `lifetime` seconds (the end is exclusive).
bool within(std::int64_t start, std::int64_t lifetime, std::int64_t now) {
  return now < start + lifetime;
}

}  // namespace

std::int64_t delay_after_failures(int recent_failures, const SlowDown& rule) {
  const int charged = recent_failures - rule.free_failures;
  if (charged <= 0) return 0;
  // 1 << 20 is already far past any cap; stop shifting there to avoid overflow.
  if (charged > 20) return rule.max_delay;
  return std::min<std::int64_t>(std::int64_t{1} << (charged - 1), rule.max_delay);
}

std::int64_t sign_in_wait(int recent_failures, std::int64_t last_failure_at, std::int64_t now,
                          const SlowDown& rule) {
  return std::max<std::int64_t>(0, last_failure_at + delay_after_failures(recent_failures, rule) - now);
}

RateDecision may_attempt_sign_in(int account_failures, std::int64_t account_last_failure_at,
                                 int address_failures, std::int64_t address_last_failure_at,
                                 std::int64_t now) {
  const auto wait = std::max(
      sign_in_wait(account_failures, account_last_failure_at, now, account_slow_down),
      sign_in_wait(address_failures, address_last_failure_at, now, address_slow_down));
  return decide_wait(wait, "");
}

RateDecision may_try_link(int address_failures, std::int64_t address_last_failure_at, std::int64_t now) {
  return decide_wait(sign_in_wait(address_failures, address_last_failure_at, now, address_slow_down), "token");
}

bool session_alive(std::int64_t created, std::int64_t last_seen, std::int64_t now) {
  return within(last_seen, session_idle_limit, now) && within(created, session_absolute_limit, now);
}

std::int64_t session_expires_at(std::int64_t created, std::int64_t last_seen) {
  return std::min(last_seen + session_idle_limit, created + session_absolute_limit);
}

bool issued_password_valid(std::int64_t issued_at, std::int64_t now) {
  return within(issued_at, issued_password_lifetime, now);
}

bool activation_link_valid(std::int64_t issued_at, std::int64_t now) {
  return within(issued_at, activation_link_lifetime, now);
}

}  // namespace domain
