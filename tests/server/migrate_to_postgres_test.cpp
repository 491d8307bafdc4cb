// `school-server migrate-to-postgres` (issue 13): an installation that ran on SQLite moves to
// PostgreSQL with every row, its files and its key; the counts are verified, a second copy
// into a database that holds data is refused, and the server then goes on from PostgreSQL.
// Runs only in the PostgreSQL run of the suite ([postgres]): it needs the private cluster.
#include <catch2/catch.hpp>

#include "tests/server/http_client.hpp"
#include "tests/server/registration_helpers.hpp"
#include "tests/server/server_process.hpp"
#include "tests/server/sign_in_helpers.hpp"
#include "tests/server/test_database.hpp"

using namespace test_server;
using nlohmann::json;

namespace {

HttpResponse read_as_registrant(const ServerProcess& server, const json& created, const std::string& what = "") {
  return get(server.port(), "/api/v1/registrations/" + std::to_string(created["registration_id"].get<int>()) + what,
             {{"Authorization", "Bearer " + created["registration_token"].get<std::string>()}});
}

}  // namespace

TEST_CASE("migrate-to-postgres: every row and file of a SQLite installation, verified, then served",
          "[server][postgres]") {
  REQUIRE(on_postgres());
  TempDir dir;
  const auto data = dir / "data";
  json created;
  std::string letter;
  {
    ServerProcess old({.data_dir = data, .env = {{"DATABASE_URL", ""}}});  // the SQLite default
    created = register_school(old, registration_body()).json();
    letter = read_as_registrant(old, created, "/letter.pdf").body;
    REQUIRE(upload_letter(old, created, letter, "letter.pdf").status == 200);
    REQUIRE(old.stop() == 0);
  }
  const server::storage::Location sqlite = data / "school.db";
  const auto target = database_for(dir / "target");
  const auto registrations = query_int(sqlite, "SELECT COUNT(*) FROM registrations");
  const auto audit_rows = query_int(sqlite, "SELECT COUNT(*) FROM audit_log");
  REQUIRE(registrations == 1);

  auto env = data_env(data);
  env["DATABASE_URL"] = target.url;
  const auto copy = run_command({SERVER_BINARY, "migrate-to-postgres"}, env);
  INFO(copy.output);
  REQUIRE(copy.exit_code == 0);
  CHECK(copy.output.find("registrations: 1 -> 1") != std::string::npos);
  CHECK(copy.output.find("counts verified") != std::string::npos);
  CHECK(copy.output.find("1 uploaded file(s)") != std::string::npos);
  CHECK(query_int(target, "SELECT COUNT(*) FROM registrations") == 1);
  CHECK(query_int(target, "SELECT COUNT(*) FROM audit_log") == audit_rows);
  CHECK(query_int(target, "SELECT COUNT(*) FROM institutions") == query_int(sqlite, "SELECT COUNT(*) FROM institutions"));

  // A second copy would mix two installations: refused, nothing changed.
  const auto again = run_command({SERVER_BINARY, "migrate-to-postgres"}, env);
  CHECK(again.exit_code == 1);
  CHECK(again.output.find("already holds data") != std::string::npos);
  CHECK(query_int(target, "SELECT COUNT(*) FROM registrations") == 1);

  // The server goes on from PostgreSQL with the same key and files: the registrant's token,
  // the sealed letter and new rows (ids after the copied ones) all work.
  ServerProcess moved({.data_dir = data, .env = {{"DATABASE_URL", target.url}}});
  CHECK(moved.output().find("database: postgresql://") != std::string::npos);
  auto status = read_as_registrant(moved, created);
  REQUIRE(status.status == 200);
  CHECK(status.json()["status"] == "under_review");
  auto back = read_as_registrant(moved, created, "/signed-letter");
  REQUIRE(back.status == 200);
  CHECK(back.body == letter);
  auto body = registration_body();
  body["institution_code"] = "1011010001";
  body["officer"]["phone"] = "0812345679";  // the first phone's resend wait moved along with the data
  auto second = register_school(moved, body);
  INFO(second.body);
  REQUIRE(second.status == 201);
  CHECK(second.json()["registration_id"].get<int>() > created["registration_id"].get<int>());
}

TEST_CASE("migrate-to-postgres: without a PostgreSQL target it says what to give", "[server][postgres]") {
  TempDir dir;
  const auto run = run_command({SERVER_BINARY, "migrate-to-postgres"}, {{"DATA_DIR", dir.path().string()}});
  CHECK(run.exit_code == 2);
  CHECK(run.output.find("--database postgresql://") != std::string::npos);
}
