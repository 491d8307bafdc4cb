#pragma once
// Local education data in SQLite: rounds, each institution's register of children (IDs
// sealed, found by keyed hash), live counts, funded schools and confirmations.
//
// Every write runs in one transaction that also (1) moves the live counts of its
// institution and (2) deletes the confirmations the change voids (domain::voided_by_change)
// and queues the notices to their confirmers. So no confirmation ever stands above data
// that changed after it. Callers (routes, the import/export helper) pass parsed domain
// values; the store returns plain structs and never logs an ID.
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "server/auth/crypto.hpp"
#include "server/auth/caller.hpp"
#include "server/http/refusal.hpp"
#include "server/storage/connection_pool.hpp"
#include "server/storage/kept_at.hpp"
#include "shared/lec/centre_profile.hpp"
#include "shared/lec/child.hpp"
#include "shared/lec/confirmation.hpp"

namespace server::lec {

// Refusals: 400 bad input, 404 unknown, 409 state conflict (`extra`: e.g. blocked_by).
using http::Refusal;
template <class T>
using Result = http::Outcome<T>;

using auth::Actor;

struct OrgRef {
  std::string code, name_th;
};
// Someone whose confirmation a change voided: an SMS goes to them after the commit.
struct VoidNotice {
  std::int64_t user_id;
  std::string text;
};
// What every write reports: the record it concerns and the confirmations it voided.
struct WriteResult {
  std::int64_t id = 0;
  std::vector<OrgRef> voided;        // nearest first, over every institution the write touched
  std::vector<VoidNotice> notices;   // SMS to send once committed
  // A move-in: the institution the child left, and what to tell its editors.
  std::string moved_from, moved_text;
};

// A register line as shown: the ID only masked.
struct ChildRow {
  std::int64_t id = 0;
  std::string institution_code;
  domain::ChildIdKind id_kind = domain::ChildIdKind::national_id;
  std::string id_masked;
  std::string title, first_name, last_name;
  domain::Sex sex = domain::Sex::m;
  domain::Date birth_date;
  domain::Level level = domain::Level::k1;
  std::string room;
  bool attending = true;
  std::string removed_reason, removed_note, updated_at;
};
struct ChildFilter {
  std::optional<bool> attending;  // nullopt: both
  std::string q;                  // part of a name, or a whole ID (matched by hash)
};
// Where a child attends in a year.
struct Enrolment {
  std::int64_t child_id = 0;
  std::string institution_code, institution_name_th;
};
struct ApplyResult {
  std::int64_t added = 0, updated = 0, unchanged = 0;
  std::vector<OrgRef> voided;
  std::vector<VoidNotice> notices;
};
struct FundedSchool {
  std::string code, name_th, affiliation, province;
  std::optional<domain::LevelCounts> counts;  // nullopt: not recorded yet
  bool closed = false;
};
struct Confirmation {
  std::string org_code, confirmed_at, confirmed_by;
  std::int64_t user_id = 0;
  bool on_behalf = false;
};

// What the progress view reads of a round, built once per revision of the year (every
// write that changes it moves lec_revision in its own transaction), so a national round's
// view is not rebuilt from ~300,000 count rows for every request.
struct RoundSnapshot {
  std::int64_t revision = -1;
  domain::RoundState state;
  std::map<std::string, Confirmation> confirmations;
  std::map<std::string, domain::LevelCounts> counts;  // counts_by_node
  std::map<std::string, domain::Progress, std::less<>> progress;
};

class LecStore {
 public:
  // `keys`: the hash and seal keys of child IDs (contexts "lec-hash"/"lec-seal").
  LecStore(storage::ConnectionPool& db, const domain::OrgTree& orgs, auth::DerivedKeys keys)
      : db_(db), orgs_(orgs), keys_(std::move(keys)) {}
  const domain::OrgTree& orgs() const { return orgs_; }

  // --- rounds
  std::optional<domain::Deadlines> round(int year);
  std::vector<int> open_years();
  void open_round(int year, const domain::Deadlines& d, const Actor& actor);

