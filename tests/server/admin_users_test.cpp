// The admin API: users.manage within the admin's own subtree only; all of it audited.
#include <catch2/catch.hpp>
#include <set>

#include "server/accounts/account_service.hpp"
#include "tests/server/sign_in_helpers.hpp"

using namespace test_server;
using nlohmann::json;

namespace {

std::set<std::string> usernames(const HttpResponse& r) {
  std::set<std::string> out;
  const json body = r.json();  // kept alive: the loop below walks inside it
  for (const auto& u : body["users"]) out.insert(u["username"].get<std::string>());
  return out;
}

std::string id_of(const ServerProcess& s, const std::string& username) {
  return std::to_string(query_int(s.database(), "SELECT id FROM users WHERE username = '" + username + "'"));
}

HttpResponse put_json(unsigned short port, const std::string& target, const json& body, Headers headers) {
  headers["Content-Type"] = "application/json";
  return request(port, "PUT", target, headers, body.dump());
}

}  // namespace

TEST_CASE("admin: lists only the users of the admin's subtree, with filters", "[server][admin]") {
  ServerProcess server;
  const auto port = server.port();
  auto area = sign_in(port, "area.admin", demo_password("area.admin"));
  auto all = get(port, "/api/v1/admin/users", as(area));
  REQUIRE(all.status == 200);
  CHECK(usernames(all) == std::set<std::string>{"area.admin", "area.kpi", "area.reviewer", "1010720001", "1040010001", "1040010002"});
  CHECK(usernames(get(port, "/api/v1/admin/users?permission=report.submit", as(area))) ==
        std::set<std::string>{"1010720001", "1040010001", "1040010002"});
  CHECK(usernames(get(port, "/api/v1/admin/users?org=1010720001", as(area))) == std::set<std::string>{"1010720001"});
  CHECK(usernames(get(port, "/api/v1/admin/users?q=" + url_encode("วิชัย"), as(area))) == std::set<std::string>{"area.admin"});
  CHECK(usernames(get(port, "/api/v1/admin/users?status=disabled", as(area))).empty());
  CHECK(get(port, "/api/v1/admin/users?org=0000000000", as(area)).status == 403);
  CHECK(get(port, "/api/v1/admin/users?status=sleeping", as(area)).json()["error"]["field"] == "status");
  CHECK(get(port, "/api/v1/admin/users?permission=fly", as(area)).json()["error"]["field"] == "permission");
  CHECK(get(port, "/api/v1/admin/users?org=12", as(area)).json()["error"]["code"] == "org_unknown");

  auto centre = sign_in(port, "centre.admin", demo_password("centre.admin"));
  // Every demo account (KPI and local education data) sits below the centre.
  CHECK(usernames(get(port, "/api/v1/admin/users", as(centre))).size() == server::accounts::demo_accounts().size());

  auto school = sign_in(port, "1010720001", demo_password("1010720001"));
  auto refused = get(port, "/api/v1/admin/users", as(school));
  CHECK(refused.status == 403);
  CHECK(refused.json()["error"]["code"] == "forbidden");
  CHECK(get(port, "/api/v1/admin/users").status == 401);

  CHECK(get(port, "/api/v1/admin/users/" + id_of(server, "1040010001"), as(area)).status == 200);
  CHECK(get(port, "/api/v1/admin/users/" + id_of(server, "centre.reviewer"), as(area)).status == 404);
  CHECK(get(port, "/api/v1/admin/users/abc", as(area)).status == 404);
  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM audit_log WHERE action IN ('users.list', 'user.read')") == 7);
}

TEST_CASE("admin: disabling ends the user's sessions and sign-in; enabling restores it", "[server][admin]") {
  ServerProcess server;
  const auto port = server.port();
  auto area = sign_in(port, "area.admin", demo_password("area.admin"));
  auto teacher = sign_in(port, "1040010001", demo_password("1040010001"));
  const auto id = id_of(server, "1040010001");

  CHECK(post_json(port, "/api/v1/admin/users/" + id + "/disable", json::object(), as(area, false)).status == 403);  // CSRF
  auto off = post_json(port, "/api/v1/admin/users/" + id + "/disable", json::object(), as(area));
  REQUIRE(off.status == 200);
  CHECK(off.json()["status"] == "disabled");
  CHECK(get(port, "/api/v1/me", as(teacher)).status == 401);
  auto refused = post_json(port, "/api/v1/auth/login", {{"username", "1040010001"}, {"password", demo_password("1040010001")}});
  CHECK(refused.status == 403);
  CHECK(refused.json()["error"]["code"] == "account_disabled");
  CHECK(usernames(get(port, "/api/v1/admin/users?status=disabled", as(area))) == std::set<std::string>{"1040010001"});

  CHECK(post_json(port, "/api/v1/admin/users/" + id + "/enable", json::object(), as(area)).status == 200);
  sign_in(port, "1040010001", demo_password("1040010001"));

  auto self = post_json(port, "/api/v1/admin/users/" + id_of(server, "area.admin") + "/disable", json::object(), as(area));
  CHECK(self.status == 409);
  CHECK(self.json()["error"]["code"] == "own_account");
  CHECK(post_json(port, "/api/v1/admin/users/" + id_of(server, "centre.admin") + "/disable", json::object(), as(area)).status == 404);
  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM audit_log WHERE action IN ('user.disable', 'user.enable')") == 2);
}

