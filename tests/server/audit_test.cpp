// GET /api/v1/audit and /api/v1/audit/export.csv: an admin (users.manage) reads the log of
// their own subtree only, filtered by person, action and days, page by page; the export is
// safe to open in Excel; reading the log is itself recorded.
#include <catch2/catch.hpp>

#include <algorithm>

#include "server/storage/migrations.hpp"
#include "tests/server/audit_helpers.hpp"
#include "tests/server/sign_in_helpers.hpp"

using namespace test_server;
using nlohmann::json;

namespace {

json entries(unsigned short port, const SignedIn& who, const std::string& query = "") {
  auto r = get(port, "/api/v1/audit" + query, as(who));
  INFO(r.body);
  REQUIRE(r.status == 200);
  return r.json()["entries"];
}

bool has(const json& list, const std::string& action, const std::string& org) {
  for (const auto& e : list)
    if (e["action"] == action && e["org_code"] == org) return true;
  return false;
}

}  // namespace

TEST_CASE("audit log: an admin sees their subtree only, filtered and paged", "[server][audit]") {
  ServerProcess server;
  const auto port = server.port();
  // A school of area 1040000001 read by the area's reviewer; a local-government office of
  // Samut Prakan (another subtree) gets an admin of its own.
  const auto reviewer = sign_in(port, "area.reviewer", demo_password("area.reviewer"));
  const auto school_id = user_id(server, "1040010001");
  REQUIRE(get(port, "/api/v1/registrations/999", as(reviewer)).status == 404);  // nothing to read: no row
  execute(server.database(), "INSERT INTO grants (user_id, permission, org_code) SELECT id, 'users.manage', "
                             "'5011000000' FROM users WHERE username = 'province.officer'");
  const auto admin = sign_in(port, "area.admin", demo_password("area.admin"));
  const auto foreign = sign_in(port, "province.officer", demo_password("province.officer"));
  const auto centre = sign_in(port, "centre.admin", demo_password("centre.admin"));
  REQUIRE(get(port, "/api/v1/admin/users/" + std::to_string(school_id), as(admin)).status == 200);
  REQUIRE(get(port, "/api/v1/admin/users?org=5011000000", as(foreign)).status == 200);

  // The area admin: their own read of the school's user, not the other subtree's.
  const json mine = entries(port, admin);
  CHECK(has(mine, "user.read", "1040010001"));
  CHECK_FALSE(has(mine, "users.list", "5011000000"));
  for (const auto& e : mine) CHECK(e["org_code"].get<std::string>().rfind("50", 0) == std::string::npos);
  const json& read = *std::find_if(mine.begin(), mine.end(), [](const json& e) { return e["action"] == "user.read"; });
  CHECK(read["actor"]["username"] == "area.admin");
  CHECK(read["target"] == "user:" + std::to_string(school_id));
  CHECK(read["client_address"] == "127.0.0.1");
  CHECK(read["at"].get<std::string>().size() >= 20);

  // The foreign admin sees theirs, never the area's; the centre sees both.
  const json theirs = entries(port, foreign);
  CHECK(has(theirs, "users.list", "5011000000"));
  CHECK_FALSE(has(theirs, "user.read", "1040010001"));
  for (const auto& e : theirs)
    CHECK((e["actor"].is_object() ? e["actor"]["username"] : json("")) != "area.admin");
  const json all = entries(port, centre);
  CHECK(has(all, "user.read", "1040010001"));
  CHECK(has(all, "users.list", "5011000000"));

  // Reading the log is itself recorded.
  CHECK(last_audit(server, "audit.read")["actor"] == user_id(server, "centre.admin"));
  CHECK(last_audit(server, "audit.read")["address"] == "127.0.0.1");

  // Filters: the person by username or id, the action or its family, days in Thailand.
  for (const std::string person : {std::string("area.admin"), std::to_string(user_id(server, "area.admin"))}) {
    const json by = entries(port, centre, "?person=" + person);
    REQUIRE_FALSE(by.empty());
    for (const auto& e : by) CHECK(e["actor"]["username"] == "area.admin");
  }
  const json family = entries(port, centre, "?action=user");
  REQUIRE_FALSE(family.empty());
  for (const auto& e : family) CHECK(e["action"].get<std::string>().rfind("user.", 0) == 0);
  CHECK(has(family, "user.read", "1040010001"));
  for (const auto& e : entries(port, centre, "?action=user.read")) CHECK(e["action"] == "user.read");
  CHECK(has(entries(port, centre, "?action=user.read&from=" + thai_today() + "&to=" + thai_today()), "user.read",
            "1040010001"));
  CHECK(entries(port, centre, "?action=user.read&from=" + thai_today(1)).empty());
  CHECK(entries(port, centre, "?action=user.read&to=" + thai_today(-1)).empty());

  // Paging: newest first, then older than the last one seen.
  auto page = get(port, "/api/v1/audit?limit=2", as(centre)).json();
  REQUIRE(page["entries"].size() == 2);
  const auto next = page["next_before_id"].get<std::int64_t>();
  CHECK(next == page["entries"][1]["id"].get<std::int64_t>());
  CHECK(page["entries"][0]["id"].get<std::int64_t>() > next);
  for (const auto& e : entries(port, centre, "?limit=5&before_id=" + std::to_string(next))) CHECK(e["id"] < next);

  // Bad filters: 400 naming the field.
  for (const auto& [query, field] : std::vector<std::pair<std::string, std::string>>{
           {"?from=2026-13-01", "from"}, {"?to=01/12/2569", "to"}, {"?from=2026-12-02&to=2026-12-01", "to"},
           {"?limit=0", "limit"}, {"?limit=201", "limit"}, {"?before_id=x", "before_id"}, {"?action=DROP%20TABLE", "action"}}) {
    auto r = get(port, "/api/v1/audit" + query, as(centre));
    INFO(query);
    CHECK(r.status == 400);
    CHECK(r.json()["error"]["field"] == field);
  }
}

