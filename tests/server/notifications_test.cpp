// Work arriving tells the people who do it (GET /api/v1/notifications and SMS), over real
// HTTP: a signed letter tells the registration reviewers of the institution's path, an access
// request the admins who decide it; nobody else; the KPI and LEC notifications have their own tests.
#include <catch2/catch.hpp>

#include "shared/notifications/work_notice.hpp"
#include "tests/server/registration_helpers.hpp"
#include "tests/server/sign_in_helpers.hpp"

using namespace test_server;
using nlohmann::json;

namespace {

// The caller's notifications of one kind.
json of_kind(unsigned short port, const SignedIn& who, std::string_view kind) {
  auto r = get(port, "/api/v1/notifications", as(who, false));
  INFO(r.body);
  REQUIRE(r.status == 200);
  json out = json::array();
  for (const auto& n : r.json())
    if (n["kind"] == kind) out.push_back(n);
  return out;
}

SignedIn demo(unsigned short port, const std::string& user) { return sign_in(port, user, demo_password(user)); }

std::int64_t outbox_count(const ServerProcess& server, const std::string& phone, const std::string& containing) {
  return query_int(server.database(), "SELECT COUNT(*) FROM sms_outbox WHERE phone = '" + phone +
                                          "' AND instr(text, '" + containing + "') > 0");
}

}  // namespace

TEST_CASE("notifications: a signed letter tells the reviewers whose queue shows it, once each",
          "[server][notifications]") {
  ServerProcess server;
  const auto port = server.port();
  const auto area = demo(port, "area.reviewer"), centre = demo(port, "centre.reviewer");
  // A reviewer of both the area and the centre still hears of it once.
  execute(server.database(), "INSERT INTO grants (user_id, permission, org_code) SELECT id, 'registrations.review', "
                             "'1040000001' FROM users WHERE username = 'centre.reviewer'");
  auto created = register_school(server, registration_body());  // 1010720001, under 1040000001
  REQUIRE(created.status == 201);
  CHECK(of_kind(port, area, domain::letter_uploaded_kind).empty());  // no letter yet

  TempDir dir;
  REQUIRE(run_command({"/usr/bin/convert", "-size", "400x560", "xc:white", "jpg:" + (dir / "s.jpg").string()}, {})
              .exit_code == 0);
  REQUIRE(upload_letter(server, created.json(), read_file(dir / "s.jpg"), "s.jpg").status == 200);

  const auto id = created.json()["registration_id"].get<std::int64_t>();
  for (const auto* who : {&area, &centre}) {
    const auto told = of_kind(port, *who, domain::letter_uploaded_kind);
    REQUIRE(told.size() == 1);
    CHECK(told[0]["link"] == "#/review/registrations/" + std::to_string(id));
    for (const char* lang : {"text_th", "text_en"}) {
      const std::string text = told[0][lang];
      CHECK(text.find("1010720001") != std::string::npos);
      CHECK(text.find("1101700203450") == std::string::npos);  // never the registrant's ID
    }
  }
  CHECK(of_kind(port, area, domain::letter_uploaded_kind)[0]["text_en"].get<std::string>().find("Signed appointment letter") == 0);
  // Nobody else: the area's KPI staff, a school, another tree's officer.
  for (const std::string user : {"area.kpi", "area.admin", "1040010001", "lgo.bangprong"})
    CHECK(get(port, "/api/v1/notifications", as(demo(port, user), false)).json().empty());

  // By SMS to each reviewer with a phone, once; not to the admins.
  CHECK(outbox_count(server, "0800000005", "1010720001") == 1);  // area.reviewer
  CHECK(outbox_count(server, "0800000001", "1010720001") == 1);  // centre.reviewer
  CHECK(outbox_count(server, "0800000003", "1010720001") == 0);  // area.admin
}

TEST_CASE("notifications: an access request tells the admins who decide it", "[server][notifications]") {
  ServerProcess server;
  const auto port = server.port();
  const json person = {{"title", "นางสาว"}, {"first_name", "ใจดี"}, {"last_name", "มีสุข"}, {"position", "ครู"},
                       {"phone", "0861112222"}, {"email", "jaidee@example.org"}};
  // An admin without a phone is told in the client only.
  execute(server.database(), "UPDATE users SET phone = '' WHERE username = 'centre.admin'");
  const json body = {{"area_code", "1040000001"}, {"school_code", "1040010001"}, {"person", person},
                     {"otp_token", otp_token_for(port, "0861112222", "school_user")}};
  auto made = post_json(port, "/api/v1/access-requests", body);
  INFO(made.body);
  REQUIRE(made.status == 201);

  for (const std::string user : {"area.admin", "centre.admin"}) {
    INFO(user);
    const auto told = of_kind(port, demo(port, user), domain::access_request_kind);
    REQUIRE(told.size() == 1);
    CHECK(told[0]["link"] == "#/admin/users");
    CHECK(told[0]["text_th"].get<std::string>().find("โรงเรียนบ้านดอนทอง (1040010001)") != std::string::npos);
    CHECK(told[0]["text_en"].get<std::string>().find("1040010001") != std::string::npos);
  }
  for (const std::string user : {"centre.reviewer", "area.reviewer", "1040010001", "lgo.bangprong"})
    CHECK(get(port, "/api/v1/notifications", as(demo(port, user), false)).json().empty());
  CHECK(outbox_count(server, "0800000003", "1040010001") == 1);  // area.admin
  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM sms_outbox WHERE instr(text, 'คำขอใช้งาน') > 0") == 1);

  // A refused request (the same phone again) tells nobody a second time.
  CHECK(post_json(port, "/api/v1/access-requests", body).status == 409);
  CHECK(of_kind(port, demo(port, "area.admin"), domain::access_request_kind).size() == 1);
}
