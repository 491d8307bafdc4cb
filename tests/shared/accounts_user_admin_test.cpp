#include <catch2/catch.hpp>

#include "shared/accounts/user_admin.hpp"

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

TEST_CASE("an admin manages a user only when every grant of the user lies in the admin's subtree",
          "[accounts][user_admin]") {
  const auto t = tree();
  const std::vector<Grant> area_admin = {{Permission::users_manage, "spp-nbi"}, {Permission::view, "centre"}};
  const std::vector<Grant> centre_admin = {{Permission::users_manage, "centre"}};

  // Lives in the area, grants in the area: managed.
  CHECK(may_manage_user(area_admin, "spp-nbi", {{Permission::view, "spp-nbi"}, {Permission::view, "1012010001"}}, t));
  CHECK(may_manage_user(area_admin, "1012010001", {}, t));
  // The takeover path: lives in the area, holds one grant on the centre (or another area).
  CHECK_FALSE(may_manage_user(area_admin, "spp-nbi", {{Permission::view, "spp-nbi"}, {Permission::view, "centre"}}, t));
  CHECK_FALSE(may_manage_user(area_admin, "1012010001", {{Permission::users_manage, "obec"}}, t));
  CHECK_FALSE(may_manage_user(area_admin, "1012010001", {{Permission::view, "1011010001"}}, t));
  // A grant on an unknown organisation is outside every subtree.
  CHECK_FALSE(may_manage_user(area_admin, "1012010001", {{Permission::view, "gone"}}, t));
  // Lives outside: never, whatever the grants.
  CHECK_FALSE(may_manage_user(area_admin, "spp-spk", {}, t));
  // Only users.manage counts: view on the centre manages nothing.
  CHECK_FALSE(may_manage_user({{Permission::view, "centre"}}, "spp-nbi", {}, t));
  // The centre admin manages them all.
  CHECK(may_manage_user(centre_admin, "spp-nbi", {{Permission::view, "centre"}, {Permission::users_manage, "obec"}}, t));
  CHECK(user_above_subtree().code == "user_above_subtree");
  CHECK_FALSE(user_above_subtree().message_en.empty());
}
