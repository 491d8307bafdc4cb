// The progress view's cache. The revision is read before the data, so a snapshot is never
// older than the revision it is kept under: a write after the read moves the revision and
// the next request builds anew. Several server processes each keep their own, all checked
// against the one revision in the database.
#include "server/lec/lec_store_detail.hpp"
#include "server/storage/commit_count.hpp"

namespace server::lec {

std::int64_t LecStore::revision(int year) {
  static storage::KeptNumber kept("SELECT n FROM lec_revision WHERE year = ?");
  auto db = db_.acquire();
  return kept.read(*db, year);
}

std::shared_ptr<const RoundSnapshot> LecStore::snapshot(int year) {
  const auto revision = this->revision(year);
  std::lock_guard lock(snapshot_mutex_);  // one build at a time; the others then share it
  if (auto it = snapshots_.find(year); it != snapshots_.end() && it->second->revision == revision) return it->second;
  auto s = std::make_shared<RoundSnapshot>();
  s->revision = revision;
  s->state = state(year);
  s->confirmations = confirmations(year);
  s->counts = counts_by_node(year);
  s->progress = domain::progress_all(orgs_, s->state);
  snapshots_[year] = s;
  return s;
}

}  // namespace server::lec
