// An edit that leaves the ID out keeps the record's ID: the client, which holds only the
// mask, never needs the full ID to correct a name or a room.
#include <catch2/catch.hpp>

#include "tests/server/lec_helpers.hpp"

using namespace test_server;
using namespace test_server::lec;
using nlohmann::json;

TEST_CASE("LEC: an edit without id_number keeps the ID and changes the rest", "[server][lec][http]") {
  ServerProcess server;
  const auto port = server.port();
  const int year = current_year();
  const auto school = sign_in(port, "5110405002", demo_password("5110405002"));
  const std::string reg = base(year) + "/institutions/5110405002/children";
  const auto id = add_child(port, school, year, "5110405002", child_body(77, "p2", year));
  const auto path = reg + "/" + std::to_string(id);
  const auto before = call(port, school, "POST", path + "/reveal").json()["id_number"];

  json body = child_body(77, "p2", year);
  body.erase("id_number");
  body["room"] = "2/3";
  body["first_name"] = "ปรีชา";
  auto edited = call(port, school, "PUT", path, body);
  INFO(edited.body);
  REQUIRE(edited.status == 200);
  body["id_number"] = nullptr;
  CHECK(call(port, school, "PUT", path, body).status == 200);
  CHECK(call(port, school, "POST", path + "/reveal").json()["id_number"] == before);
  bool found = false;
  for (const auto& c : call(port, school, "GET", reg + "?status=attending").json())
    if (c["id"] == id) {
      found = true;
      CHECK(c["room"] == "2/3");
      CHECK(c["first_name"] == "ปรีชา");
    }
  CHECK(found);
  // Another institution's record cannot be reached this way.
  CHECK(call(port, school, "PUT", base(year) + "/institutions/5110405002/children/999999", body).status == 404);
}