  // --- the register
  std::vector<ChildRow> children(int year, const std::string& institution, const ChildFilter& filter);
  std::optional<ChildRow> child(int year, std::int64_t id);
  std::optional<domain::ChildId> reveal(int year, std::int64_t id);  // unsealed: reveal endpoint only
  std::optional<Enrolment> find_enrolment(int year, const domain::ChildId& id);
  // 409 child_enrolled_elsewhere (or child_exists at the same institution); with move_in the
  // record there is removed (reason moved), its counts and confirmations follow, and that
  // institution's editors are notified.
  Result<WriteResult> add_child(int year, const std::string& institution, const domain::ChildInput& c, bool move_in,
                                const Actor& actor);
  // 404 child_not_found; 400 id_number_change; 409 when the new ID attends elsewhere.
  Result<WriteResult> edit_child(int year, const std::string& institution, std::int64_t id,
                                 const domain::ChildInput& c, const Actor& actor);
  Result<WriteResult> remove_child(int year, const std::string& institution, std::int64_t id,
                                   const domain::Removal& r, const Actor& actor);
  Result<WriteResult> restore_child(int year, const std::string& institution, std::int64_t id, const Actor& actor);
  // The import: each input matched by ID among the institution's attending children
  // (added / updated / unchanged) in one transaction; a child attending elsewhere refuses the
  // whole batch (409 child_enrolled_elsewhere, field "rows[i].id_number", i 0-based).
  Result<ApplyResult> apply_children(int year, const std::string& institution,
                                     const std::vector<domain::ChildInput>& rows, const Actor& actor);

  // --- a child-development centre's basic data (lec_store_centre.cpp)
  std::optional<domain::CentreProfile> centre_profile(int year, const std::string& institution);
  // Voids like a change of a child (what "centre_profile"); unchanged data voids nothing.
  Result<WriteResult> set_centre_profile(int year, const std::string& institution, const domain::CentreProfile& p,
                                         const Actor& actor);

  // --- counts (live)
  std::map<std::string, domain::LevelCounts> institution_counts(int year);
  // Every node taking part (and each LGO's funded schools added to it) rolled up the tree.
  std::map<std::string, domain::LevelCounts> counts_by_node(int year);

  // The round as of now: rebuilt when the year's revision moved since the last build.
  std::shared_ptr<const RoundSnapshot> snapshot(int year);

  // --- funded schools
  std::vector<FundedSchool> funded_schools(int year, const std::string& lgo);
  // 400 school_unknown / school_not_other_affiliation (field "school_codes[i]").
  Result<WriteResult> set_funded_schools(int year, const std::string& lgo, const std::vector<std::string>& codes,
                                         const Actor& actor);
  // 404 funded_school_unknown.
  Result<WriteResult> set_funded_counts(int year, const std::string& lgo, const std::string& school,
                                        const domain::LevelCounts& counts, bool closed, const Actor& actor);

  // --- confirmations
  domain::RoundState state(int year);
  std::map<std::string, Confirmation> confirmations(int year);
  // Checks domain::check_confirm inside the write transaction (409 with blocked_by).
  Result<Confirmation> confirm(int year, const std::string& org, const Actor& actor, bool on_behalf);
  // Withdraws `org` and voids the confirmed nodes above it.
  Result<WriteResult> withdraw(int year, const std::string& org, const Actor& actor);

 private:
  storage::ConnectionPool& db_;
  const domain::OrgTree& orgs_;
  auth::DerivedKeys keys_;
  // The year's revision, moved by every write to it (lec_schema.cpp's triggers).
  std::int64_t revision(int year);
  std::mutex snapshot_mutex_;
  std::map<int, std::shared_ptr<const RoundSnapshot>> snapshots_;
  // Every LEC request asks whether its year is open: answered without a read while the
  // year's revision stands (a round opened or moved moves it).
  storage::KeptAt<int, std::optional<domain::Deadlines>> rounds_{64};
};

}  // namespace server::lec
