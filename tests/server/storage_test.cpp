// Storage on a real temporary database (SQLite, or PostgreSQL with TEST_ENGINE=postgres):
// migrations, SQLite's pragmas, the institution store.
#include <catch2/catch.hpp>

#include "server/storage/connection_pool.hpp"
#include "server/storage/database.hpp"
#include "server/storage/migrations.hpp"
#include "server/storage/storage.hpp"
#include "tests/server/server_process.hpp"

using namespace server::storage;
using test_server::TempDir;
using test_server::database_for;

namespace {

std::string pragma(Database& db, const std::string& name) {
  auto s = db.prepare("PRAGMA " + name);
  s.step();
  return s.text(0);
}

domain::Institution school(std::string code, std::string name, std::string affiliation = "obec",
                           std::string province = "ขอนแก่น") {
  return {std::move(code), std::move(name), std::move(affiliation), std::move(province), "ชุมแพ", "1040000003"};
}

}  // namespace

TEST_CASE("migrations: applied once and recorded and idempotent", "[server][storage]") {
  TempDir dir;
  const auto file = test_server::database_for(dir.path());
  {
    Database db(file);
    CHECK(migrate(db) == static_cast<int>(migrations().size()));
    CHECK(migrate(db) == 0);
  }
  Database db(file);
  CHECK(migrate(db) == 0);  // after reopening, too
  auto versions = db.prepare("SELECT version, name FROM schema_migrations ORDER BY version");
  std::size_t n = 0;
  while (versions.step()) {  // every migration of the list, in its order
    REQUIRE(n < migrations().size());
    CHECK(versions.integer(0) == migrations()[n++].version);
    CHECK(!versions.text(1).empty());
  }
  CHECK(n == migrations().size());
  // Opening through the storage interface on an up-to-date file changes nothing.
  ConnectionPool pool(file);
  CHECK_NOTHROW(open_storage(pool));
}

TEST_CASE("migrations: a newer schema than the program knows is refused", "[server][storage]") {
  TempDir dir;
  Database db(database_for(dir.path()));
  migrate(db);
  db.exec("INSERT INTO schema_migrations (version, name) VALUES (999, 'from the future')");
  CHECK_THROWS_AS(migrate(db), StorageError);
}

TEST_CASE("migrations: a failing migration leaves nothing half-done", "[server][storage]") {
  TempDir dir;
  Database db(database_for(dir.path()));
  const char* ok = "CREATE TABLE a (x INTEGER);";
  const char* bad = "CREATE TABLE b (x INTEGER); SELECT * FROM missing_table;";
  // A database that already holds the first (a new PostgreSQL database is made in one step).
  CHECK(migrate(db, {{1, "ok", ok, ""}}) == 1);
  std::vector<Migration> broken = {{1, "ok", ok, ""}, {2, "broken", bad, bad}};
  CHECK_THROWS_AS(migrate(db, broken), StorageError);
  CHECK(db.has_table("a"));
  CHECK(!db.has_table("b"));
  auto version = db.prepare("SELECT MAX(version) FROM schema_migrations");
  version.step();
  CHECK(version.integer(0) == 1);
}

TEST_CASE("connections: WAL journal with synchronous FULL and foreign keys", "[server][storage][sqlite]") {
  TempDir dir;
  Database db(dir / "school.db");
  CHECK(pragma(db, "journal_mode") == "wal");
  CHECK(pragma(db, "synchronous") == "2");  // FULL
  CHECK(pragma(db, "foreign_keys") == "1");
}

