// Who may read and change what, and that no response, log line or column gives an ID away.
#include <catch2/catch.hpp>

#include "tests/server/lec_helpers.hpp"

using namespace test_server;
using namespace test_server::lec;
using nlohmann::json;

TEST_CASE("LEC: each user sees only their subtree; IDs stay masked and sealed", "[server][lec][http]") {
  ServerProcess server;
  const auto port = server.port();
  const int year = current_year();
  const auto school = sign_in(port, "5110405002", demo_password("5110405002"));
  const auto centre = sign_in(port, "5110405001", demo_password("5110405001"));
  const auto other_lgo = sign_in(port, "lgo.bangprong", demo_password("lgo.bangprong"));
  const auto lgo = sign_in(port, "lgo.bangyaphraek", demo_password("lgo.bangyaphraek"));
  const auto province = sign_in(port, "province.officer", demo_password("province.officer"));
  const auto obec = sign_in(port, "area.admin", demo_password("area.admin"));
  // An officer of another province (นนทบุรี), with province.officer's password hash.
  execute(server.database(),
          "INSERT INTO users (username, password_hash, status, org_code, title, first_name, last_name, position, phone, "
          "email, created_at, updated_at) SELECT 'nonthaburi.officer', password_hash, 'active', '5012000000', title, "
          "'สมหญิง', 'นนทบุรี', position, '0800000099', 'nbi@example.org', created_at, updated_at FROM users WHERE "
          "username = 'province.officer'");
  execute(server.database(),
          "INSERT INTO grants (user_id, permission, org_code) SELECT id, p, '5012000000' FROM users, "
          "(SELECT 'view' AS p UNION SELECT 'data.confirm' UNION SELECT 'children.edit') AS ps WHERE username = 'nonthaburi.officer'");
  const auto other_province = sign_in(port, "nonthaburi.officer", demo_password("province.officer"));
  const std::string reg = base(year) + "/institutions/5110405002/children";
  const std::string raw = national_id(77);
  const auto id = std::to_string(add_child(port, school, year, "5110405002", child_body(77, "p2", year)));
  std::vector<std::string> bodies;
  const auto keep = [&](const HttpResponse& r) {
    bodies.push_back(r.body);
    return r.status;
  };

  // Reading the register: the institution, its LGO, the province; not a sibling, another
  // LGO or another affiliation.
  CHECK(keep(call(port, school, "GET", reg)) == 200);
  CHECK(keep(call(port, lgo, "GET", reg)) == 200);
  CHECK(keep(call(port, province, "GET", reg + "?q=" + raw)) == 200);
  CHECK(call(port, province, "GET", reg + "?q=" + raw).json().size() == 1);  // found by the ID's hash
  CHECK(keep(call(port, centre, "GET", reg)) == 403);
  CHECK(keep(call(port, other_lgo, "GET", reg)) == 403);
  CHECK(keep(call(port, obec, "GET", reg)) == 403);
  CHECK(keep(call(port, other_province, "GET", reg)) == 403);
  CHECK(keep(call(port, other_province, "GET", base(year) + "/counts?org=5011000000")) == 403);
  CHECK(keep(call(port, other_province, "GET", base(year) + "/progress?org=5000000000")) == 403);
  CHECK(keep(call(port, other_province, "POST", reg, child_body(80, "p2", year))) == 403);
  CHECK(confirm(port, other_province, year, "5011040500") == 403);
  CHECK(keep(call(port, other_province, "GET", base(year) + "/progress?org=5012000000")) == 200);
  CHECK(keep(call(port, lgo, "GET", base(year) + "/progress?org=5011040500")) == 200);  // now kept ready...
  CHECK(keep(call(port, other_lgo, "GET", base(year) + "/progress?org=5011040500")) == 403);  // ...and still refused
  CHECK(keep(call(port, obec, "GET", base(year) + "/counts?org=5011000000")) == 403);
  // Changing it: children.edit on the institution (or its LGO); the province only views.
  CHECK(keep(call(port, province, "POST", reg, child_body(78, "p2", year))) == 403);
  CHECK(keep(call(port, other_lgo, "POST", reg + "/" + id + "/remove", {{"reason", "left"}})) == 403);
  CHECK(keep(call(port, centre, "PUT", reg + "/" + id, child_body(77, "p2", year))) == 403);
  CHECK(keep(call(port, lgo, "POST", reg, child_body(79, "p2", year))) == 201);
  // Confirming: data.confirm on the node or above.
  CHECK(confirm(port, other_lgo, year, "5110405002") == 403);
  CHECK(confirm(port, centre, year, "5110405002") == 403);
  CHECK(confirm(port, province, year, "5110405002") == 201);  // on behalf
  CHECK(query_int(server.database(), "SELECT on_behalf FROM lec_confirmations WHERE org_code = '5110405002'") == 1);
  CHECK(keep(call(port, other_lgo, "POST", base(year) + "/reminders?org=5011040500", json::object())) == 403);
  CHECK(keep(call(port, lgo, "PUT", base(year) + "/deadlines",
                  {{"institution", "2099-01-01"}, {"local_government", "2099-01-02"}, {"province", "2099-01-03"},
                   {"department", "2099-01-04"}})) == 403);

  // Reveal: the institution's own editors only, and recorded.
  CHECK(keep(call(port, lgo, "POST", reg + "/" + id + "/reveal", json::object())) == 403);
  CHECK(keep(call(port, province, "POST", reg + "/" + id + "/reveal", json::object())) == 403);
  auto shown = call(port, school, "POST", reg + "/" + id + "/reveal", json::object());
  REQUIRE(shown.status == 200);
  CHECK(shown.json()["id_number"] == raw);
  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM audit_log WHERE action = 'lec.child.reveal' AND target = 'child:" +
                                         id + "'") == 1);
  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM audit_log WHERE action = 'lec.children.read'") >= 4);

  for (const auto& b : bodies) {
    CAPTURE(b);
    CHECK(b.find(raw) == std::string::npos);
  }
  auto listed = call(port, lgo, "GET", reg + "?q=" + raw).json();
  REQUIRE(listed.size() == 1);
  CHECK(listed[0]["id_masked"] == raw.substr(0, 1) + "-" + raw.substr(1, 4) + "-xxxxx-xx-" + raw.substr(12, 1));
  CHECK(listed[0].dump().find(raw) == std::string::npos);
  // At rest: sealed, hashed, masked; and never in the server's log.
  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM lec_children WHERE id_sealed LIKE '%" + raw +
                                         "%' OR id_hash LIKE '%" + raw + "%' OR id_masked LIKE '%" + raw + "%'") == 0);
  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%" + raw + "%'") == 0);
  REQUIRE(server.wait_for_output("GET " + reg + " 200"));  // the last request's line is written
  CHECK(server.output().find(raw) == std::string::npos);
}
