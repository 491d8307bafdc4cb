// Starting, logging, stopping: what an operator sees.
#include <catch2/catch.hpp>
#include <regex>

#include "tests/server/http_client.hpp"
#include "tests/server/server_process.hpp"
#include "tests/server/test_database.hpp"

using namespace test_server;

TEST_CASE("start: prints where it serves and imports the demo directory into an empty database", "[server][lifecycle]") {
  ServerProcess server;
  const std::string out = server.output();
  CHECK(out.find("Serving http://localhost:" + std::to_string(server.port()) + " (development mode, data: " +
                 server.data_dir().string() + ", database: ") != std::string::npos);
  CHECK(out.find("directory was empty, imported") != std::string::npos);
  if (on_postgres())
    CHECK(out.find("database: postgresql://") != std::string::npos);
  else
    CHECK(std::filesystem::exists(server.data_dir() / "school.db"));
}

TEST_CASE("SIGTERM: closes idle connections and exits 0 and the data survives a restart", "[server][lifecycle]") {
  TempDir data;
  {
    ServerProcess server({.data_dir = data.path()});
    Connection idle(server.port());  // an open keep-alive connection must not hold the shutdown
    CHECK(idle.request("GET", "/api/v1/health").status == 200);
    auto started = std::chrono::steady_clock::now();
    CHECK(server.stop(SIGTERM) == 0);
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
    CHECK(idle.closed_by_server(std::chrono::milliseconds(1000)));
    CHECK(server.output().find("received SIGTERM") != std::string::npos);
  }
  // Second start on the same data: the directory is there, nothing is imported again.
  ServerProcess again({.data_dir = data.path(), .mode = "production"});
  CHECK(again.output().find("directory was empty") == std::string::npos);
  CHECK(again.output().find("(production mode") != std::string::npos);
  CHECK(get(again.port(), "/api/v1/institutions?code=1010720001").json().size() == 1);
  CHECK(again.stop(SIGINT) == 0);
}

TEST_CASE("SIGTERM during a request: the request is answered before the server exits", "[server][lifecycle]") {
  ServerProcess server;
  Connection busy(server.port());
  busy.send("GET /api/v1/institutions?code=1010720001 HTTP/1.1\r\nHost: x\r\n");  // headers not finished
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  kill(server.pid(), SIGTERM);
  REQUIRE(server.wait_for_output("received SIGTERM"));
  // New connections are refused from now on (the listening socket closes right after the log line).
  bool refused = false;
  for (int i = 0; i < 50 && !refused; ++i) {
    try {
      get(server.port(), "/api/v1/health");
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    } catch (const std::exception&) {
      refused = true;
    }
  }
  CHECK(refused);
  busy.send("Accept: application/json\r\n\r\n");
  auto r = busy.receive();
  CHECK(r.status == 200);
  CHECK(r.header("connection") == "close");
  CHECK(r.json().size() == 1);
  CHECK(server.stop(SIGTERM) == 0);
}

TEST_CASE("request log: one line per request and never the query string", "[server][lifecycle]") {
  ServerProcess server;
  get(server.port(), "/api/v1/institutions?q=" + url_encode("นายสมชาย") + "&province=secret-province");
  get(server.port(), "/api/v1/nothing-here?national_id=1234567890123");
  // Each line is written once its reply is sent, maybe by another thread: wait for both.
  REQUIRE(server.wait_for_output("GET /api/v1/institutions 200"));
  REQUIRE(server.wait_for_output("GET /api/v1/nothing-here 404"));
  const std::string out = server.output();
  CHECK(std::regex_search(out, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z GET /api/v1/institutions 200 \d+ [\d.]+ms)")));
  CHECK(out.find("secret-province") == std::string::npos);
  CHECK(out.find("1234567890123") == std::string::npos);
  CHECK(out.find(url_encode("นายสมชาย")) == std::string::npos);
}

TEST_CASE("bad command line or environment: exit 2 with the reason", "[server][lifecycle]") {
  auto bad_mode = run_command({SERVER_BINARY, "--mode", "staging"}, {});
  CHECK(bad_mode.exit_code == 2);
  CHECK(bad_mode.output.find("--mode must be development or production") != std::string::npos);
  auto bad_port = run_command({SERVER_BINARY}, {{"PORT", "eighty"}});
  CHECK(bad_port.exit_code == 2);
  CHECK(bad_port.output.find("PORT") != std::string::npos);
}
