// School website users (EMIS rule) over real HTTP: OTP-proven requests, the area admin's
// decision with an SMS, and the quota of 2 under 50 concurrent approvals.
#include <catch2/catch.hpp>
#include <regex>
#include <thread>

#include "tests/server/sign_in_helpers.hpp"

using namespace test_server;
using nlohmann::json;

namespace {

json person(const std::string& phone) {
  return {{"title", "นางสาว"}, {"first_name", "ใจดี"}, {"last_name", "มีสุข"}, {"position", "ครู"},
          {"phone", phone}, {"email", "jaidee@example.org"}};
}

}  // namespace

TEST_CASE("access request: pick the area and the school, prove the phone, the admin approves", "[server][access]") {
  ServerProcess server;
  const auto port = server.port();
  auto areas = get(port, "/api/v1/orgs?kind=area_office&q=" + url_encode("ขอนแก่น"));
  REQUIRE(areas.status == 200);
  bool found = false;
  for (const auto& a : areas.json()) found = found || a["code"] == "1040000001";
  CHECK(found);
  auto schools = get(port, "/api/v1/orgs/1040000001/institutions");
  REQUIRE(schools.status == 200);
  CHECK(schools.json()[0]["code"] == "1010720001");
  for (const auto& s : schools.json()) CHECK(s["parent_code"] == "1040000001");
  CHECK(get(port, "/api/v1/orgs/1040000001/institutions?q=" + url_encode("ดอนทอง")).json().size() == 1);
  CHECK(get(port, "/api/v1/orgs/9999999999/institutions").status == 404);
  CHECK(get(port, "/api/v1/orgs?kind=planet").json()["error"]["field"] == "kind");

  const std::string token = otp_token_for(port, "0861112222", "school_user");
  const json body = {{"area_code", "1040000001"}, {"school_code", "1040010001"}, {"person", person("086-111-2222")},
                     {"otp_token", token}};
  auto made = post_json(port, "/api/v1/access-requests", body);
  INFO(made.body);
  REQUIRE(made.status == 201);
  CHECK(made.json()["status"] == "pending");
  const auto id = std::to_string(made.json()["request_id"].get<int>());
  auto replay = post_json(port, "/api/v1/access-requests", body);
  CHECK(replay.status == 409);  // the same phone already waits for this school
  // No sign-in before approval: there is no account yet.
  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM users WHERE school_user = 1") == 0);

  auto reviewer = sign_in(port, "centre.reviewer", demo_password("centre.reviewer"));
  CHECK(get(port, "/api/v1/admin/access-requests", as(reviewer)).status == 403);
  auto admin = sign_in(port, "area.admin", demo_password("area.admin"));
  auto pending = get(port, "/api/v1/admin/access-requests?status=pending", as(admin));
  REQUIRE(pending.status == 200);
  REQUIRE(pending.json()["requests"].size() == 1);
  CHECK(pending.json()["requests"][0]["person"]["phone"] == "0861112222");
  CHECK(pending.json()["requests"][0]["school_name"] == "โรงเรียนบ้านดอนทอง");

  auto approved = post_json(port, "/api/v1/admin/access-requests/" + id + "/approve", json::object(), as(admin));
  INFO(approved.body);
  REQUIRE(approved.status == 200);
  CHECK(approved.json()["username"] == "1040010001-w1");
  CHECK(approved.json()["sms_sent"] == true);
  CHECK(post_json(port, "/api/v1/admin/access-requests/" + id + "/approve", json::object(), as(admin)).json()["error"]["code"] ==
        "request_not_pending");

  const std::string sms = last_sms(port, "0861112222");
  std::smatch m;
  REQUIRE(std::regex_search(sms, m, std::regex("/#/activate/([0-9a-f]{32})")));
  CHECK(sms.find("1040010001-w1") != std::string::npos);
  REQUIRE(post_json(port, "/api/v1/auth/activate", {{"token", m[1].str()}, {"password", "Web-Rong-Rian-Dee-8"}}).status == 200);
  auto user = sign_in(port, "1040010001-w1", "Web-Rong-Rian-Dee-8");
  CHECK(user.body["user"]["school_user"] == true);
  CHECK(user.body["user"]["org_code"] == "1040010001");
  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM audit_log WHERE action LIKE 'access_request.%'") == 2);
}

