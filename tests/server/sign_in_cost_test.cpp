// Issue 11, defect 14: cheap requests that cost the server. Refused sign-ins counted on one
// audit row per address and minute; expired sessions deleted; the slow-down holds under
// concurrency.
#include <catch2/catch.hpp>
#include <algorithm>
#include <thread>
#include <vector>

#include "tests/server/sign_in_helpers.hpp"

using namespace test_server;
using nlohmann::json;

TEST_CASE("refused sign-ins are counted on one audit row per address and minute", "[server][auth][sign_in_cost]") {
  ServerProcess server;
  const auto db = server.database();
  // 20 failures from this address: 10 charged -> 512 s to wait.
  execute(db, "WITH RECURSIVE n(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM n WHERE value < 20) "
              "INSERT INTO sign_in_failures (key, at) SELECT 'address:127.0.0.1', " + now_sql() + " FROM n");
  for (int i = 0; i < 30; ++i) {
    auto r = post_json(server.port(), "/api/v1/auth/login",
                       {{"username", i % 2 ? "area.kpi" : "no.such.user"}, {"password", "Wrong-Password-1"}});
    REQUIRE(r.status == 429);
  }
  // A minute may turn during the loop: then two rows.
  CHECK(query_int(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'sign_in.throttled'") <= 2);
  CHECK(sum_detail(db, "SELECT detail FROM audit_log WHERE action = 'sign_in.throttled' "
                      "AND target = 'address:127.0.0.1' AND client_address = '127.0.0.1'", "count") == 30);
  CHECK(query_int(db, "SELECT COUNT(*) FROM sign_in_failures") == 20);  // refusals are not failures
}

TEST_CASE("expired sessions and old failures are deleted at the next sign-in and at start", "[server][auth][sign_in_cost]") {
  ServerOptions options;
  ServerProcess first(options);
  const auto db = first.database();
  const auto session_count = [&](const std::string& username) {
    return query_int(db, "SELECT COUNT(*) FROM sessions WHERE user_id = (SELECT id FROM users WHERE username = '" +
                             username + "')");
  };
  sign_in(first.port(), "area.kpi", demo_password("area.kpi"));
  sign_in(first.port(), "area.reviewer", demo_password("area.reviewer"));
  sign_in(first.port(), "1040010001", demo_password("1040010001"));
  execute(db, "UPDATE sessions SET last_seen_at = last_seen_at - 31 * 60 WHERE user_id = "
              "(SELECT id FROM users WHERE username = 'area.kpi')");
  execute(db, "INSERT INTO sign_in_failures (key, at) VALUES ('user:ghost', " + now_sql() + " - 2 * 3600)");
  sign_in(first.port(), "area.admin", demo_password("area.admin"));
  CHECK(session_count("area.kpi") == 0);  // idle 31 min: gone without anyone presenting it
  CHECK(session_count("area.reviewer") == 1);
  CHECK(query_int(db, "SELECT COUNT(*) FROM sign_in_failures WHERE key = 'user:ghost'") == 0);

  // At start: a session past its 8 hours goes before anyone signs in.
  execute(db, "UPDATE sessions SET created_at = created_at - 8 * 3600 WHERE user_id = "
              "(SELECT id FROM users WHERE username = 'area.reviewer')");
  REQUIRE(first.stop() == 0);
  options.data_dir = first.data_dir();
  ServerProcess second(options);
  CHECK(session_count("area.reviewer") == 0);
  CHECK(session_count("1040010001") == 1);
  CHECK(second.wait_for_output("removed 1 expired sessions"));
}

TEST_CASE("50 wrong passwords at once for one account are checked no more often than one by one",
          "[server][auth][sign_in_cost]") {
  ServerOptions options;
  options.env["THREADS"] = "4";
  ServerProcess server(options);
  const auto db = server.database();
  // 8 failures, the last 16 s ago: 5 charged -> 16 s, just over. One attempt may go now;
  // its failure makes the next wait 32 s, far longer than this burst.
  execute(db, "WITH RECURSIVE n(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM n WHERE value < 8) "
              "INSERT INTO sign_in_failures (key, at) SELECT 'user:1040010001', " + now_sql() + " - 16 FROM n");
  std::vector<unsigned> statuses(50);
  std::vector<std::thread> clients;
  for (std::size_t i = 0; i < statuses.size(); ++i)
    clients.emplace_back([&, i] {
      statuses[i] = post_json(server.port(), "/api/v1/auth/login",
                              {{"username", "1040010001"}, {"password", "Wrong-Password-" + std::to_string(i)}})
                        .status;
    });
  for (auto& c : clients) c.join();
  const auto count = [&](unsigned status) { return std::count(statuses.begin(), statuses.end(), status); };
  CHECK(count(401) == 1);
  CHECK(count(429) == 49);
  CHECK(query_int(db, "SELECT COUNT(*) FROM sign_in_failures WHERE key = 'user:1040010001'") == 9);
  CHECK(query_int(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'sign_in.failed'") == 1);
}
