#pragma once
// Sign-in timing rules. Usernames are public school codes, so failed logins only slow the
// next attempt down (per account and per client address); nothing locks an account for good.
// Time is unix seconds, passed in.
#include <cstdint>

#include "shared/accounts/rate_limit.hpp"

namespace domain {

struct SlowDown {
  int free_failures;         // failures that cost nothing (typing mistakes)
  std::int64_t max_delay;    // seconds; the doubling stops here
  std::int64_t window;       // seconds; only failures this recent count
};
// Per account: 3 free, then 1, 2, 4, 8 ... s, at most 15 min; failures of the last hour.
inline constexpr SlowDown account_slow_down{3, 15 * 60, 60 * 60};
// Per address: a district office or kiosk puts many people behind one address, so more slack.
inline constexpr SlowDown address_slow_down{10, 15 * 60, 60 * 60};

// Seconds the next attempt must wait after `recent_failures` failures within the window.
std::int64_t delay_after_failures(int recent_failures, const SlowDown& rule = account_slow_down);

// Seconds still to wait at `now`, given the recent failures and when the last one happened.
std::int64_t sign_in_wait(int recent_failures, std::int64_t last_failure_at, std::int64_t now,
                          const SlowDown& rule = account_slow_down);

// The login gate: the longer of the account's and the address's waits. The refusal is the
// same whether or not the account exists (the caller counts failures for any username).
RateDecision may_attempt_sign_in(int account_failures, std::int64_t account_last_failure_at,
                                 int address_failures, std::int64_t address_last_failure_at,
                                 std::int64_t now);

// Activation links and password-reset tokens: each wrong one counts against the client
// address with the address rule (10 free, then 1, 2, 4 ... s), so guessing links or
// sending bodies that would cost a password hash is slowed down like guessing passwords.
RateDecision may_try_link(int address_failures, std::int64_t address_last_failure_at, std::int64_t now);

// Sessions: idle 30 min, absolute 8 h.
inline constexpr std::int64_t session_idle_limit = 30 * 60;
inline constexpr std::int64_t session_absolute_limit = 8 * 60 * 60;
bool session_alive(std::int64_t created, std::int64_t last_seen, std::int64_t now);
// When the session dies if nothing more happens (for the cookie and the client's timer).
std::int64_t session_expires_at(std::int64_t created, std::int64_t last_seen);

// An issued (first-login) password and an activation link both work for 72 h, once.
inline constexpr std::int64_t issued_password_lifetime = 72 * 60 * 60;
inline constexpr std::int64_t activation_link_lifetime = 72 * 60 * 60;
bool issued_password_valid(std::int64_t issued_at, std::int64_t now);
bool activation_link_valid(std::int64_t issued_at, std::int64_t now);

}  // namespace domain
