// The KPI report screens' routes: a report's key from the route, and where a notification
// leads (a new submission to the review screen, a review or a return to the report form).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "wasm/app/notifications.hpp"
#include "wasm/app/route.hpp"
#include "wasm/screens/kpi/report_parts.hpp"

using nlohmann::json;

TEST_CASE("a report's key comes from <kpi>/<period>/<unit> and goes back to the same route", "[kpi]") {
  const auto route = app::parse_route("#/kpi/report/12/h1/1040010001");
  const auto key = kpi_screens::report_key({route.segments.begin() + 2, route.segments.end()});
  REQUIRE(key.valid());
  CHECK(key.kpi_id == 12);
  CHECK(key.api_path() == "/api/v1/kpi/12/periods/h1/reports/1040010001");
  CHECK(kpi_screens::report_route("report", key) == "#/kpi/report/12/h1/1040010001");
  CHECK_FALSE(kpi_screens::report_key({"x12", "h1", "1040010001"}).valid());
  CHECK_FALSE(kpi_screens::report_key({"12", "h1"}).valid());
}

TEST_CASE("a notification opens the screen that acts on it", "[kpi]") {
  const json submitted = {{"kind", "submitted"}, {"link", "#/kpi/7/h2/1040010002"}};
  const json returned = {{"kind", "returned"}, {"link", "#/kpi/7/h2/1040010002"}};
  const json reviewed = {{"kind", "reviewed"}, {"link", "#/kpi/7/h2/1040010002"}};
  CHECK(app::Notifications::route_of(submitted) == "#/kpi/review/7/h2/1040010002");
  CHECK(app::Notifications::route_of(returned) == "#/kpi/report/7/h2/1040010002");
  CHECK(app::Notifications::route_of(reviewed) == "#/kpi/report/7/h2/1040010002");
  CHECK(app::Notifications::route_of({{"kind", "submitted"}, {"link", "#/admin/users"}}).empty());
}

TEST_CASE("a notification of work that arrived opens the screen that does it", "[kpi][notifications]") {
  CHECK(app::Notifications::route_of({{"kind", "registration_letter"}, {"link", "#/review/registrations/42"}}) ==
        "#/review/registrations/42");
  CHECK(app::Notifications::route_of({{"kind", "access_request"}, {"link", "#/admin/users"}}) == "#/admin/users");
  CHECK(app::Notifications::route_of({{"kind", "access_request"}, {"link", ""}}).empty());
}
