// Reviewers: the queue within their subtree, the preview, approve (the account and its
// activation link by SMS) and reject (the reason by SMS); every step audited.
#include <catch2/catch.hpp>
#include <regex>

#include "tests/server/registration_helpers.hpp"
#include "tests/server/sign_in_helpers.hpp"

using namespace test_server;
using nlohmann::json;

namespace {

// A registration of `code` with its signed JPEG uploaded: the create reply.
json submitted(const ServerProcess& server, const std::string& code, const std::string& affiliation, const std::string& phone) {
  auto body = registration_body();
  body["institution_code"] = code;
  body["affiliation"] = affiliation;
  body["officer"]["phone"] = phone;
  auto created = register_school(server, body);
  REQUIRE(created.status == 201);
  TempDir dir;
  auto made = run_command({"/usr/bin/convert", "-size", "400x560", "xc:white", "jpg:" + (dir / "s.jpg").string()}, {});
  REQUIRE(made.exit_code == 0);
  auto up = upload_letter(server, created.json(), read_file(dir / "s.jpg"), "s.jpg", code);
  REQUIRE(up.status == 200);
  return created.json();
}

std::string path_of(const json& c, const std::string& rest = "") {
  return "/api/v1/review/registrations/" + std::to_string(c["registration_id"].get<int>()) + rest;
}

}  // namespace

TEST_CASE("review: the queue shows only the reviewer's subtree, with filters and legacy usernames",
          "[server][api][registration][review]") {
  ServerProcess server;
  auto inside = submitted(server, "1010720001", "obec", "0812345678");
  auto outside = submitted(server, "1011010001", "obec", "0898765432");
  CHECK(get(server.port(), "/api/v1/review/registrations").status == 401);
  auto kpi = sign_in(server.port(), "area.kpi", demo_password("area.kpi"));
  CHECK(get(server.port(), "/api/v1/review/registrations", as(kpi)).status == 403);

  auto area = sign_in(server.port(), "area.reviewer", demo_password("area.reviewer"));
  auto q = get(server.port(), "/api/v1/review/registrations?status=under_review", as(area));
  REQUIRE(q.status == 200);
  REQUIRE(q.json().size() == 1);
  CHECK(q.json()[0]["institution_code"] == "1010720001");
  CHECK(q.json()[0]["legacy"]["tsl_username"] == "tsl_1010720001");
  CHECK(q.json()[0]["officer"]["national_id"] == "1-1017-xxxxx-xx-0");
  CHECK(get(server.port(), path_of(outside, "/preview"), as(area)).status == 404);
  CHECK(get(server.port(), "/api/v1/registrations/" + std::to_string(outside["registration_id"].get<int>()), as(area))
            .status == 404);

  auto centre = sign_in(server.port(), "centre.reviewer", demo_password("centre.reviewer"));
  CHECK(get(server.port(), "/api/v1/review/registrations", as(centre)).json().size() == 2);
  CHECK(get(server.port(), "/api/v1/review/registrations?province=" + url_encode("สมุทรปราการ"), as(centre)).json().size() == 1);
  CHECK(get(server.port(), "/api/v1/review/registrations?affiliation=dla", as(centre)).json().empty());
  CHECK(get(server.port(), "/api/v1/review/registrations?status=approved", as(centre)).json().empty());
  CHECK(get(server.port(), "/api/v1/review/registrations?status=lost", as(centre)).status == 400);

  auto preview = get(server.port(), path_of(inside, "/preview"), as(area));
  REQUIRE(preview.status == 200);
  CHECK(preview.header("content-type") == "image/jpeg");
}

TEST_CASE("review: approval creates the account, the SMS carries an activation link, never a password",
          "[server][api][registration][review]") {
  ServerProcess server;
  auto c = submitted(server, "1010720001", "obec", "0812345678");
  auto area = sign_in(server.port(), "area.reviewer", demo_password("area.reviewer"));
  CHECK(post_json(server.port(), path_of(c, "/approve"), json::object(), as(area, false)).status == 403);  // no CSRF
  auto ok = post_json(server.port(), path_of(c, "/approve"), json::object(), as(area));
  REQUIRE(ok.status == 200);
  CHECK(ok.json()["status"] == "approved");
  auto twice = post_json(server.port(), path_of(c, "/approve"), json::object(), as(area));
  CHECK(twice.status == 409);
  CHECK(twice.json()["error"]["code"] == "registration_state");
  CHECK(post_json(server.port(), path_of(c, "/reject"), {{"reason", "late"}}, as(area)).status == 409);

  const std::string sms = get(server.port(), "/api/v1/dev/outbox?phone=0812345678").json()[0]["text"];
  std::smatch m;
  REQUIRE(std::regex_search(sms, m, std::regex("/#/activate/([A-Za-z0-9_-]+)")));
  CHECK(sms.find("http://localhost:" + std::to_string(server.port())) != std::string::npos);
  // Not usable before activation; after it, the school signs in with its code.
  CHECK(post_json(server.port(), "/api/v1/auth/login", {{"username", "1010720001"}, {"password", "Baan-Nong-Bua-Kru-7"}}).status == 401);
  auto activated = post_json(server.port(), "/api/v1/auth/activate", {{"token", m[1].str()}, {"password", "Baan-Nong-Bua-Kru-7"}});
  INFO(activated.body);
  REQUIRE(activated.status == 200);
  auto school = sign_in(server.port(), "1010720001", "Baan-Nong-Bua-Kru-7");
  CHECK(school.body["user"]["username"] == "1010720001");

  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM audit_log WHERE action = 'registration.approved'") == 1);
  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM audit_log WHERE action = 'registration.created'") == 1);
  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM audit_log WHERE action = 'registration.letter_uploaded'") == 1);
}

TEST_CASE("review: rejection needs a reason and sends it by SMS", "[server][api][registration][review]") {
  ServerProcess server;
  auto c = submitted(server, "1010720001", "obec", "0812345678");
  auto area = sign_in(server.port(), "area.reviewer", demo_password("area.reviewer"));
  auto no_reason = post_json(server.port(), path_of(c, "/reject"), {{"reason", "  "}}, as(area));
  CHECK(no_reason.status == 400);
  CHECK(no_reason.json()["error"]["field"] == "reason");
  auto r = post_json(server.port(), path_of(c, "/reject"), {{"reason", "ลายมือชื่อผู้อำนวยการไม่ชัดเจน"}}, as(area));
  REQUIRE(r.status == 200);
  CHECK(r.json()["status"] == "rejected");
  CHECK(r.json()["reason"] == "ลายมือชื่อผู้อำนวยการไม่ชัดเจน");
  const std::string sms = get(server.port(), "/api/v1/dev/outbox?phone=0812345678").json()[0]["text"];
  CHECK(sms.find("ลายมือชื่อผู้อำนวยการไม่ชัดเจน") != std::string::npos);
  CHECK(post_json(server.port(), path_of(c, "/approve"), json::object(), as(area)).status == 409);
}
