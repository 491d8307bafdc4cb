#pragma once
// Values built from the database (a signed-in caller, a live view's ready reply) kept by key
// with the revision they were read at, and found only while that revision still stands: the
// revision (commit_count.hpp's KeptNumber) is read first, so what is kept at it is current.
// Shared, never copied per request. Bounded: when full it starts afresh (most entries are
// stale by then, as each move of the revision ages them all).
#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace server::storage {

template <class Key, class Value>
class KeptAt {
 public:
  explicit KeptAt(std::size_t max_entries) : max_(max_entries) {}
  std::shared_ptr<const Value> find(const Key& key, std::int64_t revision) {
    std::lock_guard lock(mutex_);
    auto it = kept_.find(key);
    return it != kept_.end() && it->second.revision == revision ? it->second.value : nullptr;
  }
  void keep(const Key& key, std::int64_t revision, std::shared_ptr<const Value> value) {
    std::lock_guard lock(mutex_);
    if (kept_.size() >= max_) kept_.clear();
    kept_[key] = Entry{revision, std::move(value)};
  }

 private:
  struct Entry {
    std::int64_t revision;
    std::shared_ptr<const Value> value;
  };
  const std::size_t max_;
  std::mutex mutex_;
  std::unordered_map<Key, Entry> kept_;
};

}  // namespace server::storage
