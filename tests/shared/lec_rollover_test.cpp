#include <catch2/catch.hpp>

#include <set>

#include "shared/lec/rollover.hpp"
#include "shared/lec/spot_check.hpp"

using namespace domain;

namespace {
std::string nid(std::string twelve) {
  int sum = 0;
  for (int i = 0; i < 12; ++i) sum += (twelve[i] - '0') * (13 - i);
  return twelve + std::to_string((11 - sum % 11) % 10);
}
RolloverSource child(std::int64_t id, Level level) {
  auto cid = parse_child_id(nid("1101700123" + std::to_string(10 + id)));
  REQUIRE(cid.ok());
  return RolloverSource{id, ChildInput{cid.value(), "ด.ช.", "ก", "ข", Sex::m, Date{2018, 1, 1}, level, "1"}};
}
}  // namespace

TEST_CASE("rollover: each child moves up; those past the top level graduate", "[lec]") {
  const std::vector<RolloverSource> last{child(1, Level::k3), child(2, Level::p5), child(3, Level::p6),
                                         child(4, Level::p1)};
  const auto plan = plan_rollover(last, InstitutionType::school, {});
  REQUIRE(plan.moved_up.size() == 3);
  CHECK(plan.moved_up[0].child.level == Level::p1);
  CHECK(plan.moved_up[1].child.level == Level::p6);
  CHECK(plan.moved_up[2].child.level == Level::p2);
  REQUIRE(plan.graduated.size() == 1);
  CHECK(plan.graduated[0].record_id == 3);
  CHECK(plan.graduated[0].child.level == Level::p6);
}

TEST_CASE("rollover: a school up to m3 keeps its p6 children; a centre's children all leave", "[lec]") {
  const auto plan = plan_rollover({child(1, Level::p6), child(2, Level::m3)}, InstitutionType::school, {});
  REQUIRE(plan.moved_up.size() == 1);
  CHECK(plan.moved_up[0].child.level == Level::m1);
  CHECK(plan.graduated.size() == 1);
  const auto centre = plan_rollover({child(1, Level::cdc)}, InstitutionType::child_development_centre, {});
  CHECK(centre.moved_up.empty());
  CHECK(centre.graduated.size() == 1);
}

TEST_CASE("rollover: children already in the new year are left alone", "[lec]") {
  const auto c = child(1, Level::p1);
  const auto plan =
      plan_rollover({c, child(2, Level::p2), child(3, Level::p6)}, InstitutionType::school, {c.child.id.value()});
  CHECK(plan.already.size() == 1);
  CHECK(plan.graduated.size() == 1);
  REQUIRE(plan.moved_up.size() == 1);
  CHECK(plan.moved_up[0].record_id == 2);
}

TEST_CASE("spot check sample: deterministic by seed, without repeats, within the pool", "[lec]") {
  std::vector<SamplePool> pool;
  for (int i = 0; i < 10; ++i) {
    SamplePool p{"10" + std::to_string(i), {}};
    for (int c = 0; c < (i == 4 ? 0 : 3 + i); ++c) p.child_ids.push_back(i * 100 + c);
    pool.push_back(p);
  }
  const auto a = draw_sample(pool, 3, 5, 42);
  const auto b = draw_sample(pool, 3, 5, 42);
  REQUIRE(a.size() == 3);
  std::set<std::string> codes;
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].institution_code == b[i].institution_code);
    CHECK(a[i].child_ids == b[i].child_ids);
    CHECK(a[i].institution_code != "104");  // no children: never drawn
    codes.insert(a[i].institution_code);
    std::set<std::int64_t> ids(a[i].child_ids.begin(), a[i].child_ids.end());
    CHECK(ids.size() == a[i].child_ids.size());
    CHECK(a[i].child_ids.size() == std::min<std::size_t>(5, 3 + std::stoi(a[i].institution_code.substr(2))));
  }
  CHECK(codes.size() == 3);
  bool differs = false;
  for (std::uint64_t seed = 1; seed < 20 && !differs; ++seed) {
    const auto c = draw_sample(pool, 3, 5, seed);
    differs = c[0].institution_code != a[0].institution_code || c[0].child_ids != a[0].child_ids;
  }
  CHECK(differs);
  CHECK(draw_sample(pool, 50, 50, 7).size() == 9);  // every institution with children
}

TEST_CASE("spot check bodies", "[lec]") {
  CHECK(parse_spot_check_size(nlohmann::json::object()).value().institutions == 3);
  CHECK(parse_spot_check_size({{"institutions", 2}, {"children", 4}}).value().children == 4);
  CHECK(parse_spot_check_size({{"institutions", 0}}).error().code == "spot_check_size");
  CHECK(parse_spot_check_size({{"children", "x"}}).error().field == "children");
  CHECK(parse_spot_check_finding({{"found", true}, {"note", "พบ"}}).value().note == "พบ");
  CHECK(parse_spot_check_finding({{"note", "x"}}).error().code == "found_required");
  CHECK(parse_spot_check_finding({{"found", false}, {"note", std::string(501, 'a')}}).error().code == "note_too_long");
}