TEST_CASE("admin: grants only within the admin's subtree; bad grants change nothing", "[server][admin]") {
  ServerProcess server;
  const auto port = server.port();
  auto area = sign_in(port, "area.admin", demo_password("area.admin"));
  const auto kpi = "/api/v1/admin/users/" + id_of(server, "area.kpi") + "/grants";
  auto ok = put_json(port, kpi, {{"grants", {{{"permission", "kpi.manage"}, {"org_code", "1040000001"}},
                                             {{"permission", "report.review"}, {"org_code", "1040000001"}}}}}, as(area));
  INFO(ok.body);
  REQUIRE(ok.status == 200);
  CHECK(ok.json()["grants"].size() == 2);
  auto kpi_user = sign_in(port, "area.kpi", demo_password("area.kpi"));
  CHECK(kpi_user.body["user"]["grants"].size() == 2);

  struct Case { json body; std::string code, field; };
  const std::vector<Case> bad = {
      {{{"grants", {{{"permission", "view"}, {"org_code", "0000000000"}}}}}, "grant_outside_subtree", "grants[0].org_code"},
      {{{"grants", {{{"permission", "view"}, {"org_code", "9999999999"}}}}}, "org_unknown", "grants[0].org_code"},
      {{{"grants", {{{"permission", "fly"}, {"org_code", "1040000001"}}}}}, "permission_unknown", "grants[0].permission"},
      {{{"grants", "view"}}, "wrong_type", "grants"},
      {{{"grants", {{{"permission", "view"}}}}}, "required", "grants[0].org_code"},
      {json::object(), "required", "grants"},
  };
  for (const auto& c : bad) {
    INFO(c.body.dump());
    auto r = put_json(port, kpi, c.body, as(area));
    CHECK(r.status == 400);
    CHECK(r.json()["error"]["code"] == c.code);
    CHECK(r.json()["error"]["field"] == c.field);
  }
  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM grants WHERE user_id = " + id_of(server, "area.kpi")) == 2);
  CHECK(put_json(port, "/api/v1/admin/users/" + id_of(server, "centre.reviewer") + "/grants", {{"grants", json::array()}}, as(area)).status == 404);
  CHECK(put_json(port, "/api/v1/admin/users/" + id_of(server, "area.admin") + "/grants", {{"grants", json::array()}}, as(area)).status == 409);
  auto audit = query_text(server.database(), "SELECT detail FROM audit_log WHERE action = 'grants.change'");
  CHECK(audit.find("report.review") != std::string::npos);

  // A grant the centre gave above the area makes area.kpi a centre account: the area admin
  // sees it (`manageable: false`, no grant theirs to change) and may no longer replace any.
  auto centre = sign_in(port, "centre.admin", demo_password("centre.admin"));
  REQUIRE(put_json(port, kpi, {{"grants", {{{"permission", "kpi.manage"}, {"org_code", "1040000001"}},
                                            {{"permission", "report.review"}, {"org_code", "1040000001"}},
                                            {{"permission", "view"}, {"org_code", "0000000000"}}}}}, as(centre)).status == 200);
  auto seen = get(port, kpi.substr(0, kpi.size() - 7), as(area));
  REQUIRE(seen.status == 200);
  const json seen_user = seen.json();
  CHECK(seen_user["manageable"] == false);
  for (const auto& g : seen_user["grants"]) CHECK(g["managed"] == false);
  auto replaced = put_json(port, kpi, {{"grants", {{{"permission", "view"}, {"org_code", "1040010001"}}}}}, as(area));
  CHECK(replaced.status == 403);
  CHECK(replaced.json()["error"]["code"] == "user_above_subtree");
  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM grants WHERE user_id = " + id_of(server, "area.kpi")) == 3);
}

