// A child-development centre's basic data: recorded by the centre, read by the offices
// above, refused field by field when wrong, and voiding the confirmations above it.
#include <catch2/catch.hpp>

#include "tests/server/lec_helpers.hpp"

using namespace test_server;
using namespace test_server::lec;
using nlohmann::json;

namespace {
json profile() {
  return {{"teachers", 2}, {"carers", 2}, {"rooms", 2}, {"min_age_months", 24}, {"max_age_months", 60}, {"capacity", 50}};
}
}  // namespace

TEST_CASE("LEC: a centre records its basic data, offices read it, a change voids the confirmations", "[server][lec][http]") {
  ServerProcess server;
  const auto port = server.port();
  const int year = current_year();
  const auto centre = sign_in(port, "5110405001", demo_password("5110405001"));
  const auto school = sign_in(port, "5110405002", demo_password("5110405002"));
  const auto lgo = sign_in(port, "lgo.bangyaphraek", demo_password("lgo.bangyaphraek"));
  const auto other = sign_in(port, "5110111001", demo_password("5110111001"));
  const std::string path = base(year) + "/institutions/5110405001/centre";

  auto empty = call(port, centre, "GET", path);
  REQUIRE(empty.status == 200);
  CHECK(empty.json()["profile"].is_null());
  CHECK(empty.json()["children"].get<int>() > 0);

  // Bad input names the field and changes nothing.
  json bad = profile();
  bad["carers"] = -1;
  auto refused = call(port, centre, "PUT", path, bad);
  CHECK(refused.status == 400);
  CHECK(refused.json()["error"]["field"] == "carers");
  CHECK(call(port, centre, "GET", path).json()["profile"].is_null());
  // Only the centre's own editors write; a school is no centre; another centre sees nothing.
  CHECK(call(port, other, "PUT", path, profile()).status == 403);
  CHECK(call(port, other, "GET", path).status == 403);
  CHECK(call(port, school, "GET", base(year) + "/institutions/5110405002/centre").status == 404);

  auto saved = call(port, centre, "PUT", path, profile());
  INFO(saved.body);
  REQUIRE(saved.status == 200);
  CHECK(saved.json()["voided"].empty());
  auto read = call(port, lgo, "GET", path).json();
  CHECK(read["profile"] == profile());
  CHECK(read["children_per_carer"].get<double>() == Approx(read["children"].get<double>() / 4));

  // Confirmed up to the LGO, then a change of the basic data voids both.
  REQUIRE(call(port, lgo, "PUT", base(year) + "/funded-schools/1011040001/counts?org=5011040500",
               {{"counts", json::object()}, {"closed", true}})
              .status == 200);
  CHECK(confirm(port, centre, year, "5110405001") == 201);
  CHECK(confirm(port, school, year, "5110405002") == 201);
  CHECK(confirm(port, lgo, year, "5011040500") == 201);
  CHECK(call(port, centre, "PUT", path, profile()).json()["voided"].empty());  // unchanged: nothing voided
  json more = profile();
  more["carers"] = 3;
  auto changed = call(port, centre, "PUT", path, more);
  REQUIRE(changed.status == 200);
  CHECK(codes(changed.json()["voided"]) == std::vector<std::string>{"5110405001", "5011040500"});
  // The LGO's confirmer is told what changed.
  auto notes = call(port, lgo, "GET", "/api/v1/notifications").json();
  INFO(notes.dump());
  bool told = false;
  for (const auto& n : (notes.is_array() ? notes : notes["notifications"]))
    if (n.dump().find("ข้อมูลพื้นฐานของศูนย์พัฒนาเด็กเล็กเปลี่ยน") != std::string::npos) told = true;
  CHECK(told);
}
