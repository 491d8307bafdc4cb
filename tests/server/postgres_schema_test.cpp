// PostgreSQL's schema is translated from the SQLite migrations (storage/postgres_schema.cpp):
// every table, column, index and trigger the migrations leave on SQLite exists on
// PostgreSQL, and a later migration that only adds objects is translated too, while one
// that changes what PostgreSQL databases already hold must bring its own text.
// Runs only in the PostgreSQL run of the suite ([postgres]).
#include <catch2/catch.hpp>

#include <set>

#include "server/storage/database.hpp"
#include "server/storage/migrations.hpp"
#include "tests/server/server_process.hpp"

using namespace server::storage;
using test_server::database_for;
using test_server::TempDir;

namespace {

std::vector<std::string> strings(Database& db, const std::string& sql, const std::string& arg = "") {
  auto q = db.prepare(sql);
  if (!arg.empty()) q.bind(1, arg);
  std::vector<std::string> out;
  while (q.step()) out.push_back(q.text(0));
  return out;
}

}  // namespace

TEST_CASE("postgres schema: every table, column, index and trigger of the SQLite migrations", "[server][postgres]") {
  TempDir dir;
  Database pg(database_for(dir.path()));
  migrate(pg);
  Database sqlite(Location(":memory:"));
  for (const auto& m : migrations()) sqlite.exec(m.sql);

  const auto tables = strings(sqlite,
                              "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                              "AND name NOT LIKE 'institution_names%' ORDER BY name");
  REQUIRE(tables.size() > 30);
  for (const auto& table : tables) {
    INFO("table " << table);
    auto columns = sqlite.prepare("SELECT name, type, \"notnull\" FROM pragma_table_info(?) ORDER BY cid");
    columns.bind(1, table);
    int count = 0;
    while (columns.step()) {
      ++count;
      INFO("column " << columns.text(0));
      auto pg_column = pg.prepare(
          "SELECT data_type, is_nullable FROM information_schema.columns WHERE table_schema = current_schema() "
          "AND table_name = ? AND column_name = ?");
      pg_column.bind(1, table).bind(2, columns.text(0));
      REQUIRE(pg_column.step());
      const auto type = columns.text(1);
      CHECK(pg_column.text(0) == (type == "INTEGER" ? "bigint" : type == "TEXT" ? "text" : "unknown: " + type));
      // A primary key column is NOT NULL on PostgreSQL even where SQLite did not say so.
      if (columns.integer(2)) CHECK(pg_column.text(1) == "NO");
    }
    CHECK(count > 0);
  }
  for (const auto& index : strings(sqlite, "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")) {
    INFO("index " << index);
    CHECK(strings(pg, "SELECT indexname FROM pg_indexes WHERE indexname = ?", index).size() == 1);
  }
  int triggers = 0;
  for (const auto& trigger : strings(sqlite, "SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                             "AND sql NOT LIKE '%institution_names%'")) {
    INFO("trigger " << trigger);
    CHECK(strings(pg, "SELECT tgname FROM pg_trigger WHERE tgname = ?", trigger).size() == 1);
    ++triggers;
  }
  CHECK(triggers > 10);
  // Rows the migrations seed: the KPI revision counter starts at 0 on both.
  CHECK(strings(pg, "SELECT CAST(n AS TEXT) FROM kpi_revision WHERE id = 1") == std::vector<std::string>{"0"});
  // The translated triggers act, NEW and OLD included: each write moves the year's counter.
  pg.exec("INSERT INTO lec_funded (year, lgo_code, school_code) VALUES (2568, 'a', 'b')");
  pg.exec("UPDATE lec_funded SET closed = 1");
  pg.exec("DELETE FROM lec_funded");
  CHECK(strings(pg, "SELECT CAST(n AS TEXT) FROM lec_revision WHERE year = 2568") == std::vector<std::string>{"3"});
}

TEST_CASE("postgres schema: a later migration that adds is translated; one that changes needs its own text",
          "[server][postgres]") {
  TempDir dir;
  Database pg(database_for(dir.path()));
  std::vector<Migration> list = {{1, "a", "CREATE TABLE a (id INTEGER PRIMARY KEY, x TEXT NOT NULL DEFAULT '');", ""}};
  CHECK(migrate(pg, list) == 1);

  list.push_back({2, "b and a trigger", R"sql(
CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER NOT NULL REFERENCES a (id), note TEXT);
CREATE INDEX b_by_a ON b (a_id);
CREATE TRIGGER b_marks_a AFTER INSERT ON b BEGIN
  UPDATE a SET x = 'seen' WHERE id = new.a_id;
END;
)sql",
                  ""});
  CHECK(migrate(pg, list) == 1);
  pg.exec("INSERT INTO a (x) VALUES ('new')");
  pg.exec("INSERT INTO b (a_id, note) VALUES (1, 'hello')");
  CHECK(strings(pg, "SELECT x FROM a WHERE id = 1") == std::vector<std::string>{"seen"});
  CHECK(strings(pg, "SELECT indexname FROM pg_indexes WHERE indexname = 'b_by_a'").size() == 1);

  list.push_back({3, "a column", "ALTER TABLE a ADD COLUMN y INTEGER;", ""});
  try {
    migrate(pg, list);
    FAIL("a migration that changes table a was translated");
  } catch (const StorageError& e) {
    CHECK(std::string(e.what()).find("migration 3 changes table a") != std::string::npos);
    CHECK(std::string(e.what()).find("PostgreSQL text") != std::string::npos);
  }
  list.back().postgres = "ALTER TABLE a ADD COLUMN y BIGINT;";
  CHECK(migrate(pg, list) == 1);
  CHECK(strings(pg, "SELECT column_name FROM information_schema.columns WHERE table_name = 'a' AND column_name = 'y'")
            .size() == 1);
}

TEST_CASE("postgres schema: every migration newer than PostgreSQL support can reach an existing PostgreSQL database",
          "[server][postgres]") {
  // The migrations PostgreSQL databases were first made with (in one translated step). Any
  // other must translate on its own (adds only) or bring its PostgreSQL text, or upgrading a
  // running PostgreSQL installation would stop at it.
  const std::set<int> first = {1,   2,   100, 101, 102, 103, 104, 110, 120, 121, 122, 123, 124,
                               200, 300, 400, 401, 402, 500, 501, 502, 550};
  const auto& list = migrations();
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (first.count(list[i].version)) continue;
    INFO("migration " << list[i].version << " " << list[i].name);
    CHECK_NOTHROW(postgres_migration(list, i));
  }
}
