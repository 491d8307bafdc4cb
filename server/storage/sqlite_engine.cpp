// The SQLite engine behind storage::Database: the C API, one connection per Database.
#include <sqlite3.h>

#include <string>
#include <unordered_map>

#include "server/storage/commit_count.hpp"
#include "server/storage/engine.hpp"
#include "server/storage/write_turns.hpp"

namespace server::storage::engine {

namespace {

[[noreturn]] void fail(sqlite3* db, std::string_view what) {
  throw StorageError(std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

sqlite3_stmt* compile(sqlite3* db, std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) !=
      SQLITE_OK)
    fail(db, "prepare");
  return stmt;
}

// A connection's statements, compiled once and reused: parsing and planning the SQL cost
// more than running it for a request's few small queries. SQLite recompiles a statement by
// itself when the schema changes under it.
class StatementCache {
 public:
  struct Entry {
    sqlite3_stmt* stmt = nullptr;
    bool in_use = false;
  };
  ~StatementCache() { clear(); }
  // A statement for `sql`, borrowed until given back; a fresh one when it is already out
  // (the same query open twice at once), `entry` then null.
  sqlite3_stmt* borrow(sqlite3* db, std::string_view sql, Entry*& entry) {
    auto it = entries_.find(std::string(sql));
    if (it == entries_.end()) {
      if (entries_.size() >= max_entries) clear_unused();
      it = entries_.emplace(std::string(sql), Entry{compile(db, sql)}).first;
    }
    if (it->second.in_use) {
      entry = nullptr;
      return compile(db, sql);
    }
    it->second.in_use = true;
    entry = &it->second;
    return it->second.stmt;
  }
  void clear() {
    for (auto& [sql, e] : entries_) sqlite3_finalize(e.stmt);
    entries_.clear();
  }

 private:
  static constexpr std::size_t max_entries = 512;
  void clear_unused() {
    for (auto it = entries_.begin(); it != entries_.end();)
      if (it->second.in_use) ++it;
      else {
        sqlite3_finalize(it->second.stmt);
        it = entries_.erase(it);
      }
  }
  std::unordered_map<std::string, Entry> entries_;  // node-based: an Entry stays put
};

// Both ways of writing wait their turn alike (write_turns.hpp): up to 30 s behind this
// server's other writers, then an error.
void take_turn(WriteTurns& turns) {
  if (!turns.take(std::chrono::seconds(30)))
    throw StorageError("database is locked: the other writers of this server took over 30 s");
}

class SqliteCursor final : public Cursor {
 public:
  SqliteCursor(sqlite3* db, StatementCache& cache, std::string_view sql, WriteTurns* turns) : db_(db), turns_(turns) {
    stmt_ = cache.borrow(db, sql, entry_);
  }
  SqliteCursor(sqlite3* db, std::string_view sql) : db_(db), stmt_(compile(db, sql)) {}
  // Reset at once: a statement left stepped would keep its read transaction open.
  ~SqliteCursor() override {
    if (entry_) {
      sqlite3_reset(stmt_);
      sqlite3_clear_bindings(stmt_);
      entry_->in_use = false;
    } else {
      sqlite3_finalize(stmt_);
    }
    end_turn();  // the statement's own transaction is over
  }

