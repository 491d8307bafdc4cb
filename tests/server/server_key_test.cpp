// The server key over sealed data (issue 11, defects 10 and 11): the real binary refuses to
// start without the key that sealed what the database holds, naming the file and what to
// restore, unless told it is a new installation; the key may live outside DATA_DIR.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include "server/auth/server_key.hpp"
#include "server/storage/migrations.hpp"
#include "tests/server/registration_helpers.hpp"
#include "tests/server/sign_in_helpers.hpp"
#include "tests/server/test_database.hpp"

using namespace test_server;

namespace {

// A start that is expected to stop by itself (a server that does start is killed at the
// timeout and reports -1).
Finished start_once(const fs::path& data_dir, std::map<std::string, std::string> env = {},
                    std::vector<std::string> extra = {}) {
  std::vector<std::string> args{SERVER_BINARY, "--assets", (fs::path(SOURCE_DIR) / "assets").string(), "--mode",
                                "development"};
  args.insert(args.end(), extra.begin(), extra.end());
  env.merge(std::map<std::string, std::string>{
      {"PORT", "0"}, {"BIND", "127.0.0.1"}, {"THREADS", "2"}});
  env.merge(data_env(data_dir));
  return run_command(args, env, std::chrono::seconds(15));
}

}  // namespace

TEST_CASE("server key: a lost or short key over sealed data stops the start, unless a new installation",
          "[server][key]") {
  TempDir dir;
  const auto data = dir / "data";
  const auto key = data / "server.key";
  ServerOptions options;
  options.data_dir = data;
  {
    ServerProcess server(options);
    CHECK(server.wait_for_output("server key: " + fs::absolute(key).string()));
    auto created = register_school(server, registration_body());
    INFO(created.body);
    REQUIRE(created.status == 201);
    REQUIRE(server.stop() == 0);
  }
  struct stat st {};
  REQUIRE(::stat(key.c_str(), &st) == 0);
  CHECK(st.st_size == 32);
  CHECK((st.st_mode & 0777) == 0600);
  const std::string original = read_file(key);

  fs::remove(key);
  auto missing = start_once(data);
  INFO(missing.output);
  CHECK(missing.exit_code > 0);
  CHECK(missing.output.find(key.string() + " is missing") != std::string::npos);
  CHECK(missing.output.find("Restore server.key") != std::string::npos);
  CHECK(missing.output.find("--new-installation") != std::string::npos);
  CHECK_FALSE(fs::exists(key));  // nothing written over the evidence

  write_file(key, original.substr(0, 10));  // a copy cut short
  auto short_key = start_once(data);
  INFO(short_key.output);
  CHECK(short_key.exit_code > 0);
  CHECK(short_key.output.find("only 10 bytes long") != std::string::npos);
  CHECK(read_file(key) == original.substr(0, 10));

  SECTION("the restored key starts as before") {
    write_file(key, original);
    ServerProcess server(options);
    CHECK(read_file(key) == original);
    CHECK(server.stop() == 0);
  }
  SECTION("--new-installation starts with a new key") {
    options.args = {"--new-installation"};
    ServerProcess server(options);
    CHECK(server.wait_for_output("NEW INSTALLATION"));
    CHECK(read_file(key).size() == 32);
    CHECK(read_file(key) != original);
    CHECK(server.stop() == 0);
  }
  SECTION("NEW_INSTALLATION=1 starts with a new key") {
    fs::remove(key);
    options.env = {{"NEW_INSTALLATION", "1"}};
    ServerProcess server(options);
    CHECK(server.wait_for_output("NEW INSTALLATION"));
    CHECK(read_file(key).size() == 32);
    CHECK(server.stop() == 0);
  }
}

TEST_CASE("server key: SERVER_KEY_FILE keeps it outside the data folder", "[server][key]") {
  TempDir dir;
  const auto outside = dir / "secrets" / "school.key";
  ServerOptions options;
  options.data_dir = dir / "data";
  options.env = {{"SERVER_KEY_FILE", outside.string()}};
  ServerProcess server(options);
  CHECK(server.wait_for_output("server key: " + fs::absolute(outside).string()));
  CHECK(read_file(outside).size() == 32);
  CHECK_FALSE(fs::exists(dir / "data" / "server.key"));
  auto created = register_school(server, registration_body());
  CHECK(created.status == 201);
  CHECK(server.stop() == 0);
}