TEST_CASE("institution store: upsert counts and search", "[server][storage][directory]") {
  TempDir dir;
  ConnectionPool pool(database_for(dir.path()));
  auto storage = open_storage(pool);
  auto& store = storage->institutions();
  CHECK(store.count() == 0);

  auto counts = store.upsert({school("1040990001", "โรงเรียนบ้านหนองบัว"), school("1040990002", "โรงเรียนวัดโพธิ์ศรี"),
                              school("5400990001", "ศูนย์พัฒนาเด็กเล็กบ้านหนองบัว", "dla"),
                              school("1050990001", "โรงเรียนบ้านแม่ริม 50%", "obec", "เชียงใหม่")});
  CHECK(counts.inserted == 4);
  CHECK(store.count() == 4);

  counts = store.upsert({school("1040990001", "โรงเรียนบ้านหนองบัว"), school("1040990002", "โรงเรียนวัดโพธิ์ทอง")});
  CHECK(counts.inserted == 0);
  CHECK(counts.updated == 1);
  CHECK(counts.unchanged == 1);

  auto codes = [&](InstitutionSearch s) {
    std::vector<std::string> out;
    for (const auto& i : store.search(s)) out.push_back(i.code);
    return out;
  };
  using V = std::vector<std::string>;
  CHECK(codes({.name = "หนองบัว"}) == V{"1040990001", "5400990001"});
  CHECK(codes({.name = "หนองบัว", .affiliation = "dla"}) == V{"5400990001"});
  CHECK(codes({.name = "โพธิ์ทอง"}) == V{"1040990002"});  // the index followed the update
  CHECK(codes({.name = "โพธิ์ศรี"}).empty());
  CHECK(codes({.name = "วั"}) == V{"1040990002"});       // two characters: no trigram, still found
  CHECK(codes({.name = "50%"}) == V{"1050990001"});
  CHECK(codes({.name = "0%"}) == V{"1050990001"});        // '%' is text, not a wildcard
  CHECK(codes({.name = "%"}) == V{"1050990001"});
  CHECK(codes({.code = "1040990002"}) == V{"1040990002"});
  CHECK(codes({.code_prefix = "104"}) == V{"1040990001", "1040990002"});
  CHECK(codes({.province = "เชียงใหม่"}) == V{"1050990001"});
  CHECK(codes({.limit = 2}).size() == 2);
}

TEST_CASE("institution store: usable from several threads at once", "[server][storage]") {
  TempDir dir;
  ConnectionPool pool(database_for(dir.path()));
  auto storage = open_storage(pool);
  auto& store = storage->institutions();
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      try {
        for (int i = 0; i < 20; ++i) {
          char code[16];
          std::snprintf(code, sizeof code, "10409%02d%03d", t, i);
          store.upsert({school(code, "โรงเรียนบ้านทดสอบ")});
          store.search({.name = "ทดสอบ"});
        }
      } catch (...) {
        ++failures;
      }
    });
  }
  for (auto& t : threads) t.join();
  CHECK(failures == 0);
  CHECK(store.count() == 80);
}

TEST_CASE("connections: one query open twice at once, and a reused query after a schema change",
          "[server][storage][sqlite]") {
  // SQLite's statements are kept per connection (sqlite_engine.cpp): a second cursor on the
  // same SQL while the first is open gets its own statement, and a kept one follows a change
  // of the table it reads.
  TempDir dir;
  Database db(dir / "cache.db");
  db.exec("CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2), (3);");
  const std::string sql = "SELECT n FROM t ORDER BY n";
  auto outer = db.prepare(sql);
  std::vector<std::int64_t> pairs;
  while (outer.step()) {
    auto inner = db.prepare(sql);
    while (inner.step()) pairs.push_back(outer.integer(0) * 10 + inner.integer(0));
  }
  CHECK(pairs == std::vector<std::int64_t>{11, 12, 13, 21, 22, 23, 31, 32, 33});
  {
    auto q = db.prepare("SELECT * FROM t ORDER BY n");
    REQUIRE(q.step());
    CHECK(q.columns() == 1);
  }
  db.exec("ALTER TABLE t ADD COLUMN m INTEGER DEFAULT 7");
  auto again = db.prepare("SELECT * FROM t ORDER BY n");  // the kept statement, recompiled
  REQUIRE(again.step());
  CHECK(again.columns() == 2);
  CHECK(again.integer(1) == 7);
  // A bound statement given back starts clean: no value left from its last use.
  for (int pass = 0; pass < 2; ++pass) {
    auto q = db.prepare("SELECT COUNT(*) FROM t WHERE n = ?");
    if (pass == 0) q.bind(1, std::int64_t{2});
    REQUIRE(q.step());
    CHECK(q.integer(0) == (pass == 0 ? 1 : 0));
  }
}
