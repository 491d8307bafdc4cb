#include <catch2/catch.hpp>

#include "shared/accounts/permission.hpp"

using namespace domain;

namespace {

OrgTree tree() {
  auto built = OrgTree::build({
      {"centre", "", "centre", "ศูนย์กลางระบบ"},
      {"obec", "centre", "department", "สพฐ."},
      {"spp-nbi", "obec", "area_office", "สพป.นนทบุรี เขต 1"},
      {"spp-spk", "obec", "area_office", "สพป.สมุทรปราการ"},
      {"1012010001", "spp-nbi", "institution", "โรงเรียนวัดบางไผ่"},
      {"1012010002", "spp-nbi", "institution", "โรงเรียนวัดโบสถ์ดอนพรหม"},
      {"1011010001", "spp-spk", "institution", "โรงเรียนวัดราษฎร์บำรุง"},
  });
  REQUIRE(built.ok());
  return built.value();
}

}  // namespace

TEST_CASE("permissions parse from and print to their wire names", "[accounts][permission]") {
  const std::pair<const char*, Permission> table[] = {
      {"view", Permission::view},
      {"report.submit", Permission::report_submit},
      {"report.review", Permission::report_review},
      {"kpi.manage", Permission::kpi_manage},
      {"users.manage", Permission::users_manage},
      {"registrations.review", Permission::registrations_review},
      {"data.confirm", Permission::data_confirm},
      {"children.edit", Permission::children_edit},
  };
  CHECK(permissions().size() == std::size(table));
  for (const auto& [id, p] : table) {
    CAPTURE(id);
    auto parsed = parse_permission(id);
    REQUIRE(parsed.ok());
    CHECK(parsed.value() == p);
    CHECK(to_string(p) == id);
    CHECK_FALSE(info(p).name_th.empty());
  }
  for (const char* bad : {"", "View", "report_submit", "report.", "admin", "users.manage "}) {
    CAPTURE(bad);
    auto parsed = parse_permission(bad);
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error().code == "permission_unknown");
    CHECK(parsed.error().field == "permission");
    CHECK(parsed.error().message_th.find("สิทธิ์") != std::string::npos);
  }
}

TEST_CASE("a grant covers its node's subtree and nothing beside it", "[accounts][permission]") {
  const auto t = tree();
  const std::vector<Grant> area_reviewer = {{Permission::report_review, "spp-nbi"},
                                            {Permission::view, "spp-nbi"}};
  const std::vector<Grant> school_reporter = {{Permission::report_submit, "1012010001"}};
  const std::vector<Grant> centre_admin = {{Permission::registrations_review, "centre"}};
  struct Case {
    const char* who;
    const std::vector<Grant>* grants;
    Permission permission;
    const char* target;
    bool allowed;
  };
  const Case table[] = {
      {"area reviewer, own area", &area_reviewer, Permission::report_review, "spp-nbi", true},
      {"area reviewer, school in area", &area_reviewer, Permission::report_review, "1012010002", true},
      {"area reviewer, sibling area", &area_reviewer, Permission::report_review, "spp-spk", false},
      {"area reviewer, school in sibling area", &area_reviewer, Permission::report_review, "1011010001", false},
      {"area reviewer, above own node", &area_reviewer, Permission::report_review, "obec", false},
      {"area reviewer, permission not held", &area_reviewer, Permission::kpi_manage, "1012010002", false},
      {"reporter, own school", &school_reporter, Permission::report_submit, "1012010001", true},
      {"reporter, sibling school", &school_reporter, Permission::report_submit, "1012010002", false},
      {"reporter, no implied view", &school_reporter, Permission::view, "1012010001", false},
      {"centre, anywhere", &centre_admin, Permission::registrations_review, "1011010001", true},
      {"centre, unknown org", &centre_admin, Permission::registrations_review, "9999999999", false},
  };
  for (const auto& c : table) {
    CAPTURE(c.who);
    CHECK(allowed(*c.grants, c.permission, c.target, t) == c.allowed);
  }
  CHECK_FALSE(allowed({}, Permission::view, "centre", t));
  CHECK_FALSE(allowed({{Permission::view, "gone"}}, Permission::view, "gone", t));  // not in tree
}

TEST_CASE("grants travel as JSON and bad ones are refused by field", "[accounts][permission]") {
  const Grant g{Permission::data_confirm, "spp-nbi"};
  const nlohmann::json j = g;
  CHECK(j == nlohmann::json{{"permission", "data.confirm"}, {"org_code", "spp-nbi"}});
  auto back = parse_grant(j);
  REQUIRE(back.ok());
  CHECK(back.value() == g);

  struct Case {
    nlohmann::json body;
    const char* code;
    const char* field;
  };
  const Case table[] = {
      {nlohmann::json::array(), "wrong_type", "grants[0]"},
      {{{"org_code", "x"}}, "required", "grants[0].permission"},
      {{{"permission", 5}, {"org_code", "x"}}, "required", "grants[0].permission"},
      {{{"permission", "view"}}, "required", "grants[0].org_code"},
      {{{"permission", "view"}, {"org_code", ""}}, "required", "grants[0].org_code"},
      {{{"permission", "root"}, {"org_code", "x"}}, "permission_unknown", "grants[0].permission"},
  };
  for (const auto& c : table) {
    CAPTURE(c.body.dump());
    auto parsed = parse_grant(c.body, "grants[0]");
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error().code == c.code);
    CHECK(parsed.error().field == c.field);
  }
}