TEST_CASE("server key: sealed values are counted in every sealed column there is", "[server][key]") {
  TempDir dir;
  server::storage::Database db(database_for(dir.path()));
  CHECK(server::auth::count_sealed_values(db) == 0);  // no tables yet
  server::storage::migrate(db);  // lec_children is one of the tables
  CHECK(server::auth::count_sealed_values(db) == 0);
  db.exec("INSERT INTO lec_children (year, institution_code, id_kind, id_sealed, id_hash, id_masked, title, first_name, "
          "last_name, sex, birth_date, level) VALUES "
          "(2569, '5110405002', 'national_id', 'sealed-a', 'h-a', 'm', 'ด.ช.', 'ก', 'ข', 'm', '2018-01-01', 'p1'), "
          "(2569, '5110405002', 'national_id', 'sealed-b', 'h-b', 'm', 'ด.ญ.', 'ค', 'ง', 'f', '2018-01-01', 'p1')");
  CHECK(server::auth::count_sealed_values(db) == 2);
  CHECK_THROWS_AS(server::auth::load_server_key(dir / "server.key", 2, false), server::auth::KeyLost);
  CHECK_FALSE(fs::exists(dir / "server.key"));
  CHECK(server::auth::load_server_key(dir / "server.key", 2, true).created);
  CHECK_FALSE(server::auth::load_server_key(dir / "server.key", 2, false).created);
}

TEST_CASE("server key: a server with another key on the same database does not start", "[server][key][two_servers]") {
  ServerProcess a;
  TempDir elsewhere;
  const auto own = elsewhere / "its-own.key";
  // A second server on A's database with a key of its own: refused. (Without any key file it
  // is refused as a lost key: the demo data already holds sealed values.)
  server::auth::write_new_server_key(own);
  auto b = start_once(a.data_dir(), {{"SERVER_KEY_FILE", own.string()}});
  INFO(b.output);
  CHECK(b.exit_code == 3);
  CHECK(b.output.find("the server key " + own.string() + " is not the key this database is sealed with") !=
        std::string::npos);
  CHECK(b.output.find("SERVER_KEY_FILE") != std::string::npos);
  CHECK(get(a.port(), "/api/v1/health").status == 200);  // A goes on with the one key
  // A copy of A's key file is the way: then it starts.
  fs::copy_file(a.data_dir() / "server.key", own, fs::copy_options::overwrite_existing);
  ServerOptions same_key;
  same_key.data_dir = a.data_dir();
  same_key.env = {{"SERVER_KEY_FILE", own.string()}};
  ServerProcess c(same_key);
  CHECK(get(c.port(), "/api/v1/health").status == 200);
}

TEST_CASE("server key: the database's check value and the first key written win", "[server][key]") {
  namespace auth = server::auth;
  TempDir dir;
  server::storage::Database db(dir / "school.db");
  server::storage::migrate(db);
  const auto first = auth::write_new_server_key(dir / "first.key");
  const auto second = auth::write_new_server_key(dir / "second.key");
  REQUIRE(first != second);
  auth::check_key_matches_database(db, first, dir / "first.key", false);  // recorded
  CHECK(query_int(dir / "school.db", "SELECT COUNT(*) FROM server_key_check") == 1);
  CHECK_NOTHROW(auth::check_key_matches_database(db, first, dir / "first.key", false));
  CHECK_THROWS_AS(auth::check_key_matches_database(db, second, dir / "second.key", false), auth::KeyMismatch);
  auth::check_key_matches_database(db, second, dir / "second.key", true);  // a new installation
  CHECK_THROWS_AS(auth::check_key_matches_database(db, first, dir / "first.key", false), auth::KeyMismatch);
  // Two servers making a key at once: the one published first is what both use.
  CHECK(auth::write_new_server_key(dir / "first.key", false) == first);
  CHECK(read_file(dir / "first.key").size() == 32);
  int leftovers = 0;
  for (const auto& entry : fs::directory_iterator(dir.path())) leftovers += entry.path().string().find(".new-") != std::string::npos;
  CHECK(leftovers == 0);
}