TEST_CASE("access request: rejection with a reason; bad input changes nothing", "[server][access]") {
  ServerProcess server;
  const auto port = server.port();
  const std::string token = otp_token_for(port, "0862223333", "school_user");
  auto post = [&](json body) { return post_json(port, "/api/v1/access-requests", body); };
  json body = {{"area_code", "1040000001"}, {"school_code", "1040010002"}, {"person", person("0862223333")}, {"otp_token", token}};

  auto other_area = body;
  other_area["school_code"] = "1072010999";
  CHECK(post(other_area).json()["error"]["code"] == "school_not_in_area");
  auto other_phone = body;
  other_phone["person"]["phone"] = "0869998888";
  auto mismatch = post(other_phone);
  CHECK(mismatch.status == 400);
  CHECK(mismatch.json()["error"]["field"] == "otp_token");
  auto no_email = body;
  no_email["person"].erase("email");
  CHECK(post(no_email).json()["error"]["field"] == "person.email");
  auto no_person = body;
  no_person.erase("person");
  CHECK(post(no_person).json()["error"]["field"] == "person");
  auto long_name = body;
  long_name["person"]["first_name"] = std::string(101, 'a');
  CHECK(post(long_name).json()["error"]["field"] == "person.first_name");
  auto wrong_type = body;
  wrong_type["school_code"] = 1040010002;
  CHECK(post(wrong_type).json()["error"]["code"] == "wrong_type");
  CHECK(request(port, "POST", "/api/v1/access-requests", {{"Content-Type", "application/json"}}, "{\"area_code\":\"\xc3\x28\"}")
            .json()["error"]["code"] == "invalid_utf8");
  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM access_requests") == 0);

  auto made = post(body);  // the refusals above left the token usable
  REQUIRE(made.status == 201);
  const auto id = std::to_string(made.json()["request_id"].get<int>());
  CHECK(post(body).status == 409);

  auto admin = sign_in(port, "area.admin", demo_password("area.admin"));
  auto no_reason = post_json(port, "/api/v1/admin/access-requests/" + id + "/reject", json::object(), as(admin));
  CHECK(no_reason.json()["error"]["field"] == "reason");
  auto rejected = post_json(port, "/api/v1/admin/access-requests/" + id + "/reject", {{"reason", "ไม่ใช่บุคลากรของโรงเรียน"}}, as(admin));
  REQUIRE(rejected.status == 200);
  CHECK(rejected.json()["status"] == "rejected");
  CHECK(last_sms(port, "0862223333").find("ไม่ใช่บุคลากรของโรงเรียน") != std::string::npos);
  CHECK(post_json(port, "/api/v1/admin/access-requests/99999/approve", json::object(), as(admin)).status == 404);
}

namespace {

// 50 pending requests for one school approved at once, request i through ports[i % n]:
// exactly 2 are approved. Returns how many were.
long approve_fifty_at_once(const std::vector<unsigned short>& ports, const server::storage::Location& database) {
  const auto port = ports.front();
  // 50 people asked for the same school (their OTP-proven requests, as the table holds them).
  execute(database,
          "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50) "
          "INSERT INTO access_requests (area_code, school_code, title, first_name, last_name, position, phone, email, "
          "status, created_at) SELECT '1040000001', '1040020001', 'นาย', 'ผู้ขอ', 'คนที่ ' || i, 'ครู', "
          "'08600001' || (10 + i), 'x@example.org', 'pending', " + now_sql() + " FROM n");
  auto admin = sign_in(port, "area.admin", demo_password("area.admin"));
  std::vector<unsigned> statuses(50);
  std::vector<std::string> codes(50);
  std::vector<std::thread> threads;
  for (int i = 0; i < 50; ++i)
    threads.emplace_back([&, i] {
      const auto to = ports[static_cast<std::size_t>(i) % ports.size()];
      auto r = post_json(to, "/api/v1/admin/access-requests/" + std::to_string(i + 1) + "/approve", json::object(), as(admin));
      statuses[i] = r.status;
      if (r.status != 200) codes[i] = r.json()["error"]["code"];
    });
  for (auto& t : threads) t.join();
  const auto approved = std::count(statuses.begin(), statuses.end(), 200u);
  const auto refused = std::count(codes.begin(), codes.end(), "school_user_quota");
  CHECK(approved == 2);
  CHECK(refused == 48);
  CHECK(query_int(database, "SELECT COUNT(*) FROM users WHERE school_user = 1 AND org_code = '1040020001'") == 2);
  CHECK(query_int(database, "SELECT COUNT(*) FROM access_requests WHERE status = 'approved'") == 2);
  WARN("50 concurrent approvals for one school over " << ports.size() << " server(s): " << approved << " approved, "
                                                      << refused << " refused (school_user_quota)");
  return approved;
}

}  // namespace

