#include <catch2/catch.hpp>

#include <algorithm>

#include "shared/audit/audit_filter.hpp"

using namespace domain;

namespace {

OrgTree tree() {
  auto built = OrgTree::build({
      {"centre", "", "centre", "ศูนย์กลางระบบ"},
      {"obec", "centre", "department", "สพฐ."},
      {"spp-nbi", "obec", "area_office", "สพป.นนทบุรี เขต 1"},
      {"spp-spk", "obec", "area_office", "สพป.สมุทรปราการ"},
      {"1012010001", "spp-nbi", "institution", "โรงเรียนวัดบางไผ่"},
      {"1011010001", "spp-spk", "institution", "โรงเรียนวัดราษฎร์บำรุง"},
  });
  REQUIRE(built.ok());
  return built.value();
}

}  // namespace

TEST_CASE("audit filter: days in Thailand start at 17:00 UTC the day before", "[audit]") {
  CHECK(thai_day_start_utc({2026, 12, 1}) == "2026-11-30T17:00:00");
  CHECK(thai_day_start_utc({2027, 1, 1}) == "2026-12-31T17:00:00");
  CHECK(thai_day_start_utc({2024, 3, 1}) == "2024-02-29T17:00:00");
  CHECK(next_day({2026, 12, 31}) == Date{2027, 1, 1});
  CHECK(next_day({2026, 2, 28}) == Date{2026, 3, 1});
}

TEST_CASE("audit filter: each parameter checked, errors name the field", "[audit]") {
  auto ok = parse_audit_filter({" area.admin ", "user.read", "2026-12-01", "2026-12-02", "41", "20"});
  REQUIRE(ok.ok());
  CHECK(ok.value().person == "area.admin");
  CHECK(ok.value().action == "user.read");
  CHECK(ok.value().from == Date{2026, 12, 1});
  CHECK(ok.value().before_id == 41);
  CHECK(ok.value().limit == 20);
  CHECK(parse_audit_filter({}).value().limit == audit_page_default);
  const auto field = [](AuditFilterInput in) { return parse_audit_filter(in).error().field; };
  CHECK(field({std::string(101, 'a'), "", "", "", "", ""}) == "person");
  CHECK(field({"", "User.Read", "", "", "", ""}) == "action");
  CHECK(field({"", "", "2026-02-30", "", "", ""}) == "from");
  CHECK(field({"", "", "", "1/12/2569", "", ""}) == "to");
  CHECK(parse_audit_filter({"", "", "2026-12-02", "2026-12-01", "", ""}).error().code == "date_range");
  CHECK(field({"", "", "", "", "-1", ""}) == "before_id");
  CHECK(field({"", "", "", "", "", "0"}) == "limit");
  CHECK(field({"", "", "", "", "", "201"}) == "limit");
}

TEST_CASE("audit scope: the nodes under the holder's users.manage grants; the root sees all", "[audit]") {
  const auto t = tree();
  auto area = audit_scope({{Permission::users_manage, "spp-nbi"}, {Permission::view, "spp-spk"}}, t);
  REQUIRE(area);
  std::sort(area->begin(), area->end());
  CHECK(*area == std::vector<std::string>{"1012010001", "spp-nbi"});
  CHECK_FALSE(audit_scope({{Permission::users_manage, "centre"}}, t));
  CHECK(audit_scope({{Permission::view, "centre"}}, t)->empty());
}
