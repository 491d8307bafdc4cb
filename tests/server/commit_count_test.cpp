// The SQLite commit count (server/storage/commit_count.*): a revision is kept while no
// process has committed, read again at once after a commit by another process, and within a
// second after a write by a program outside the storage layer (the sqlite3 shell).
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "server/storage/commit_count.hpp"
#include "server/storage/database.hpp"
#include "tests/server/server_process.hpp"

using namespace server::storage;
using test_server::TempDir;

namespace {

// A write as another program makes it: SQLite's own API, none of this layer's hooks.
void write_outside(const std::filesystem::path& file, const char* sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
  sqlite3_busy_timeout(db, 5000);
  const int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
  sqlite3_close(db);
  REQUIRE(rc == SQLITE_OK);
}

// A write by another process through this layer.
void write_in_child(const std::filesystem::path& file, const char* sql) {
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    int code = 0;
    try {
      Database db(file);
      db.exec(sql);
    } catch (...) {
      code = 1;
    }
    _exit(code);
  }
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
}

}  // namespace

TEST_CASE("commit count: a kept number follows every commit, in any process", "[server][storage][sqlite]") {
  TempDir dir;
  const auto file = dir / "school.db";
  Database db(file);
  db.exec("CREATE TABLE revision (year INTEGER PRIMARY KEY, n INTEGER NOT NULL);"
          "INSERT INTO revision VALUES (2567, 1), (2568, 10);");
  REQUIRE(db.commits() != nullptr);
  KeptNumber kept("SELECT n FROM revision WHERE year = ?");
  CHECK(kept.read(db, 2567) == 1);
  CHECK(kept.read(db, 2568) == 10);

  const auto before = db.commits()->now();
  write_in_child(file, "UPDATE revision SET n = 2 WHERE year = 2567");
  CHECK(db.commits()->now() == before + 1);
  CHECK(kept.read(db, 2567) == 2);  // no wait: the child's commit moved the count
  CHECK(kept.read(db, 2568) == 10);

  // A program outside the layer moves no count: the kept number stands (it is not read)...
  write_outside(file, "UPDATE revision SET n = 3 WHERE year = 2567");
  CHECK(db.commits()->now() == before + 1);
  CHECK(kept.read(db, 2567) == 2);
  // ...until it is a second old.
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  CHECK(kept.read(db, 2567) == 3);

  // A write on this very connection counts too.
  db.exec("UPDATE revision SET n = 4 WHERE year = 2567");
  CHECK(kept.read(db, 2567) == 4);
}

TEST_CASE("commit count: one kept number over two files keeps them apart", "[server][storage][sqlite]") {
  TempDir dir;
  Database a(dir / "a.db");
  Database b(dir / "b.db");
  a.exec("CREATE TABLE revision (n INTEGER); INSERT INTO revision VALUES (1);");
  b.exec("CREATE TABLE revision (n INTEGER); INSERT INTO revision VALUES (7);");
  REQUIRE(a.commits()->now() == b.commits()->now());  // each file's own count, equal here
  KeptNumber kept("SELECT n FROM revision");
  CHECK(kept.read(a) == 1);
  CHECK(kept.read(b) == 7);
  CHECK(kept.read(a) == 1);
}

TEST_CASE("commit count: the hook still checkpoints the WAL as SQLite would", "[server][storage][sqlite]") {
  TempDir dir;
  const auto file = dir / "school.db";
  Database db(file);
  db.exec("CREATE TABLE blobs (b BLOB)");
  // 24 MB in 48 commits: without checkpoints the WAL would hold all of it.
  for (int i = 0; i < 48; ++i)
    db.exec("WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < 128) "
            "INSERT INTO blobs SELECT randomblob(4000) FROM k");
  CHECK(std::filesystem::file_size(file.string() + "-wal") < 10 * 1024 * 1024);
}
