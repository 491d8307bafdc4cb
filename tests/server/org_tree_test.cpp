// The organisation tree in SQLite: offices.csv + institutions, under the centre.
#include <catch2/catch.hpp>

#include "server/accounts/org_directory.hpp"
#include "server/directory/institution_import.hpp"
#include "server/storage/storage.hpp"
#include "tests/server/server_process.hpp"

using namespace test_server;
using namespace server;

TEST_CASE("org tree: offices and institutions under the centre 0000000000", "[server][orgs]") {
  TempDir dir;
  storage::ConnectionPool db(database_for(dir.path()));
  auto storage = storage::open_storage(db);
  directory::import_institutions_file(fs::path(SOURCE_DIR) / "assets/directory/institutions.csv", storage->institutions());
  auto report = accounts::import_offices(db, fs::path(SOURCE_DIR) / "assets/directory/offices.csv");
  CHECK(report.rows == 1347);
  CHECK(report.inserted == 1347);
  CHECK(report.rejected.empty());
  CHECK(accounts::import_offices(db, fs::path(SOURCE_DIR) / "assets/directory/offices.csv").inserted == 0);  // idempotent

  auto loaded = accounts::load_org_tree(db);
  CHECK(loaded.dropped.empty());
  const auto& tree = loaded.tree;
  CHECK(tree.size() == 1 + 1347 + 2922);
  CHECK(tree.roots() == std::vector<std::string>{"0000000000"});
  CHECK(tree.path_to_root("1010720001") == std::vector<std::string>{"1010720001", "1040000001", "1000000000", "0000000000"});
  CHECK(tree.find("1040000001")->kind == domain::OrgKind::area_office);
  CHECK(tree.find("5040010100")->kind == domain::OrgKind::local_government);
  CHECK(tree.is_within("5400101999", "5040010100"));
  CHECK_FALSE(tree.is_within("5400101999", "1040000001"));
}

TEST_CASE("org tree: a node with an unknown parent is left out and reported, not fatal", "[server][orgs]") {
  TempDir dir;
  storage::ConnectionPool db(database_for(dir.path()));
  auto storage = storage::open_storage(db);
  write_file(dir / "offices.csv",
             "code,name_th,kind,province,parent_code\n"
             "1000000000,สพฐ.,department,,\n"
             "1040000001,สพป.ขอนแก่น เขต 1,primary_area,ขอนแก่น,1000000000\n"
             "1099000001,เขตที่ไม่มีต้นสังกัด,primary_area,ขอนแก่น,1999999999\n"
             "12345,สั้นเกินไป,primary_area,ขอนแก่น,1000000000\n"
             "1098000001,ประเภทแปลก,planet,ขอนแก่น,1000000000\n");
  auto report = accounts::import_offices(db, dir / "offices.csv");
  CHECK(report.inserted == 3);
  REQUIRE(report.rejected.size() == 2);
  CHECK(report.rejected[0].rfind("line 5: code", 0) == 0);
  CHECK(report.rejected[1].rfind("line 6: kind", 0) == 0);
  auto loaded = accounts::load_org_tree(db);
  CHECK(loaded.tree.contains("1040000001"));
  CHECK_FALSE(loaded.tree.contains("1099000001"));
  REQUIRE(loaded.dropped.size() == 1);
  CHECK(loaded.dropped[0].find("1099000001") != std::string::npos);
}
