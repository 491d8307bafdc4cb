// The whole chain over loopback HTTP: institutions -> LGO (with its funded school) ->
// provincial office -> department, then one edit at the bottom voiding all four.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>

#include "tests/server/lec_helpers.hpp"

using namespace test_server;
using namespace test_server::lec;
using nlohmann::json;

namespace {

// The codes of `kind`-rows of a directory CSV whose parent is in `parents` (column 5 or 6).
std::vector<std::string> rows_below(const std::string& file, const std::set<std::string>& parents, int parent_column) {
  std::ifstream in(fs::path(SOURCE_DIR) / "assets" / "directory" / file);
  std::vector<std::string> out;
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::stringstream ss(line);
    for (std::string c; std::getline(ss, c, ',');) cells.push_back(c);
    if (static_cast<int>(cells.size()) > parent_column && parents.contains(cells[parent_column])) out.push_back(cells[0]);
  }
  return out;
}

}  // namespace

TEST_CASE("LEC: institution -> LGO -> province -> department, and an edit voids them all", "[server][lec][http]") {
  ServerProcess server;
  const auto port = server.port();
  const int year = current_year();
  const auto school = sign_in(port, "5110405002", demo_password("5110405002"));
  const auto centre = sign_in(port, "5110405001", demo_password("5110405001"));
  const auto lgo = sign_in(port, "lgo.bangyaphraek", demo_password("lgo.bangyaphraek"));
  const auto province = sign_in(port, "province.officer", demo_password("province.officer"));
  const auto dla = sign_in(port, "dla.officer", demo_password("dla.officer"));

  // The demo register is there, counted live; the LGO funds a สพฐ. school without counts yet.
  auto counts = call(port, lgo, "GET", base(year) + "/counts?org=5011040500");
  INFO(counts.body);
  REQUIRE(counts.status == 200);
  CHECK(counts.json()["total"] == 33 + 8);
  CHECK(counts.json()["levels"]["cdc"] == 8);
  CHECK(counts.json()["lunch"] == 41);
  auto progress = call(port, lgo, "GET", base(year) + "/progress?org=5011040500");
  INFO(progress.body);
  REQUIRE(progress.status == 200);
  CHECK(progress.json()["state"] == "blocked");
  CHECK(progress.json()["below"].size() == 2);
  CHECK(progress.json()["funded"][0]["code"] == "1011040001");
  CHECK(progress.json()["funded"][0]["state"] == "missing");
  CHECK(progress.json()["days_left"].get<int>() > 0);

  // Reminders: one SMS to the confirmers of each node below that has not confirmed.
  auto reminded = call(port, lgo, "POST", base(year) + "/reminders?org=5011040500", json::object());
  INFO(reminded.body);
  REQUIRE(reminded.status == 200);
  CHECK(reminded.json()["nodes"] == 2);
  CHECK(reminded.json()["sent"] == 2);
  CHECK(last_sms(port, "0800000033").find("โปรดยืนยันข้อมูลเด็ก") != std::string::npos);
  CHECK(last_sms(port, "0800000033").find("เหลือ") != std::string::npos);
  auto by_province_sms = call(port, province, "POST", base(year) + "/reminders?org=5011000000", json::object());
  CHECK(by_province_sms.json()["sent"] == 5);  // two LGO officers, three institutions' staff
  // Deadlines: shown to every level; the department re-times the round.
  auto deadlines = call(port, school, "GET", base(year) + "/deadlines");
  REQUIRE(deadlines.status == 200);
  CHECK(deadlines.json()["days_left"]["institution"] == 14);
  const json later = {{"institution", "2099-01-10"}, {"local_government", "2099-01-17"}, {"province", "2099-01-24"},
                      {"department", "2099-01-31"}};
  // Next year's round, asked for before and after it opens and as it is re-timed: each
  // answer is the current one (what a request learnt of a round is kept only while it stands).
  CHECK(call(port, school, "GET", base(year + 1) + "/deadlines").status == 409);
  CHECK(call(port, dla, "PUT", base(year + 1) + "/deadlines", later).status == 200);  // opens next year's round
  CHECK(call(port, school, "GET", base(year + 1) + "/counts?org=5110405002").json()["total"] == 0);
  CHECK(call(port, school, "GET", base(year + 1) + "/deadlines").json()["institution"] == "2099-01-10");
  json sooner = later;
  sooner["institution"] = "2099-01-03";
  CHECK(call(port, dla, "PUT", base(year + 1) + "/deadlines", sooner).status == 200);
  CHECK(call(port, school, "GET", base(year + 1) + "/deadlines").json()["institution"] == "2099-01-03");
  CHECK(call(port, school, "GET", base(year + 2) + "/deadlines").status == 409);

  auto blocked = call(port, lgo, "POST", base(year) + "/confirmations/5011040500", json::object());
  INFO(blocked.body);
  CHECK(blocked.status == 409);
  CHECK(blocked.json()["error"]["code"] == "confirmation_blocked");
  CHECK(codes(blocked.json()["blocked_by"]) == std::vector<std::string>{"5110405001", "5110405002", "1011040001"});

  CHECK(confirm(port, school, year, "5110405002") == 201);
  CHECK(confirm(port, centre, year, "5110405001") == 201);
  CHECK(confirm(port, school, year, "5110405002") == 409);  // confirmation_exists
  auto still = call(port, lgo, "POST", base(year) + "/confirmations/5011040500", json::object());
  CHECK(codes(still.json()["blocked_by"]) == std::vector<std::string>{"1011040001"});
  auto funded = call(port, lgo, "PUT", base(year) + "/funded-schools/1011040001/counts?org=5011040500",
                     {{"counts", {{"k1", 20}, {"k2", 22}, {"p1", 35}, {"p6", 31}}}, {"closed", false}});
  INFO(funded.body);
  REQUIRE(funded.status == 200);
  CHECK(confirm(port, lgo, year, "5011040500") == 201);
  CHECK(call(port, lgo, "GET", base(year) + "/counts?org=5011040500").json()["total"] == 41 + 108);

  // The province waits for its other LGOs; its officer confirms for those without one.
  auto p = call(port, province, "GET", base(year) + "/progress?org=5011000000").json();
  CHECK(p["state"] == "blocked");
  std::vector<std::string> lgos;
  for (const auto& b : p["below"]) lgos.push_back(b["code"].get<std::string>());
  for (const auto& inst : rows_below("institutions.csv", {lgos.begin(), lgos.end()}, 5))
    if (inst != "5110405001" && inst != "5110405002") CHECK(confirm(port, province, year, inst) == 201);
  for (const auto& code : lgos)
    if (code != "5011040500") CHECK(confirm(port, province, year, code) == 201);
  auto by_province = call(port, province, "POST", base(year) + "/confirmations/5011000000", json::object());
  INFO(by_province.body);
  REQUIRE(by_province.status == 201);
  CHECK(by_province.json()["on_behalf"] == false);

  // The department confirms every other province's chain on their behalf, bottom up.
  std::set<std::string> provinces;
  for (const auto& code : rows_below("offices.csv", {"5000000000"}, 4))
    if (code != "5011000000") provinces.insert(code);
  const auto other_lgos = rows_below("offices.csv", provinces, 4);
  for (const auto& inst : rows_below("institutions.csv", {other_lgos.begin(), other_lgos.end()}, 5)) {
    const int st = confirm(port, dla, year, inst);
    CHECK((st == 201 || st == 404));  // 404: a directory row left out of the tree
  }
  for (const auto& code : other_lgos) CHECK(confirm(port, dla, year, code) == 201);
  for (const auto& code : provinces) CHECK(confirm(port, dla, year, code) == 201);
  auto top = call(port, dla, "POST", base(year) + "/confirmations/5000000000", json::object());
  INFO(top.body);
  REQUIRE(top.status == 201);
  auto done = call(port, dla, "GET", base(year) + "/progress?org=5000000000").json();
  CHECK(done["confirmed"] == true);
  CHECK(done["done"] == done["total"]);

  // One edit at the school voids the school, its LGO, the province and the department.
  auto list = call(port, school, "GET", base(year) + "/institutions/5110405002/children?status=attending");
  REQUIRE(list.status == 200);
  json first = list.json()[0];
  json body = {{"id_number", ""}, {"title", first["title"]}, {"first_name", "แก้ไขแล้ว"}, {"last_name", first["last_name"]},
               {"sex", first["sex"]}, {"birth_date", first["birth_date"]}, {"level", first["level"]}, {"room", "2"}};
  auto reveal = call(port, school, "POST", base(year) + "/institutions/5110405002/children/" +
                                             std::to_string(first["id"].get<std::int64_t>()) + "/reveal", json::object());
  REQUIRE(reveal.status == 200);
  body["id_number"] = reveal.json()["id_number"];
  auto edited = call(port, school, "PUT", base(year) + "/institutions/5110405002/children/" +
                                            std::to_string(first["id"].get<std::int64_t>()), body);
  INFO(edited.body);
  REQUIRE(edited.status == 200);
  CHECK(codes(edited.json()["voided"]) ==
        std::vector<std::string>{"5110405002", "5011040500", "5011000000", "5000000000"});
  CHECK(call(port, dla, "GET", base(year) + "/progress?org=5000000000").json()["confirmed"] == false);
  // The confirmers hear of it: in the client and by SMS (the LGO officer's phone).
  auto notes = get(port, "/api/v1/notifications", as(lgo, false));
  REQUIRE(notes.status == 200);
  bool told = false;
  for (const auto& n : notes.json()) told = told || n["kind"] == "lec_voided";
  CHECK(told);
  CHECK(last_sms(port, "0800000024").find("ถูกยกเลิก") != std::string::npos);
  CHECK(last_sms(port, "0800000021").find("กรมส่งเสริมการปกครองท้องถิ่น") != std::string::npos);
}
