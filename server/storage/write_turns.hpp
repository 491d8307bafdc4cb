#pragma once
// One writer at a time per SQLite file in this process, first come first served. SQLite's
// own wait for its write lock polls with growing sleeps and keeps no order, so in a burst of
// writers (a province's schools confirming at once) one could lose every race until its
// busy timeout ran out and the request failed with "database is locked". Here the writers of
// one process queue; other processes on the same file still meet at SQLite's lock.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <set>

namespace server::storage {

class WriteTurns {
 public:
  // The queue of `file` in this process (one per file, shared by its connections).
  static std::shared_ptr<WriteTurns> of(const std::filesystem::path& file);
  // Waits for this caller's turn; false when `patience` ran out first (the turn is given up).
  bool take(std::chrono::milliseconds patience);
  void give_back();

 private:
  std::mutex mutex_;
  std::condition_variable turn_;
  std::uint64_t next_ = 0, serving_ = 0;
  std::set<std::uint64_t> given_up_;  // tickets whose holders stopped waiting
};

}  // namespace server::storage
