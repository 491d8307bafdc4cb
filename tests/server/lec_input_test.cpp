// Bad input: 400 naming the field, and nothing changed.
#include <catch2/catch.hpp>

#include "shared/lec/level.hpp"
#include "tests/server/lec_helpers.hpp"

using namespace test_server;
using namespace test_server::lec;
using nlohmann::json;

TEST_CASE("LEC: bad input is refused naming the field, nothing changes", "[server][lec][http]") {
  ServerProcess server;
  const auto port = server.port();
  const int year = current_year();
  const auto school = sign_in(port, "5110405002", demo_password("5110405002"));
  const auto centre = sign_in(port, "5110405001", demo_password("5110405001"));
  const auto lgo = sign_in(port, "lgo.bangyaphraek", demo_password("lgo.bangyaphraek"));
  const std::string reg = base(year) + "/institutions/5110405002/children";
  const auto id = std::to_string(add_child(port, school, year, "5110405002", child_body(11, "p1", year)));
  CHECK(confirm(port, school, year, "5110405002") == 201);
  const auto snapshot = [&] {
    return std::to_string(query_int(server.database(), "SELECT COUNT(*) FROM lec_children")) + "/" +
           query_joined(server.database(), "SELECT n FROM lec_counts ORDER BY year, institution_code, level") + "/" +
           std::to_string(query_int(server.database(), "SELECT COUNT(*) FROM lec_confirmations")) + "/" +
           query_joined(server.database(), "SELECT COALESCE(counts, '-') FROM lec_funded ORDER BY year, lgo_code, school_code");
  };
  const std::string before = snapshot();
  const int ce = domain::to_ce_year(year);
  const auto with = [&](json patch) {
    json b = child_body(12, "p1", year);
    for (auto& [k, v] : patch.items()) b[k] = v;
    return b;
  };
  std::string bad_checksum = national_id(12);
  bad_checksum.back() = bad_checksum.back() == '9' ? '0' : static_cast<char>(bad_checksum.back() + 1);
  struct Row {
    std::string method, target;
    json body;
    const SignedIn* who;
    unsigned status;
    std::string field, code;
  };
  const std::vector<Row> table = {
      {"POST", reg, with({{"id_number", bad_checksum}}), &school, 400, "id_number", "national_id_checksum"},
      {"POST", reg, with({{"id_number", "G12345"}}), &school, 400, "id_number", "g_code_format"},
      {"POST", reg, with({{"birth_date", std::to_string(ce + 1) + "-01-01"}}), &school, 400, "birth_date", "birth_date_future"},
      {"POST", reg, with({{"birth_date", std::to_string(ce - 2) + "-01-01"}}), &school, 400, "birth_date", "birth_date_level"},
      {"POST", reg, with({{"level", "p9"}}), &school, 400, "level", "level_unknown"},
      {"POST", reg, with({{"level", "cdc"}}), &school, 400, "level", "level_not_offered"},
      {"POST", reg, with({{"first_name", ""}}), &school, 400, "first_name", "required"},
      {"POST", reg, with({{"sex", "x"}}), &school, 400, "sex", "sex_unknown"},
      {"POST", reg, with({{"move_in", "yes"}}), &school, 400, "move_in", "wrong_type"},
      {"PUT", reg + "/" + id, with({{"id_number", national_id(13)}}), &school, 400, "id_number", "id_number_change"},
      {"POST", reg + "/" + id + "/remove", json::object(), &school, 400, "reason", "removal_reason_required"},
      {"POST", reg + "/" + id + "/remove", {{"reason", "expelled"}}, &school, 400, "reason", "removal_reason_unknown"},
      {"PUT", base(year) + "/funded-schools/1011040001/counts?org=5011040500", {{"counts", {{"k1", -1}}}}, &lgo, 400,
       "counts.k1", "count_negative"},
      {"PUT", base(year) + "/funded-schools/1011040001/counts?org=5011040500", {{"counts", {{"p2", 2001}}}}, &lgo, 400,
       "counts.p2", "count_too_high"},
      {"PUT", base(year) + "/funded-schools/1011040001/counts?org=5011040500", {{"counts", {{"m1", 3}}}}, &lgo, 400,
       "counts.m1", "level_unknown"},
      {"PUT", base(year) + "/funded-schools?org=5011040500", {{"school_codes", {"123"}}}, &lgo, 400, "school_codes[0]",
       "school_code_format"},
      {"PUT", base(year) + "/funded-schools?org=5011040500", {{"school_codes", {"5110405001"}}}, &lgo, 400,
       "school_codes[0]", "school_not_other_affiliation"},
      {"GET", base(year) + "/institutions/5110405002/children?status=gone", nullptr, &school, 400, "status", "status_unknown"},
      {"POST", base(year - 5) + "/institutions/5110405002/children", with({}), &school, 409, "year", "round_not_open"},
      {"GET", base(year + 1) + "/counts?org=5110405002", nullptr, &school, 409, "year", "round_not_open"},
      {"GET", "/api/v1/lec/25x9/counts?org=5110405002", nullptr, &school, 400, "year", "year_format"},
      {"POST", base(year) + "/institutions/5110405001/children", with({{"level", "cdc"}, {"birth_date", std::to_string(ce - 10) + "-01-01"}}), &centre, 400, "birth_date",
       "birth_date_level"},
  };
  for (const auto& r : table) {
    CAPTURE(r.method, r.target, r.body.dump());
    auto res = call(port, *r.who, r.method, r.target, r.body);
    INFO(res.body);
    CHECK(res.status == r.status);
    if (res.status >= 400) {
      CHECK(res.json()["error"]["field"] == r.field);
      CHECK(res.json()["error"]["code"] == r.code);
      CHECK_FALSE(res.json()["error"]["message_th"].get<std::string>().empty());
    }
    CHECK(snapshot() == before);
  }
}
