#pragma once
// Database connections for any thread: a connection must not be shared between threads at
// once (SQLite's WAL and PostgreSQL both let readers run beside a writer), so each call
// leases its own.
#include <memory>
#include <mutex>
#include <vector>

#include "server/storage/database.hpp"

namespace server::storage {

class ConnectionPool {
 public:
  explicit ConnectionPool(Location location) : location_(std::move(location)) {}
  const Location& location() const { return location_; }
  Engine engine() const { return location_.engine; }

  // A connection for the duration of one call; returned to the pool afterwards.
  class Lease {
   public:
    Lease(ConnectionPool& pool, std::unique_ptr<Database> db) : pool_(pool), db_(std::move(db)) {}
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() { pool_.give_back(std::move(db_)); }
    Database& operator*() { return *db_; }
    Database* operator->() { return db_.get(); }

   private:
    ConnectionPool& pool_;
    std::unique_ptr<Database> db_;
  };

  Lease acquire() {
    {
      std::lock_guard lock(mutex_);
      if (!idle_.empty()) {
        auto db = std::move(idle_.back());
        idle_.pop_back();
        return Lease(*this, std::move(db));
      }
    }
    return Lease(*this, std::make_unique<Database>(location_));
  }

 private:
  void give_back(std::unique_ptr<Database> db) {
    std::lock_guard lock(mutex_);
    if (idle_.size() < 8) idle_.push_back(std::move(db));
  }

  Location location_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Database>> idle_;
};

}  // namespace server::storage
