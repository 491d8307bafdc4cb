// The authorisation matrix, generated from the route table: every endpoint the server has
// (GET /api/v1/dev/routes, each with the rule it was declared with) × every demo role and
// no one × the role's own and a foreign organisation or object. A route added without a
// rule does not compile; a route whose handler does not keep its rule fails here.
#include <catch2/catch.hpp>

#include <functional>
#include <map>
#include <set>

#include "tests/server/lec_helpers.hpp"

using namespace test_server;
using nlohmann::json;

namespace {

// Who each demo role is, and an organisation outside its subtree.
struct Role {
  std::string user;
  std::string own_org, own_institution;          // where its grants sit; an institution below
  std::string foreign_org, foreign_institution;  // outside its subtree ("" for the centre)
};

const std::vector<Role>& roles() {
  static const std::vector<Role> all = {
      {"centre.admin", "0000000000", "1040010001", "", ""},
      {"centre.reviewer", "0000000000", "1040010001", "", ""},
      {"area.admin", "1040000001", "1040010001", "5011040500", "5110405002"},
      {"area.kpi", "1040000001", "1040010001", "5011040500", "5110405002"},
      {"area.reviewer", "1040000001", "1040010001", "5011040500", "5110405002"},
      {"1010720001", "1010720001", "1010720001", "1040000001", "1040010001"},
      {"1040010001", "1040010001", "1040010001", "1040000001", "1010720001"},
      {"dla.officer", "5000000000", "5110405002", "1040000001", "1040010001"},
      {"province.officer", "5011000000", "5110405002", "5000000000", "1040010001"},
      {"lgo.bangprong", "5011011100", "5110111001", "5011040500", "5110405002"},
      {"lgo.bangyaphraek", "5011040500", "5110405002", "5011011100", "5110111001"},
      {"5110111001", "5110111001", "5110111001", "5011011100", "5110405001"},
      {"5110405001", "5110405001", "5110405001", "5011040500", "5110405002"},
      {"5110405002", "5110405002", "5110405002", "5011040500", "5110405001"},
  };
  return all;
}

// The parents of the organisations the matrix uses (from assets/ and the LEC demo chain).
const std::map<std::string, std::string>& parents() {
  static const std::map<std::string, std::string> up = {
      {"1040010001", "1040000001"}, {"1010720001", "1040000001"}, {"1040000001", "0000000000"},
      {"5110405001", "5011040500"}, {"5110405002", "5011040500"}, {"5110111001", "5011011100"},
      {"5011040500", "5011000000"}, {"5011011100", "5011000000"}, {"5011000000", "5000000000"},
      {"5000000000", "0000000000"}};
  return up;
}

bool within(std::string org, const std::string& root) {
  for (;;) {
    if (org == root) return true;
    auto it = parents().find(org);
    if (it == parents().end()) return false;
    org = it->second;
  }
}
bool unrelated(const std::string& a, const std::string& b) { return !within(a, b) && !within(b, a); }

struct Fixture {  // an object a path capture names, and the organisation it belongs to
  std::string id, org;
};

bool refused(unsigned status) { return status == 401 || status == 403; }
bool denied(unsigned status) { return status == 403 || status == 404; }

std::string fill(const std::string& pattern, const std::map<std::string, std::string>& values) {
  std::string out = pattern;
  for (const auto& [name, value] : values) {
    const std::string capture = "{" + name + "}";
    for (auto at = out.find(capture); at != std::string::npos; at = out.find(capture)) out.replace(at, capture.size(), value);
  }
  return out;
}

}  // namespace

