#include <catch2/catch.hpp>

#include "shared/accounts/school_users.hpp"

using namespace domain;

namespace {

OrgTree tree() {
  auto built = OrgTree::build({
      {"1000000000", "", "department", "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน"},
      {"1040000001", "1000000000", "primary_area", "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาขอนแก่น เขต 1"},
      {"1010720001", "1040000001", "institution", "โรงเรียนบ้านหนองบัว"},
      {"1011000001", "1000000000", "primary_area", "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาสมุทรปราการ"},
      {"1011010001", "1011000001", "institution", "โรงเรียนวัดราษฎร์บำรุง"},
  });
  REQUIRE(built.ok());
  return built.value();
}

Profile teacher() { return {"นางสาว", "มาลี", "ศรีสุข", "ครู", "0899998888", "malee@example.ac.th"}; }

}  // namespace

TEST_CASE("at most 2 active website users per school", "[accounts][school_users]") {
  const std::pair<int, bool> table[] = {{0, true}, {1, true}, {2, false}, {3, false}};
  for (const auto& [active, ok] : table) {
    CAPTURE(active);
    auto r = may_add_school_user(active);
    CHECK(r.ok() == ok);
    if (!ok) {
      CHECK(r.error().code == "school_user_quota");
      CHECK(r.error().field == "school_code");
      CHECK(r.error().message_th.find("2 คน") != std::string::npos);
      CHECK(r.error().message_en.find("2 website users") != std::string::npos);
    }
  }
}

TEST_CASE("access request status: names and transitions", "[accounts][school_users]") {
  using S = AccessRequestStatus;
  for (auto s : {S::pending, S::approved, S::rejected}) CHECK(parse_access_request_status(to_string(s)).value() == s);
  CHECK(parse_access_request_status("done").error().code == "status_unknown");

  const std::tuple<S, S, bool> table[] = {
      {S::pending, S::approved, true},   {S::pending, S::rejected, true},  {S::pending, S::pending, false},
      {S::approved, S::rejected, false}, {S::approved, S::pending, false}, {S::rejected, S::approved, false},
      {S::rejected, S::pending, false},  {S::approved, S::approved, false},
  };
  for (const auto& [from, to, ok] : table) {
    CAPTURE(to_string(from), to_string(to));
    CHECK(can_move(from, to) == ok);
  }
}

TEST_CASE("opening a request: the school must be inside the chosen area", "[accounts][school_users]") {
  const auto t = tree();
  auto ok = open_access_request("1040000001", "1010720001", teacher(), 1, t);
  REQUIRE(ok.ok());
  CHECK(ok.value().status == AccessRequestStatus::pending);
  CHECK(ok.value().person.phone == "0899998888");

  struct Case {
    const char* what;
    const char* area;
    const char* school;
    int active;
    const char* code;
    const char* field;
  };
  const Case table[] = {
      {"school of another area", "1040000001", "1011010001", 0, "school_not_in_area", "school_code"},
      {"unknown school", "1040000001", "1099999999", 0, "school_not_in_area", "school_code"},
      {"area given as school", "1040000001", "1040000001", 0, "school_not_in_area", "school_code"},
      {"department is not an area", "1000000000", "1010720001", 0, "area_unknown", "area_code"},
      {"unknown area", "9", "1010720001", 0, "area_unknown", "area_code"},
      {"school already full", "1040000001", "1010720001", 2, "school_user_quota", "school_code"},
  };
  for (const auto& c : table) {
    CAPTURE(c.what);
    auto r = open_access_request(c.area, c.school, teacher(), c.active, t);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == c.code);
    CHECK(r.error().field == c.field);
  }

  auto no_email = teacher();
  no_email.email = "";
  auto r = open_access_request("1040000001", "1010720001", no_email, 0, t);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().field == "person.email");
  CHECK(r.error().code == "required");
}

TEST_CASE("approve re-checks the quota; reject needs a reason; both only once", "[accounts][school_users]") {
  const auto t = tree();
  const auto pending = open_access_request("1040000001", "1010720001", teacher(), 0, t).value();

  auto second = approve(pending, 1);
  REQUIRE(second.ok());
  CHECK(second.value().status == AccessRequestStatus::approved);
  auto third = approve(pending, 2);
  REQUIRE_FALSE(third.ok());
  CHECK(third.error().code == "school_user_quota");

  auto twice = approve(second.value(), 0);
  REQUIRE_FALSE(twice.ok());
  CHECK(twice.error().code == "request_not_pending");
  CHECK(twice.error().message_th.find("อนุมัติไปแล้ว") != std::string::npos);

  auto rejected = reject(pending, "  ไม่ใช่บุคลากรของโรงเรียน  ");
  REQUIRE(rejected.ok());
  CHECK(rejected.value().status == AccessRequestStatus::rejected);
  CHECK(rejected.value().reason == "ไม่ใช่บุคลากรของโรงเรียน");
  CHECK(approve(rejected.value(), 0).error().code == "request_not_pending");
  CHECK(reject(rejected.value(), "อีกครั้ง").error().code == "request_not_pending");

  auto no_reason = reject(pending, "   ");
  REQUIRE_FALSE(no_reason.ok());
  CHECK(no_reason.error().code == "required");
  CHECK(no_reason.error().field == "reason");
  CHECK(reject(pending, std::string(501, 'x')).error().code == "text_too_long");
  CHECK(reject(pending, std::string(500, 'x')).ok());

  nlohmann::json j = rejected.value();
  CHECK(j["status"] == "rejected");
  CHECK(j["reason"] == "ไม่ใช่บุคลากรของโรงเรียน");
  CHECK(j["person"]["first_name"] == "มาลี");
  nlohmann::json p = pending;
  CHECK_FALSE(p.contains("reason"));
}

TEST_CASE("50 requests for one school: approvals stop at exactly 2", "[accounts][school_users]") {
  // The server serialises approvals per school; given the count at each approval, the rule
  // lets exactly two through however many requests are waiting.
  const auto t = tree();
  int active = 0, approved = 0, refused = 0;
  for (int i = 0; i < 50; ++i) {
    auto request = open_access_request("1040000001", "1010720001", teacher(), active, t);
    if (!request) {
      ++refused;
      continue;
    }
    auto decision = approve(request.value(), active);
    if (decision) ++approved, ++active;
    else ++refused;
  }
  CHECK(approved == 2);
  CHECK(refused == 48);
}

TEST_CASE("access request rights: only KPI reporting may be asked for; the admin gives what was asked", "[school_users]") {
  const nlohmann::json asked = nlohmann::json::array({"report.submit", "report.submit"});
  auto rights = parse_rights(&asked, requestable_rights(), false);
  REQUIRE(rights);
  CHECK(rights.value() == std::vector<Permission>{Permission::report_submit});
  CHECK(parse_rights(nullptr, requestable_rights(), false).value().empty());

  const nlohmann::json above = nlohmann::json::array({"report.submit", "users.manage"});
  auto refused = parse_rights(&above, requestable_rights(), false);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == "right_not_requestable");
  CHECK(refused.error().field == "rights[1]");
  const nlohmann::json wrong = nlohmann::json::array({7});
  CHECK(parse_rights(&wrong, requestable_rights(), false).error().code == "wrong_type");

  // At approval the request's own rights are the limit.
  auto not_asked = parse_rights(&asked, {}, true);
  REQUIRE_FALSE(not_asked);
  CHECK(not_asked.error().code == "right_not_requested");
  CHECK(not_asked.error().message_en.find("Submit KPI reports") != std::string::npos);
}
