// Writes the disk refuses (issue 11, defect 13): /health says degraded and why (503, what a
// load balancer reads) when the data folder cannot take writes or space runs low; a write
// that meets a full disk answers 507 in Thai and English, not 500.
#include <catch2/catch.hpp>

#include "server/http/disk_full.hpp"
#include "server/storage/database.hpp"
#include "tests/server/http_client.hpp"
#include "tests/server/server_process.hpp"

using namespace test_server;

TEST_CASE("health: degraded with the reason while the data folder cannot be written", "[server][health]") {
  ServerProcess server;
  const auto port = server.port();
  REQUIRE(get(port, "/api/v1/health").status == 200);
  CHECK(get(port, "/api/v1/health").json()["status"] == "ok");

  // The probe's name taken by a folder: every write of the probe fails, as on a read-only
  // mount (root, who runs the tests, writes through permission bits).
  fs::create_directory(server.data_dir() / ".health-probe");
  auto degraded = get(port, "/api/v1/health");
  CHECK(degraded.status == 503);
  CHECK(degraded.json()["status"] == "degraded");
  REQUIRE(degraded.json()["reasons"].size() == 1);
  CHECK(degraded.json()["reasons"][0]["code"] == "data_dir_not_writable");
  CHECK(degraded.json()["reasons"][0]["message_en"].get<std::string>().find(server.data_dir().string()) !=
        std::string::npos);

  fs::remove(server.data_dir() / ".health-probe");
  CHECK(get(port, "/api/v1/health").status == 200);
}

TEST_CASE("health: degraded below the free space minimum", "[server][health]") {
  ServerOptions options;
  options.env = {{"MIN_FREE_MB", "1099511627776"}};  // more than any disk here has
  ServerProcess server(options);
  auto r = get(server.port(), "/api/v1/health");
  CHECK(r.status == 503);
  CHECK(r.json()["status"] == "degraded");
  REQUIRE(r.json()["reasons"].size() == 1);
  CHECK(r.json()["reasons"][0]["code"] == "disk_low_space");
}

TEST_CASE("a full disk answers 507 in Thai and English", "[server][health]") {
  TempDir dir;
  server::storage::Database db(dir / "full.db");
  db.exec("CREATE TABLE t (x TEXT)");
  db.exec("PRAGMA max_page_count = " + std::to_string(4));  // SQLite's own "disk is full"
  bool refused = false;
  try {
    for (int i = 0; i < 100; ++i) db.exec("INSERT INTO t VALUES (hex(randomblob(2000)))");
  } catch (const server::storage::StorageError& e) {
    refused = true;
    CHECK(server::http::is_disk_full(e));
  }
  REQUIRE(refused);
  CHECK(server::http::is_disk_full(std::system_error(ENOSPC, std::generic_category(), "cannot write x")));
  CHECK_FALSE(server::http::is_disk_full(std::runtime_error("a bug")));

  auto full = server::http::insufficient_storage();
  const auto& reply = std::get<server::http::StringResponse>(full);
  CHECK(reply.result_int() == 507);
  const auto body = nlohmann::json::parse(reply.body());
  CHECK(body["error"]["code"] == "disk_full");
  CHECK(body["error"]["message_th"].get<std::string>().find("พื้นที่จัดเก็บ") != std::string::npos);
  CHECK(body["error"]["message_en"].get<std::string>().find("storage is full") != std::string::npos);
}

namespace {

// The server as its own user would run it: root without CAP_DAC_OVERRIDE meets the
// permission bits like anyone else (the tests run as root).
Finished start_without_override(const fs::path& data_dir) {
  return run_command({"/usr/bin/setpriv", "--bounding-set=-dac_override,-dac_read_search", "--", SERVER_BINARY,
                      "--assets", (fs::path(SOURCE_DIR) / "assets").string()},
                     {{"PORT", "0"}, {"BIND", "127.0.0.1"}, {"DATA_DIR", data_dir.string()}, {"THREADS", "2"}},
                     std::chrono::seconds(10));
}

}  // namespace

TEST_CASE("a database that cannot be written stops the start, naming the file and what to do", "[server][health][sqlite]") {
  TempDir dir;
  const auto data = dir / "data";
  {
    ServerOptions options;
    options.data_dir = data;
    ServerProcess server(options);
    REQUIRE(server.stop() == 0);
  }
  const auto db = data / "school.db";
  const auto writable = fs::status(db).permissions();

  SECTION("the database file is read-only") {
    fs::permissions(db, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    const auto run = start_without_override(data);
    CHECK(run.exit_code == 4);
    CHECK(run.output.find("not starting: the database file " + db.string() + " cannot be written") != std::string::npos);
    CHECK(run.output.find("chown/chmod") != std::string::npos);
    CHECK(run.output.find("Serving") == std::string::npos);
  }
  SECTION("the data folder is read-only") {
    fs::permissions(data, fs::perms::owner_read | fs::perms::owner_exec);
    const auto run = start_without_override(data);
    CHECK(run.exit_code == 4);
    CHECK(run.output.find("cannot write to the data folder " + data.string()) != std::string::npos);
    fs::permissions(data, fs::perms::owner_all);
  }
  fs::permissions(db, writable);
  // Writable again: it starts.
  ServerOptions options;
  options.data_dir = data;
  ServerProcess server(options);
  CHECK(get(server.port(), "/api/v1/health").status == 200);
}
