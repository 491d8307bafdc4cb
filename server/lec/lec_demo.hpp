#pragma once
// Development mode's local education data: the round of the current academic year open
// with deadlines a few weeks ahead, a register for the demo institutions, and a funded
// school of another affiliation, so a newcomer can walk the whole chain at once.
#include "server/lec/lec_store.hpp"

namespace server::lec {

domain::Date today_in_thailand();
domain::Date plus_days(const domain::Date& d, int days);
// A valid national ID (checksum) for demo and test data: 13 digits from `seed`.
std::string demo_national_id(std::int64_t seed);
// Idempotent: seeds only what is missing. Returns the number of children added.
int seed_demo(LecStore& store, const domain::Date& today);

}  // namespace server::lec
