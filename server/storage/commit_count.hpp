#pragma once
// How many commits a SQLite database has had, in any process that opened it through this
// layer: a counter in shared memory beside the file (`<file>-commits`), moved by SQLite's WAL
// hook once each commit is done. Reading it is one atomic load, so a value derived from the
// data (a revision) can be kept while the count stands still instead of being read per
// request (`KeptNumber` below).
#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace server::storage {

class Database;

class CommitCount {
 public:
  // The shared count of `file`, one mapping per file and process; null when it cannot be
  // mapped (a read-only folder, an in-memory database): callers then read every time.
  static std::shared_ptr<CommitCount> of(const std::filesystem::path& file);
  CommitCount(const CommitCount&) = delete;
  CommitCount& operator=(const CommitCount&) = delete;
  ~CommitCount();

  std::uint64_t now() const { return counter_->load(std::memory_order_acquire); }
  std::uint64_t serial() const { return serial_; }  // which file's count, unique in the process
  void moved() { counter_->fetch_add(1, std::memory_order_acq_rel); }

 private:
  CommitCount(void* map, std::uint64_t serial)
      : map_(map), counter_(static_cast<std::atomic<std::uint64_t>*>(map)), serial_(serial) {}
  void* map_;
  std::atomic<std::uint64_t>* counter_;
  std::uint64_t serial_;
};

// A number read from the database by one query (a revision; 0 when there is no row), with
// at most one integer parameter, read again only after a commit (SQLite) or on every call
// (PostgreSQL, where other servers' commits are not counted here). A program writing the
// file outside this layer (the sqlite3 shell) moves no count: a number is also read again
// once it is a second old.
class KeptNumber {
 public:
  explicit KeptNumber(std::string sql) : sql_(std::move(sql)) {}
  std::int64_t read(Database& db, std::optional<std::int64_t> parameter = std::nullopt);

 private:
  struct Kept {
    std::uint64_t of = 0;  // the count's serial: one KeptNumber may serve several files
    std::uint64_t at = 0;
    std::chrono::steady_clock::time_point read_at;
    std::int64_t value = 0;
  };
  static constexpr std::chrono::seconds max_age{1};
  std::string sql_;
  std::mutex mutex_;
  std::map<std::optional<std::int64_t>, Kept> kept_;  // by parameter
};

}  // namespace server::storage
