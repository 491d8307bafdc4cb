#pragma once
// One small database layer over two engines: SQLite (the embedded default, one file) and
// PostgreSQL (several server processes on one database). The stores write their SQL once,
// in the dialect both share (`?` placeholders, ON CONFLICT, RETURNING); what differs between
// the engines (placeholders, locking, migrations' DDL) stays behind this header.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace server::storage {

class StorageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class Engine { sqlite, postgres };

// Where the data lives: a SQLite file, or a PostgreSQL connection URL (postgresql://...).
struct Location {
  Location(std::filesystem::path file) : engine(Engine::sqlite), file(std::move(file)) {}  // NOLINT: a path is a location
  Location(const char* file) : Location(std::filesystem::path(file)) {}                    // NOLINT
  static Location postgres(std::string url);
  // A `postgresql://` or `postgres://` URL selects PostgreSQL; anything else is a SQLite file.
  static Location parse(const std::string& text);
  std::string describe() const;  // for logs: the file, or the URL without its password

  Engine engine;
  std::filesystem::path file;  // SQLite
  std::string url;             // PostgreSQL
};

namespace engine {
class Cursor;
class Connection;
}  // namespace engine

class CommitCount;

class Statement {
 public:
  explicit Statement(std::unique_ptr<engine::Cursor> cursor);
  Statement(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& operator=(Statement&&) = delete;
  ~Statement();

  Statement& bind(int index, std::string_view text);  // 1-based, as `?` and `?N` count
  Statement& bind(int index, std::int64_t value);
  Statement& bind_null(int index);
  bool step();   // true: a row is ready; false: done
  void run();    // steps to the end (INSERT, UPDATE...)
  std::int64_t returned_id();  // runs an INSERT ... RETURNING id and gives the id
  void reset();  // ready to bind and run again
  std::string text(int column) const;
  std::int64_t integer(int column) const;  // a true/false column reads as 1/0
  bool is_null(int column) const;
  int columns() const;  // of the current row

 private:
  std::unique_ptr<engine::Cursor> cursor_;
};

class Database {
 public:
  // SQLite: opens (creating) the file: WAL journal, synchronous=FULL (an acknowledged write
  // survives a power cut), foreign keys on, a busy timeout so writers queue up.
  // PostgreSQL: connects to the URL.
  explicit Database(const Location& location);
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  Engine engine() const;
  void exec(std::string_view sql);  // one or more statements, no results
  Statement prepare(std::string_view sql);
  std::int64_t changes() const;  // rows changed by the last INSERT, UPDATE or DELETE
  bool has_table(std::string_view name);
  // The file's commit count (commit_count.hpp); null on PostgreSQL.
  CommitCount* commits();
  engine::Connection& connection() { return *connection_; }

 private:
  std::unique_ptr<engine::Connection> connection_;
};

// A write transaction; rolls back if destroyed without commit() (an exception). Write
// transactions run one at a time, on either engine (SQLite: BEGIN IMMEDIATE; PostgreSQL: a
// transaction-scoped advisory lock), so a rule checked inside one holds until it commits.
class Transaction {
 public:
  explicit Transaction(Database& db);
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();
  void commit();

 private:
  Database& db_;
  bool done_ = false;
};

// Reads that belong together (a session, its user and grants), with no write among them.
// SQLite: one read transaction, so the WAL read lock (two fcntl calls) is taken once for all
// of them instead of once per statement; they also see one moment. PostgreSQL: nothing, each
// statement stays its own snapshot, as a BEGIN and COMMIT would be two more round trips.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(Database& db);
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;
  ~ReadSnapshot() { end(); }
  void end();  // before a write on the same connection

 private:
  Database& db_;
  bool open_ = false;
};

}  // namespace server::storage