TEST_CASE("Authorisation matrix: every route x every role x own and foreign organisation", "[server][authz]") {
  ServerProcess server;
  const auto port = server.port();
  const int year = lec::current_year();
  const auto routes = get(port, "/api/v1/dev/routes").json();
  REQUIRE(routes.size() >= 90);

  // Objects to point {id} at: a KPI of area 1040000001 and two users to manage (copies of
  // demo users, so disabling them leaves the demo accounts alone).
  std::map<std::string, std::vector<Fixture>> objects;  // route prefix -> fixtures
  const auto kpi_manager = sign_in(port, "area.kpi", demo_password("area.kpi"));
  auto kpi = post_json(port, "/api/v1/kpi",
                       {{"year", 2567}, {"number", "9"}, {"name", "ตัวชี้วัดทดสอบสิทธิ์"}, {"type", "score_1_5"},
                        {"criteria", {2, 3, 4, 5}}, {"cadence", "half_year"}, {"open_periods", {"h1", "h2"}},
                        {"status", "open"}},
                       as(kpi_manager));
  REQUIRE(kpi.status == 201);
  objects["/api/v1/kpi/"] = {{std::to_string(kpi.json()["id"].get<std::int64_t>()), "1040000001"}};
  for (const auto& [copy, of] : {std::pair{"matrix.school", "1040010001"}, std::pair{"matrix.lec", "5110405002"}}) {
    execute(server.database(),
            std::string("INSERT INTO users (username, password_hash, status, org_code, title, first_name, last_name, "
                        "position, phone, email, created_at, updated_at) SELECT '") + copy +
                "', password_hash, 'active', org_code, title, first_name, last_name, position, phone, email, "
                "created_at, updated_at FROM users WHERE username = '" + of + "'");
    execute(server.database(), std::string("INSERT INTO grants (user_id, permission, org_code) SELECT u.id, 'view', '") +
                                   of + "' FROM users u WHERE u.username = '" + copy + "'");
    objects["/api/v1/admin/users/"].push_back(
        {query_text(server.database(), std::string("SELECT id FROM users WHERE username = '") + copy + "'"), of});
  }
  const auto fixtures_of = [&](const std::string& pattern) -> const std::vector<Fixture>* {
    for (const auto& [prefix, list] : objects)
      if (pattern.rfind(prefix + "{", 0) == 0) return &list;
    return nullptr;
  };

  int cells = 0;
  const auto send = [&](const json& route, const std::string& target, const Headers& headers) {
    ++cells;
    const std::string method = route["method"];
    const std::string body = method == "GET" || method == "DELETE" ? "" : "{}";
    Headers h = headers;
    if (!body.empty()) h["Content-Type"] = "application/json";
    return request(port, method, target, h, body);
  };

  // No one signed in: only routes open to anyone (or to a token holder, who has none here)
  // answer without a 401.
  for (const auto& route : routes) {
    const std::string who = route["who"], pattern = route["pattern"];
    const auto target = fill(pattern, {{"year", std::to_string(year)}, {"id", "999999"}, {"period", "h1"},
                                       {"item", "1"}, {"code", "1040010001"}, {"org_code", "1040010001"},
                                       {"unit_code", "1040010001"}, {"school_code", "1040010001"}});
    const auto r = send(route, target, {});
    INFO(route["method"].get<std::string>() << " " << target << " -> " << r.status << " " << r.body);
    if (who == "signed_in" || who == "permission") CHECK(r.status == 401);
    if (who == "token") CHECK((r.status == 401 || r.status == 404));
    if (who == "anyone") CHECK(r.status != 401);
  }

  for (const auto& role : roles()) {
    auto me = sign_in(port, role.user, demo_password(role.user));
    std::set<std::string> held;
    for (const auto& g : me.body["user"]["grants"]) held.insert(g["permission"].get<std::string>());
    REQUIRE(!held.empty());
    // Logging out ends the session: that route goes last.
    std::vector<json> ordered(routes.begin(), routes.end());
    std::stable_partition(ordered.begin(), ordered.end(), [](const json& r) { return r["pattern"] != "/api/v1/auth/logout"; });
    for (const auto& route : ordered) {
      const std::string who = route["who"], scope = route["scope"], param = route["param"], pattern = route["pattern"];
      if (who == "anyone" || who == "token") continue;
      bool holds = who == "signed_in";
      for (const auto& p : route["permissions"]) holds = holds || held.count(p.get<std::string>());
      const auto org_for = [&](const std::string& capture, bool own) {
        const bool institution = capture == "code" || capture == "unit_code" || capture == "school_code";
        return institution ? (own ? role.own_institution : role.foreign_institution) : (own ? role.own_org : role.foreign_org);
      };
      // One request with the role's own organisation or object, one with a foreign one.
      for (const bool own : {true, false}) {
        std::map<std::string, std::string> values = {{"year", std::to_string(year)}, {"id", "999999"}, {"period", "h1"},
                                                     {"item", "1"}};
        for (const auto* capture : {"code", "org_code", "unit_code", "school_code"}) values[capture] = org_for(capture, true);
        std::string query;
        bool judged = true;  // does this cell say something about own vs foreign?
        bool mine = true;  // may this role act on the target of its own request?
        if (scope == "path" || scope == "exact") {
          values[param] = org_for(param, own);
          judged = !values[param].empty();
          mine = scope == "path" || role.own_org == values[param];
        } else if (scope == "root") {
          if (!own) continue;
          mine = role.own_org == "0000000000" || role.own_org == "5000000000";
        } else if (scope == "query") {
          const auto org = org_for(param, own);
          judged = !org.empty();
          query = "?" + param + "=" + org;
        } else if (scope == "object") {
          const auto* list = fixtures_of(pattern);
          judged = false;
          if (list)
            for (const auto& f : *list)
              if (own ? within(f.org, role.own_org) : unrelated(f.org, role.own_org)) {
                values[param] = f.id;
                judged = true;
                break;
              }
        } else if (!own) {
          continue;  // none / body / subtree: the handler filters; one request is enough
        }
        if (!judged && !own) continue;
        const auto target = fill(pattern, values) + query;
        const auto r = send(route, target, as(me));
        INFO(role.user << " " << route["method"].get<std::string>() << " " << target << " (" << who << ", " << scope
                       << ", own=" << own << ") -> " << r.status << " " << r.body);
        if (!holds) {
          CHECK(r.status == 403);  // the router's gate, whatever the organisation
        } else if (!own || !mine) {
          CHECK(denied(r.status));
        } else if (judged || scope == "none" || scope == "subtree" || scope == "body") {
          CHECK(!refused(r.status));
        } else {
          CHECK(r.status < 500);
        }
        CHECK(r.status < 500);
      }
    }
  }
  INFO("cells: " << cells);
  CHECK(cells > 1000);
}