// Issue 11, defect 2: an area admin took over a centre account by issuing a password or a
// sign-in QR to a user who lives in the area but holds a grant on the centre.
TEST_CASE("admin: no action on a user who holds a grant above the admin's subtree", "[server][admin]") {
  ServerProcess server;
  const auto port = server.port();
  const auto& db = server.database();
  const auto id = id_of(server, "area.reviewer");
  const auto base = "/api/v1/admin/users/" + id;
  auto centre = sign_in(port, "centre.admin", demo_password("centre.admin"));
  REQUIRE(put_json(port, base + "/grants", {{"grants", {{{"permission", "report.review"}, {"org_code", "1040000001"}},
                                                         {{"permission", "users.manage"}, {"org_code", "0000000000"}}}}},
                   as(centre)).status == 200);
  const auto snapshot = [&] {
    return query_text(db, "SELECT password_hash || '|' || status || '|' || must_change_password || '|' || updated_at "
                          "FROM users WHERE id = " + id) +
           "|" + query_joined(db, "SELECT permission || '@' || org_code FROM grants WHERE user_id = " + id + " ORDER BY rowid") +
           "|" + std::to_string(query_int(db, "SELECT COUNT(*) FROM one_time_tokens WHERE user_id = " + id)) +
           "|" + std::to_string(query_int(db, "SELECT COUNT(*) FROM sessions WHERE user_id = " + id));
  };
  auto victim = sign_in(port, "area.reviewer", demo_password("area.reviewer"));
  auto area = sign_in(port, "area.admin", demo_password("area.admin"));
  const auto before = snapshot();

  struct Attempt { std::string verb, path; json body; };
  const std::vector<Attempt> attempts = {
      {"POST", base + "/password", json::object()},
      {"POST", base + "/sign-in-qr", json::object()},
      {"POST", base + "/disable", json::object()},
      {"POST", base + "/enable", json::object()},
      {"PUT", base + "/grants", {{"grants", json::array()}}},
  };
  for (const auto& a : attempts) {
    INFO(a.verb << " " << a.path);
    auto r = a.verb == "PUT" ? put_json(port, a.path, a.body, as(area)) : post_json(port, a.path, a.body, as(area));
    CHECK(r.status == 403);
    CHECK(r.json()["error"]["code"] == "user_above_subtree");
    CHECK(!r.json()["error"]["message_en"].get<std::string>().empty());
  }
  CHECK(snapshot() == before);
  CHECK(get(port, "/api/v1/me", as(victim)).status == 200);  // still signed in
  CHECK(query_int(db, "SELECT COUNT(*) FROM audit_log WHERE target = 'user:" + id + "' AND actor_user_id = " +
                      id_of(server, "area.admin")) == 0);

  // The list shows the user as not manageable; the others of the area still are.
  const json list = get(port, "/api/v1/admin/users", as(area)).json();
  int checked = 0;
  for (const auto& u : list["users"]) {
    if (u["username"] == "area.reviewer") {
      CHECK(u["manageable"] == false);
      ++checked;
    }
    if (u["username"] == "1040010001") {
      CHECK(u["manageable"] == true);
      ++checked;
    }
  }
  CHECK(checked == 2);
  // The centre admin, above both, still manages the user; the area admin a plain area user.
  CHECK(post_json(port, base + "/password", json::object(), as(centre)).status == 200);
  CHECK(post_json(port, "/api/v1/admin/users/" + id_of(server, "1040010001") + "/password", json::object(), as(area)).status == 200);
}

TEST_CASE("admin: creating a user checks the username, the organisation and the subtree", "[server][admin]") {
  ServerProcess server;
  const auto port = server.port();
  auto area = sign_in(port, "area.admin", demo_password("area.admin"));
  auto create = [&](const json& body) { return post_json(port, "/api/v1/admin/users", body, as(area)); };
  CHECK(create({{"username", "1040010001"}, {"org_code", "1040010001"}}).json()["error"]["code"] == "username_taken");
  CHECK(create({{"username", "ครู"}, {"org_code", "1040010001"}}).json()["error"]["field"] == "username");
  CHECK(create({{"username", "new.one"}, {"org_code", "1040000002"}}).status == 403);  // another area
  CHECK(create({{"username", "new.one"}}).json()["error"]["field"] == "org_code");
  CHECK(create({{"username", "new.one"}, {"org_code", 1040010001}}).json()["error"]["code"] == "wrong_type");
  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM users WHERE username = 'new.one'") == 0);
  auto made = create({{"username", "New.One"}, {"org_code", "1040010001"}});
  REQUIRE(made.status == 201);
  CHECK(made.json()["user"]["username"] == "new.one");
  auto s = sign_in(port, "NEW.ONE", made.json()["password"]);  // usernames ignore case
  CHECK(s.body["must_change_password"] == true);
}
