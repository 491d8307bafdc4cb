// A read that a screen repeats by polling (AuditLog::record_repeated_read): who read what,
// and when, is written at the first read of each minute; the repeats only add to its count,
// which reaches the row at most 10 s late, at the next minute, or when the server stops.
#include <catch2/catch.hpp>

#include "server/auth/audit_log.hpp"
#include "server/storage/migrations.hpp"
#include "tests/server/server_process.hpp"

using server::auth::AuditEvent;
using server::auth::AuditLog;

namespace {

struct Fixture {
  test_server::TempDir dir;
  server::storage::ConnectionPool pool{test_server::database_for(dir.path())};
  AuditLog log{pool};
  Fixture() {
    auto db = pool.acquire();
    server::storage::migrate(*db);
  }
  // The counts of the rows of `action`, oldest first.
  std::vector<std::int64_t> counts(const std::string& action = "kpi.summary.read") {
    auto db = pool.acquire();
    auto q = db->prepare("SELECT detail FROM audit_log WHERE action = ? ORDER BY id");
    q.bind(1, action);
    std::vector<std::int64_t> out;
    while (q.step()) out.push_back(nlohmann::json::parse(q.text(0)).value("count", std::int64_t{0}));
    return out;
  }
};

AuditEvent read_by(std::int64_t user, std::string address = "10.0.0.1") {
  return {user, "kpi.summary.read", "kpi:7", std::move(address), {{"all_units", true}}, "1040000001"};
}

}  // namespace

TEST_CASE("audit: a polled read is one row a minute per reader, its repeats counted", "[server][audit]") {
  Fixture f;
  const std::int64_t minute = 1'790'000'040;  // a minute's start (divisible by 60)
  f.log.record_repeated_read(read_by(1), minute + 1);
  CHECK(f.counts() == std::vector<std::int64_t>{1});  // written at once
  for (int s = 2; s <= 5; ++s) f.log.record_repeated_read(read_by(1), minute + s);
  CHECK(f.counts() == std::vector<std::int64_t>{1});  // repeats only counted, no write
  f.log.record_repeated_read(read_by(1), minute + 12);  // 10 s after the last write
  CHECK(f.counts() == std::vector<std::int64_t>{6});

  // Another reader, or the same one from another address, is a row of its own.
  f.log.record_repeated_read(read_by(2), minute + 13);
  f.log.record_repeated_read(read_by(1, "10.0.0.2"), minute + 14);
  CHECK(f.counts() == std::vector<std::int64_t>{6, 1, 1});

  // The next minute: the last minute's repeats are written, and a new row begins.
  f.log.record_repeated_read(read_by(1), minute + 20);
  f.log.record_repeated_read(read_by(2), minute + 21);
  f.log.record_repeated_read(read_by(1), minute + 61);
  CHECK(f.counts() == std::vector<std::int64_t>{7, 2, 1, 1});

  // Stopping writes what is still counted in memory.
  f.log.record_repeated_read(read_by(1), minute + 62);
  f.log.record_repeated_read(read_by(1), minute + 63);
  CHECK(f.counts() == std::vector<std::int64_t>{7, 2, 1, 1});
  f.log.flush();
  CHECK(f.counts() == std::vector<std::int64_t>{7, 2, 1, 3});

  // The row says who, what, whose and from where, like any read.
  auto db = f.pool.acquire();
  auto q = db->prepare("SELECT actor_user_id, target, client_address, org_code FROM audit_log ORDER BY id LIMIT 1");
  REQUIRE(q.step());
  CHECK(q.integer(0) == 1);
  CHECK(q.text(1) == "kpi:7");
  CHECK(q.text(2) == "10.0.0.1");
  CHECK(q.text(3) == "1040000001");
}
