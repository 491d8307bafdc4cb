#pragma once
// What the two halves of LecStore share: the pieces every write runs inside its transaction.
#include "server/lec/lec_store.hpp"

namespace server::lec::detail {

using storage::Database;

std::string name_of(const domain::OrgTree& orgs, std::string_view code);
domain::RoundState load_state(Database& db, int year);
// What the rules need for one write at `code`: the node, its ancestors and direct children.
domain::RoundState load_state_around(Database& db, const domain::OrgTree& orgs, int year, const std::string& code);
domain::LevelCounts counts_of_institution(Database& db, int year, const std::string& code);
void bump(Database& db, int year, const std::string& institution, domain::Level level, std::int64_t delta);
// Deletes the confirmations a change at `code` voids, notifies, queues the SMS; adds to `out`.
void void_for_change(Database& db, const domain::OrgTree& orgs, int year, const std::string& code,
                     const domain::DataChange& change, std::vector<OrgRef>& voided, std::vector<VoidNotice>& notices);

}  // namespace server::lec::detail
