// A new academic year (rollover) and spot checks by the provincial office, over loopback HTTP.
#include <catch2/catch.hpp>

#include <set>

#include "server/lec/lec_demo.hpp"
#include "tests/server/lec_files_helpers.hpp"

using namespace test_server;
using nlohmann::json;

TEST_CASE("LEC rollover: last year's children move up a level, p6 leave, a centre's children leave", "[server][lec][http]") {
  ServerProcess server;
  const auto port = server.port();
  const int last = lec::current_year(), year = last + 1;
  const auto dla = sign_in(port, "dla.officer", demo_password("dla.officer"));
  const auto school = sign_in(port, "5110405002", demo_password("5110405002"));
  const std::string at = lec::base(year) + "/institutions/5110405002";
  // The new year's round is not open yet.
  CHECK(lec::call(port, school, "POST", at + "/rollover", json::object()).status == 409);
  const auto d = domain::to_iso(server::lec::plus_days(server::lec::today_in_thailand(), 30));
  auto opened = lec::call(port, dla, "PUT", lec::base(year) + "/deadlines",
                          {{"institution", d}, {"local_government", d}, {"province", d}, {"department", d}});
  INFO(opened.body);
  REQUIRE(opened.status / 100 == 2);

  auto r = lec::call(port, school, "POST", at + "/rollover", json::object());
  INFO(r.body);
  REQUIRE(r.status == 200);
  const auto rolled = r.json();
  CHECK(rolled["moved_up"].size() == 30);
  CHECK(rolled["graduated"].size() == 3);
  for (const auto& g : rolled["graduated"]) CHECK(g["level"] == "p6");
  std::map<std::string, int> by_level;
  for (const auto& m : rolled["moved_up"]) {
    by_level[m["level"].get<std::string>()]++;
    CHECK(m["id_masked"].get<std::string>().find("xxxxx") != std::string::npos);
  }
  CHECK(by_level["k2"] == 3);  // the 3 of k1
  CHECK(by_level["p1"] == 4);  // the 4 of k3
  CHECK(by_level["p6"] == 4);  // the 4 of p5
  CHECK(by_level.count("k1") == 0);
  auto counts = lec::call(port, school, "GET", lec::base(year) + "/counts?org=5110405002").json();
  CHECK(counts["total"] == 30);
  CHECK(counts["levels"]["p1"] == 4);
  CHECK(r.body.find(server::lec::demo_national_id(1000)) == std::string::npos);

  // Again: nothing moves twice.
  auto again = lec::call(port, school, "POST", at + "/rollover", json::object());
  REQUIRE(again.status == 200);
  CHECK(again.json()["moved_up"].empty());
  CHECK(again.json()["already"] == 30);
  CHECK(lec::call(port, school, "GET", lec::base(year) + "/counts?org=5110405002").json()["total"] == 30);

  const auto centre = sign_in(port, "5110405001", demo_password("5110405001"));
  auto c = lec::call(port, centre, "POST", lec::base(year) + "/institutions/5110405001/rollover", json::object());
  REQUIRE(c.status == 200);
  CHECK(c.json()["moved_up"].empty());
  CHECK(c.json()["graduated"].size() == 8);
  CHECK(lec::call(port, centre, "POST", at + "/rollover", json::object()).status == 403);
}

TEST_CASE("LEC spot checks: the province draws a sample of its subtree and records what it found", "[server][lec][http]") {
  ServerProcess server;
  const auto port = server.port();
  const int year = lec::current_year();
  const auto province = sign_in(port, "province.officer", demo_password("province.officer"));
  const auto school = sign_in(port, "5110405002", demo_password("5110405002"));
  const std::string base = lec::base(year) + "/spot-checks?org=5011000000";

  auto drawn = lec::call(port, province, "POST", base, {{"institutions", 2}, {"children", 4}});
  INFO(drawn.body);
  REQUIRE(drawn.status == 201);
  const auto check = drawn.json();
  std::set<std::string> institutions;
  for (const auto& i : check["items"]) {
    institutions.insert(i["institution_code"].get<std::string>());
    CHECK(i["found"].is_null());
    CHECK(i["id_masked"].get<std::string>().find("xxxxx") != std::string::npos);
  }
  CHECK(institutions.size() == 2);  // the demo province has three institutions with children
  CHECK(check["items"].size() == 8);
  CHECK(check["checked"] == 0);

  const auto item = check["items"][0]["id"].get<std::int64_t>();
  const std::string put = lec::base(year) + "/spot-checks/" + std::to_string(check["id"].get<std::int64_t>()) + "/items/" +
                          std::to_string(item);
  CHECK(lec::call(port, province, "PUT", put, {{"note", "x"}}).status == 400);
  CHECK(lec::call(port, school, "PUT", put, {{"found", true}}).status == 404);  // not its check
  auto found = lec::call(port, province, "PUT", put, {{"found", false}, {"note", "ย้ายออกไปแล้ว"}});
  INFO(found.body);
  REQUIRE(found.status == 200);
  CHECK(found.json()["checked"] == 1);
  CHECK(found.json()["items"][0]["found"] == false);
  CHECK(found.json()["items"][0]["note"] == "ย้ายออกไปแล้ว");

  auto listed = lec::call(port, province, "GET", base);
  REQUIRE(listed.status == 200);
  REQUIRE(listed.json().size() == 1);
  CHECK(listed.json()[0]["items"][0]["checked_by"].get<std::string>().size() > 0);
  // A school cannot draw for the province; the sample is drawn by offices only.
  CHECK(lec::call(port, school, "POST", base, json::object()).status == 403);
  CHECK(lec::call(port, province, "POST", lec::base(year) + "/spot-checks?org=5011040500", json::object()).status == 400);
  CHECK(lec::call(port, province, "POST", base, {{"institutions", 99}}).status == 400);
}
