// 50 concurrent confirmations, withdrawals and edits: afterwards no confirmation stands
// above data that changed after it, and the live counts equal the register. Once through
// one server, once spread over three processes on one database (issue 13).
#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

#include "tests/server/lec_helpers.hpp"

using namespace test_server;
using namespace test_server::lec;
using nlohmann::json;

namespace {

// Request t goes to ports[t % ports.size()]; `db` is their one database.
void race(const std::vector<unsigned short>& ports, const server::storage::Location& db) {
  const auto port = ports.front();
  const int year = current_year();
  const auto school = sign_in(port, "5110405002", demo_password("5110405002"));
  const auto centre = sign_in(port, "5110405001", demo_password("5110405001"));
  const auto lgo = sign_in(port, "lgo.bangyaphraek", demo_password("lgo.bangyaphraek"));
  REQUIRE(call(port, lgo, "PUT", base(year) + "/funded-schools/1011040001/counts?org=5011040500",
               {{"counts", {{"p1", 10}}}})
              .status == 200);
  const std::string reg = base(year) + "/institutions/5110405002/children";
  const auto id = std::to_string(add_child(port, school, year, "5110405002", child_body(300, "p5", year)));

  std::atomic<int> failures{0}, confirmed{0}, written{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 50; ++t) {
    threads.emplace_back([&, t] {
      const auto port = ports[static_cast<std::size_t>(t) % ports.size()];
      HttpResponse r;
      switch (t % 5) {
        case 0: r = call(port, school, "POST", base(year) + "/confirmations/5110405002", json::object()); break;
        case 1: r = call(port, centre, "POST", base(year) + "/confirmations/5110405001", json::object()); break;
        case 2: r = call(port, lgo, "POST", base(year) + "/confirmations/5011040500", json::object()); break;
        case 3: r = call(port, school, "POST", reg, child_body(400 + t, "p2", year)); break;
        default: {
          json b = child_body(300, t % 2 ? "p5" : "p6", year);
          b["birth_date"] = child_body(300, "p5", year)["birth_date"];
          r = call(port, school, "PUT", reg + "/" + id, b);
        }
      }
      if (r.status == 201 && t % 5 < 3) ++confirmed;
      if (r.status == 200 || (r.status == 201 && t % 5 == 3)) ++written;
      if (r.status >= 500 || r.status == 0) ++failures;
      // 409: already confirmed or blocked; anything else is wrong.
      if (r.status == 400 || r.status == 403 || r.status == 404) ++failures;
    });
  }
  for (auto& th : threads) th.join();
  CHECK(failures == 0);
  CHECK(confirmed > 0);
  CHECK(written == 20);
  // Every standing confirmation is at least as new as every change beneath it ...
  CHECK(query_int(db, "SELECT COUNT(*) FROM lec_confirmations c JOIN lec_children k ON k.year = c.year "
                      "AND (k.institution_code = c.org_code OR (c.org_code = '5011040500' AND k.institution_code IN "
                      "('5110405001', '5110405002'))) WHERE k.updated_at > c.confirmed_at") == 0);
  // ... an LGO confirmation stands only on confirmed institutions ...
  if (query_int(db, "SELECT COUNT(*) FROM lec_confirmations WHERE org_code = '5011040500'") == 1)
    CHECK(query_int(db, "SELECT COUNT(*) FROM lec_confirmations WHERE org_code IN ('5110405001', '5110405002')") == 2);
  // ... and the live counts are the register's.
  CHECK(query_int(db, "SELECT COUNT(*) FROM (SELECT institution_code, level, COUNT(*) AS n FROM lec_children WHERE "
                      "status = 'attending' GROUP BY 1, 2) c LEFT JOIN lec_counts k USING (institution_code, level) "
                      "WHERE k.n IS DISTINCT FROM c.n") == 0);
  CHECK(query_int(db, "SELECT SUM(n) FROM lec_counts WHERE institution_code = '5110405002'") == 33 + 1 + 10);
}

}  // namespace

TEST_CASE("LEC: concurrent confirmations and edits never leave a confirmation above changed data", "[server][lec][http]") {
  ServerProcess server;
  race({server.port()}, server.database());
}

TEST_CASE("LEC: the same race spread over three servers on one database", "[server][lec][http][two_servers]") {
  ServerProcess a;
  ServerOptions same;
  same.data_dir = a.data_dir();
  ServerProcess b(same), c(same);
  race({a.port(), b.port(), c.port()}, a.database());
}
