// Write turns (server/storage/write_turns.*): the writers of one server on one SQLite file
// take their turns in order, so in a burst none waits long, let alone out SQLite's busy
// timeout ("database is locked", as a province's confirmations once met in the benchmark).
#include <catch2/catch.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <optional>
#include <thread>
#include <vector>

#include "server/storage/database.hpp"
#include "server/storage/write_turns.hpp"
#include "tests/server/server_process.hpp"

using namespace server::storage;
using namespace std::chrono;
using test_server::TempDir;

TEST_CASE("write turns: a burst of writers each gets the lock within the others' turns", "[server][storage][sqlite]") {
  TempDir dir;
  const auto file = dir.path() / "burst.db";
  Database(file).exec("CREATE TABLE t (writer INTEGER, n INTEGER)");
  constexpr int writers = 8, each = 8;
  constexpr auto hold = milliseconds(25);  // a write transaction's own work
  std::atomic<int> failed{0};
  std::vector<milliseconds> longest(writers, milliseconds(0));
  std::vector<std::thread> threads;
  // Six writers hold a transaction for 25 ms; two write single rows outside one, as the
  // audit log does (the row is its own transaction, committed when the statement is done).
  for (int w = 0; w < writers; ++w)
    threads.emplace_back([&, w] {
      Database db(file);
      const bool alone = w >= 6;
      for (int i = 0; i < each; ++i) {
        try {
          const auto asked = steady_clock::now();
          std::optional<Transaction> tx;
          if (!alone) tx.emplace(db);
          auto q = db.prepare("INSERT INTO t (writer, n) VALUES (?, ?) RETURNING rowid");
          q.bind(1, std::int64_t{w});
          q.bind(2, std::int64_t{i});
          if (!q.step()) ++failed;  // (Catch2 checks only on the test's own thread)
          q.reset();
          longest[w] = std::max(longest[w], duration_cast<milliseconds>(steady_clock::now() - asked));
          std::this_thread::sleep_for(hold);
          if (tx) tx->commit();
        } catch (...) {
          ++failed;
        }
      }
    });
  for (auto& t : threads) t.join();
  CHECK(failed == 0);
  Database db(file);
  auto count = db.prepare("SELECT count(*) FROM t");
  REQUIRE(count.step());
  CHECK(count.integer(0) == writers * each);
  // In order, a writer waits at most for the other six transactions' turns (150 ms);
  // SQLite's own unordered polling lets one lose race after race.
  const auto worst = *std::max_element(longest.begin(), longest.end());
  INFO("longest wait for the write lock: " << worst.count() << " ms");
  CHECK(worst < milliseconds(600));
}

TEST_CASE("write turns: a writer that gives up leaves the queue moving", "[server][storage]") {
  TempDir dir;
  auto turns = WriteTurns::of(dir.path() / "a.db");
  CHECK(WriteTurns::of(dir.path() / "a.db") == turns);  // one queue per file
  CHECK(WriteTurns::of(dir.path() / "b.db") != turns);
  REQUIRE(turns->take(milliseconds(10)));
  CHECK_FALSE(turns->take(milliseconds(20)));  // the first holds it: the second gives up
  std::atomic<bool> third{false};
  std::thread waiting([&] { third = turns->take(seconds(5)); });
  std::this_thread::sleep_for(milliseconds(50));
  CHECK_FALSE(third);
  turns->give_back();  // past the one that gave up, to the third
  waiting.join();
  CHECK(third);
  turns->give_back();
  CHECK(turns->take(milliseconds(10)));
  turns->give_back();
}
