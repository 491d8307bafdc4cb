// Every kind of change after a confirmation voids the node and the confirmed nodes above
// it, in the same transaction, says so in the reply, and tells the confirmers.
#include <catch2/catch.hpp>

#include "tests/server/lec_helpers.hpp"

using namespace test_server;
using namespace test_server::lec;
using nlohmann::json;

TEST_CASE("LEC: add, edit, remove, restore, move-in and funded counts each void the confirmations above", "[server][lec][http]") {
  ServerProcess server;
  const auto port = server.port();
  const int year = current_year();
  const auto school = sign_in(port, "5110405002", demo_password("5110405002"));
  const auto centre = sign_in(port, "5110405001", demo_password("5110405001"));
  const auto other_centre = sign_in(port, "5110111001", demo_password("5110111001"));
  const auto lgo = sign_in(port, "lgo.bangyaphraek", demo_password("lgo.bangyaphraek"));
  const std::string reg = base(year) + "/institutions/5110405002/children";
  REQUIRE(call(port, lgo, "PUT", base(year) + "/funded-schools/1011040001/counts?org=5011040500",
               {{"counts", json::object()}, {"closed", true}})
              .status == 200);
  CHECK(confirm(port, centre, year, "5110405001") == 201);
  const auto confirm_both = [&] {
    CHECK(confirm(port, school, year, "5110405002") == 201);
    CHECK(confirm(port, lgo, year, "5011040500") == 201);
  };
  const std::vector<std::string> both = {"5110405002", "5011040500"};
  const auto total = [&] { return call(port, lgo, "GET", base(year) + "/counts?org=5110405002").json()["total"].get<int>(); };
  const int start = total();

  confirm_both();
  auto added = call(port, school, "POST", reg, child_body(1, "p3", year));
  INFO(added.body);
  REQUIRE(added.status == 201);
  CHECK(codes(added.json()["voided"]) == both);
  CHECK(total() == start + 1);
  const auto id = std::to_string(added.json()["id"].get<std::int64_t>());

  confirm_both();
  json body = child_body(1, "p4", year);  // moved up a level
  body["birth_date"] = child_body(1, "p3", year)["birth_date"];
  auto edited = call(port, school, "PUT", reg + "/" + id, body);
  INFO(edited.body);
  REQUIRE(edited.status == 200);
  CHECK(codes(edited.json()["voided"]) == both);
  // Nothing confirmed: a second identical edit changes nothing and voids nothing.
  CHECK(call(port, school, "PUT", reg + "/" + id, body).json()["voided"].empty());

  confirm_both();
  auto removed = call(port, school, "POST", reg + "/" + id + "/remove", {{"reason", "left"}, {"note", "ย้ายตามผู้ปกครอง"}});
  INFO(removed.body);
  REQUIRE(removed.status == 200);
  CHECK(codes(removed.json()["voided"]) == both);
  CHECK(total() == start);
  auto listed = call(port, school, "GET", reg + "?status=removed").json();
  REQUIRE(listed.size() == 1);
  CHECK(listed[0]["removed_reason"] == "left");

  confirm_both();
  auto restored = call(port, school, "POST", reg + "/" + id + "/restore", json::object());
  INFO(restored.body);
  REQUIRE(restored.status == 200);
  CHECK(codes(restored.json()["voided"]) == both);
  CHECK(total() == start + 1);

  // Move-in: the child attends 5110111001 (another LGO), then the school takes it over.
  const json cdc_child = child_body(2, "cdc", year);
  add_child(port, other_centre, year, "5110111001", cdc_child);
  CHECK(confirm(port, other_centre, year, "5110111001") == 201);
  json k1 = child_body(2, "k1", year);
  k1["birth_date"] = child_body(2, "k1", year)["birth_date"];
  auto refused = call(port, school, "POST", reg, k1);
  INFO(refused.body);
  CHECK(refused.status == 409);
  CHECK(refused.json()["error"]["code"] == "child_enrolled_elsewhere");
  CHECK(refused.json()["error"]["message_th"].get<std::string>().find("5110111001") != std::string::npos);
  CHECK(refused.body.find("ทดสอบ2") == std::string::npos);  // that institution only, nothing about the child
  confirm_both();
  k1["move_in"] = true;
  auto moved = call(port, school, "POST", reg, k1);
  INFO(moved.body);
  REQUIRE(moved.status == 201);
  CHECK(codes(moved.json()["voided"]) == std::vector<std::string>{"5110111001", "5110405002", "5011040500"});
  auto there = call(port, other_centre, "GET", base(year) + "/institutions/5110111001/children?status=removed").json();
  REQUIRE(there.size() == 1);
  CHECK(there[0]["removed_reason"] == "moved");
  bool told = false;
  for (const auto& n : get(port, "/api/v1/notifications", as(other_centre, false)).json())
    told = told || n["kind"] == "lec_moved_out";
  CHECK(told);
  CHECK(last_sms(port, "0800000031").find("ย้ายไป โรงเรียนเทศบาล 3") != std::string::npos);

  // A funded school's counts void the LGO only (nothing below it changed).
  confirm_both();
  auto counted = call(port, lgo, "PUT", base(year) + "/funded-schools/1011040001/counts?org=5011040500",
                      {{"counts", {{"p1", 12}}}, {"closed", false}});
  INFO(counted.body);
  REQUIRE(counted.status == 200);
  CHECK(codes(counted.json()["voided"]) == std::vector<std::string>{"5011040500"});
  // Withdrawing the school voids the LGO above it.
  CHECK(confirm(port, lgo, year, "5011040500") == 201);
  auto withdrawn = call(port, school, "DELETE", base(year) + "/confirmations/5110405002");
  INFO(withdrawn.body);
  REQUIRE(withdrawn.status == 200);
  CHECK(codes(withdrawn.json()["voided"]) == std::vector<std::string>{"5011040500"});
  CHECK(last_sms(port, "0800000024").find("ถูกยกเลิก") != std::string::npos);
  // A G-Code child who receives a national ID keeps its record and its history.
  json g = child_body(5, "p1", year);
  g["id_number"] = "G-1011-00000-00-5";
  const auto gid = std::to_string(add_child(port, school, year, "5110405002", g));
  g["id_number"] = national_id(5);
  auto renamed = call(port, school, "PUT", reg + "/" + gid, g);
  INFO(renamed.body);
  REQUIRE(renamed.status == 200);
  CHECK(renamed.json()["id"].get<std::int64_t>() == std::stoll(gid));
  auto found = call(port, school, "GET", reg + "?q=" + national_id(5)).json();
  REQUIRE(found.size() == 1);
  CHECK(found[0]["id_kind"] == "national_id");
  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM lec_child_history WHERE child_id = " + gid) == 2);
  g["id_number"] = national_id(6);  // any other change of ID is refused
  CHECK(call(port, school, "PUT", reg + "/" + gid, g).json()["error"]["code"] == "id_number_change");
  // The LGO's funded schools: a new one waits for its counts, a kept one keeps them.
  auto set = call(port, lgo, "PUT", base(year) + "/funded-schools?org=5011040500",
                  {{"school_codes", {"1011040001", "1011040002"}}});
  INFO(set.body);
  REQUIRE(set.status == 200);
  auto schools = call(port, lgo, "GET", base(year) + "/funded-schools?org=5011040500").json();
  REQUIRE(schools.size() == 2);
  CHECK(schools[0]["state"] == "recorded");
  CHECK(schools[0]["counts"]["levels"]["p1"] == 12);
  CHECK(schools[1]["state"] == "missing");
  CHECK(schools[1]["name_th"] == "โรงเรียนชุมชนบ้านบางน้ำผึ้ง");
  // The live counts match the register exactly.
  CHECK(query_int(server.database(),
                  "SELECT COUNT(*) FROM (SELECT institution_code, level, COUNT(*) AS n FROM lec_children WHERE status = "
                  "'attending' GROUP BY 1, 2) c LEFT JOIN lec_counts k USING (institution_code, level) WHERE k.n IS DISTINCT FROM c.n") == 0);
}
