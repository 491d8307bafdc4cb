#pragma once
// Failed sign-ins per account and per client address, for the progressive slow-down of
// shared/accounts/sign_in_policy. Failures are counted for any username, existing or not,
// so the slow-down itself tells nothing about which accounts exist.
#include <cstdint>
#include <string>

#include "server/storage/database.hpp"
#include "shared/accounts/rate_limit.hpp"

namespace server::auth {

std::string account_key(std::string_view username);
std::string address_key(std::string_view client_address);

struct FailureCount {
  int count = 0;
  std::int64_t last_at = 0;
};
FailureCount recent_failures(storage::Database& db, const std::string& key, std::int64_t now);
// Returns the row id of the failure recorded.
std::int64_t record_failure(storage::Database& db, const std::string& key, std::int64_t now);
void clear_failures(storage::Database& db, const std::string& key);

// The gate before a password is even checked.
domain::RateDecision sign_in_gate(storage::Database& db, std::string_view username, std::string_view address,
                                  std::int64_t now);

// The gate and, when it lets the attempt through, a failure recorded for it at once (the
// caller holds one write transaction around both): of many attempts at the same moment each
// sees those before it, so 50 at once are checked no more often than 50 one by one. A
// right password releases the reservation.
struct Reservation {
  std::int64_t account_row = 0, address_row = 0;
};
struct Attempt {
  domain::RateDecision decision;
  Reservation reserved;  // zero when refused
};
Attempt reserve_sign_in_attempt(storage::Database& db, std::string_view username, std::string_view address,
                                std::int64_t now);
void release(storage::Database& db, const Reservation& reserved);

// Wrong activation links and password-reset tokens, per client address.
std::string link_address_key(std::string_view client_address);
domain::RateDecision link_gate(storage::Database& db, std::string_view address, std::int64_t now);

}  // namespace server::auth