TEST_CASE("access request: 50 concurrent approvals over three servers on one database make exactly 2 users",
          "[server][access][quota][two_servers]") {
  ServerProcess a;
  ServerOptions same;
  same.data_dir = a.data_dir();
  ServerProcess b(same), c(same);
  CHECK(approve_fifty_at_once({a.port(), b.port(), c.port()}, a.database()) == 2);
}

TEST_CASE("access request: 50 concurrent approvals for one school make exactly 2 users", "[server][access][quota]") {
  ServerProcess server;
  const auto port = server.port();
  CHECK(approve_fifty_at_once({port}, server.database()) == 2);

  // A full school refuses new requests at once, and re-enabling a third user is refused too.
  const std::string token = otp_token_for(port, "0863334444", "school_user");
  auto full = post_json(port, "/api/v1/access-requests", {{"area_code", "1040000001"}, {"school_code", "1040020001"},
                                                          {"person", person("0863334444")}, {"otp_token", token}});
  CHECK(full.status == 409);
  CHECK(full.json()["error"]["code"] == "school_user_quota");
}

TEST_CASE("access request: KPI reporting asked for, given by the admin or withheld", "[server][access][rights]") {
  ServerProcess server;
  const auto port = server.port();
  auto ask = [&](const std::string& phone, const json& rights) {
    json body = {{"area_code", "1040000001"}, {"school_code", "1040010001"}, {"person", person(phone)},
                 {"otp_token", otp_token_for(port, phone, "school_user")}, {"rights", rights}};
    return post_json(port, "/api/v1/access-requests", body);
  };
  // Only what a school website user may have can be asked for; nothing is stored.
  auto refused = ask("0861113333", json::array({"users.manage"}));
  CHECK(refused.status == 400);
  CHECK(refused.json()["error"]["code"] == "right_not_requestable");
  CHECK(refused.json()["error"]["field"] == "rights[0]");
  CHECK(ask("0861115555", "report.submit").json()["error"]["field"] == "rights");
  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM access_requests") == 0);

  auto first = ask("0861116666", json::array({"report.submit", "report.submit"}));
  REQUIRE(first.status == 201);
  auto second = ask("0861114444", json::array({"report.submit"}));
  REQUIRE(second.status == 201);
  auto admin = sign_in(port, "area.admin", demo_password("area.admin"));
  auto pending = get(port, "/api/v1/admin/access-requests?status=pending", as(admin));
  REQUIRE(pending.json()["requests"].size() == 2);
  CHECK(pending.json()["requests"][0]["rights"] == json::array({"report.submit"}));

  const auto path = [](const HttpResponse& made, const char* what) {
    return "/api/v1/admin/access-requests/" + std::to_string(made.json()["request_id"].get<int>()) + what;
  };
  // Giving a right that was not asked for is refused and decides nothing.
  auto over = post_json(port, path(second, "/approve"), {{"rights", json::array({"report.review"})}}, as(admin));
  CHECK(over.json()["error"]["code"] == "right_not_requested");
  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM access_requests WHERE status = 'pending'") == 2);

  auto given = post_json(port, path(first, "/approve"), {{"rights", json::array({"report.submit"})}}, as(admin));
  REQUIRE(given.status == 200);
  CHECK(given.json()["granted"] == json::array({"report.submit"}));
  auto withheld = post_json(port, path(second, "/approve"), {{"rights", json::array()}}, as(admin));
  REQUIRE(withheld.status == 200);
  CHECK(withheld.json()["granted"] == json::array());
  const auto grants = [&](const std::string& username) {
    return query_int(server.database(),
                     "SELECT COUNT(*) FROM grants g JOIN users u ON u.id = g.user_id WHERE u.username = '" + username +
                         "' AND g.permission = 'report.submit' AND g.org_code = '1040010001'");
  };
  CHECK(grants(given.json()["username"].get<std::string>()) == 1);
  CHECK(grants(withheld.json()["username"].get<std::string>()) == 0);
}