  void bind_text(int index, std::string_view text) override {
    // An empty string_view may have no data pointer, which SQLite would bind as NULL.
    if (sqlite3_bind_text(stmt_, index, text.data() ? text.data() : "", static_cast<int>(text.size()),
                          SQLITE_TRANSIENT) != SQLITE_OK)
      fail(db_, "bind");
  }
  void bind_integer(int index, std::int64_t value) override {
    if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) fail(db_, "bind");
  }
  void bind_null(int index) override {
    if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) fail(db_, "bind");
  }
  // A write outside a transaction (an audit row) is its own transaction: it waits its turn
  // with the transactions (write_turns.hpp) until it is done, else it would poll at SQLite's
  // lock behind them and could time out.
  bool step() override {
    if (turns_ && !in_turn_ && !sqlite3_stmt_readonly(stmt_) && sqlite3_get_autocommit(db_)) {
      take_turn(*turns_);
      in_turn_ = true;
    }
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    end_turn();
    if (rc == SQLITE_DONE) return false;
    fail(db_, "step");
  }
  void reset() override {
    sqlite3_reset(stmt_);
    end_turn();
    sqlite3_clear_bindings(stmt_);
  }
  std::string text(int column) const override {
    const unsigned char* p = sqlite3_column_text(stmt_, column);
    return p ? std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(stmt_, column)) : std::string();
  }
  std::int64_t integer(int column) const override { return sqlite3_column_int64(stmt_, column); }
  bool is_null(int column) const override { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
  int columns() const override { return sqlite3_column_count(stmt_); }

 private:
  void end_turn() {
    if (in_turn_) turns_->give_back();
    in_turn_ = false;
  }
  sqlite3* db_;
  WriteTurns* turns_ = nullptr;  // null: a statement of the connection's own (has_table)
  bool in_turn_ = false;
  sqlite3_stmt* stmt_ = nullptr;
  StatementCache::Entry* entry_ = nullptr;  // null: not cached, finalized when done
};

// After each commit (the lock released): count it for every process, then checkpoint as
// SQLite's own automatic checkpoint would, which this hook replaces.
int on_commit(void* count, sqlite3* db, const char* name, int pages) {
  static_cast<CommitCount*>(count)->moved();
  if (pages >= 1000) sqlite3_wal_checkpoint(db, name);
  return SQLITE_OK;
}

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(const std::filesystem::path& file) {
    if (sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK) {
      std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw StorageError("cannot open " + file.string() + ": " + message);
    }
    sqlite3_busy_timeout(db_, 5000);
    turns_ = WriteTurns::of(file);
    try {
      exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
      SqliteCursor mode(db_, "PRAGMA journal_mode");
      // Only a WAL commit calls the hook: in any other mode nothing is counted, and kept
      // numbers are read every time.
      if (mode.step() && mode.text(0) == "wal" && (commits_ = CommitCount::of(file)))
        sqlite3_wal_hook(db_, on_commit, commits_.get());
    } catch (...) {
      sqlite3_close_v2(db_);
      throw;
    }
  }
  ~SqliteConnection() override {
    statements_.clear();
    sqlite3_close_v2(db_);
  }

  Engine kind() const override { return Engine::sqlite; }
  void exec(std::string_view sql) override {
    char* error = nullptr;
    if (sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
      std::string message = error ? error : sqlite3_errmsg(db_);
      sqlite3_free(error);
      throw StorageError(message);
    }
  }
  std::unique_ptr<Cursor> prepare(std::string_view sql) override {
    return std::make_unique<SqliteCursor>(db_, statements_, sql, turns_.get());
  }
  std::int64_t changes() const override { return sqlite3_changes64(db_); }
  bool has_table(std::string_view name) override {
    SqliteCursor q(db_, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    q.bind_text(1, name);
    return q.step();
  }
  void begin_write() override {
    take_turn(*turns_);
    try {
      exec("BEGIN IMMEDIATE");
    } catch (...) {
      turns_->give_back();
      throw;
    }
    writing_ = true;
  }
  void end_write() override {
    if (writing_) turns_->give_back();
    writing_ = false;
  }
  CommitCount* commits() override { return commits_.get(); }

 private:
  sqlite3* db_ = nullptr;
  std::shared_ptr<CommitCount> commits_;
  std::shared_ptr<WriteTurns> turns_;
  bool writing_ = false;
  StatementCache statements_;
};

}  // namespace

std::unique_ptr<Connection> open_sqlite(const std::filesystem::path& file) {
  // Without memory statistics SQLite takes no process-wide mutex on every allocation (which
  // the request threads would contend for). Must come before SQLite's first use.
  static const int configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)configured;
  return std::make_unique<SqliteConnection>(file);
}

}  // namespace server::storage::engine