TEST_CASE("audit log: without users.manage 403, signed out 401", "[server][audit]") {
  ServerProcess server;
  const auto port = server.port();
  for (const char* who : {"area.kpi", "area.reviewer", "1040010001"}) {
    const auto user = sign_in(port, who, demo_password(who));
    auto r = get(port, "/api/v1/audit", as(user));
    CHECK(r.status == 403);
    CHECK(r.json()["error"]["code"] == "forbidden");
    CHECK(get(port, "/api/v1/audit/export.csv", as(user)).status == 403);
  }
  CHECK(get(port, "/api/v1/audit").status == 401);
  CHECK(get(port, "/api/v1/audit/export.csv").status == 401);
}

TEST_CASE("audit log export: the same filters as CSV, cells safe from formulas, recorded", "[server][audit]") {
  ServerProcess server;
  const auto port = server.port();
  const auto admin = sign_in(port, "area.admin", demo_password("area.admin"));
  const auto reviewer_id = user_id(server, "area.reviewer");
  // An entry whose text starts like a formula (a target from an older version, say).
  execute(server.database(),
          "INSERT INTO audit_log (actor_user_id, action, target, client_address, detail, org_code) VALUES (" +
              std::to_string(reviewer_id) + ", 'kpi.report.read', '=HYPERLINK(\"http://x.example\")', '-1+2', '{}', '1040010001')");
  REQUIRE(get(port, "/api/v1/admin/users/" + std::to_string(user_id(server, "1040010001")), as(admin)).status == 200);

  auto csv = get(port, "/api/v1/audit/export.csv?action=kpi", as(admin));
  REQUIRE(csv.status == 200);
  CHECK(csv.header("content-type").rfind("text/csv", 0) == 0);
  CHECK(csv.header("content-disposition").find("attachment") != std::string::npos);
  CHECK(csv.body.find("'=HYPERLINK") != std::string::npos);
  CHECK(csv.body.find(",=HYPERLINK") == std::string::npos);
  CHECK(csv.body.find(",'-1+2,") != std::string::npos);
  CHECK(csv.body.find("area.reviewer") != std::string::npos);
  CHECK(csv.body.find("user.read") == std::string::npos);  // the action filter holds
  CHECK(last_audit(server, "audit.export")["actor"] == user_id(server, "area.admin"));

  // Another subtree's entries stay out of the file too.
  execute(server.database(), "INSERT INTO audit_log (actor_user_id, action, target, client_address, org_code) "
                             "VALUES (NULL, 'kpi.report.read', 'kpi:99', '10.0.0.9', '5011000000')");
  CHECK(get(port, "/api/v1/audit/export.csv", as(admin)).body.find("10.0.0.9") == std::string::npos);
}

TEST_CASE("audit log migration 110: entries written before it get their organisation", "[server][audit]") {
  TempDir dir;
  server::storage::Database db(dir / "old.db");
  std::vector<server::storage::Migration> before;
  for (const auto& m : server::storage::migrations())
    if (m.version != 110) before.push_back(m);
  server::storage::migrate(db, before);
  db.exec("INSERT INTO audit_log (actor_user_id, action, target, client_address, detail) VALUES "
          "(1, 'lec.children.read', 'institution:5110405002', '10.0.0.1', '{}'), "
          "(NULL, 'registration.created', 'registration:1', '10.0.0.1', '{\"institution_code\":\"1010720001\"}'), "
          "(1, 'lec.child.edit', 'child:5', '10.0.0.1', '{\"institution\":\"5110405003\"}'), "
          "(NULL, 'sign_in.failed', 'username:x', '10.0.0.1', '{}')");
  CHECK(server::storage::migrate(db) == 1);
  std::vector<std::string> orgs;
  auto q = db.prepare("SELECT org_code FROM audit_log ORDER BY id");
  while (q.step()) orgs.push_back(q.text(0));
  CHECK(orgs == std::vector<std::string>{"5110405002", "1010720001", "5110405003", ""});
}
