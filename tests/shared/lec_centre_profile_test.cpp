#include <catch2/catch.hpp>

#include "shared/lec/centre_profile.hpp"

using namespace domain;
using nlohmann::json;

namespace {
json valid() {
  return {{"teachers", 2}, {"carers", 3}, {"rooms", 2}, {"min_age_months", 24}, {"max_age_months", 60}, {"capacity", 60}};
}
std::string refusal(json body) {
  auto p = parse_centre_profile(body);
  REQUIRE_FALSE(p.ok());
  CHECK_FALSE(p.error().message_th.empty());
  CHECK_FALSE(p.error().message_en.empty());
  return p.error().field + ":" + p.error().code;
}
}  // namespace

TEST_CASE("a centre's basic data is read and written back", "[lec]") {
  auto p = parse_centre_profile(valid());
  REQUIRE(p.ok());
  CHECK(p.value().carers == 3);
  CHECK(json(p.value()) == valid());
  CHECK(children_per_carer(p.value(), 50) == Approx(10.0));
}

TEST_CASE("each bad field of a centre's basic data is named", "[lec]") {
  auto with = [](const char* key, json v) {
    json b = valid();
    if (v.is_discarded()) b.erase(key); else b[key] = v;
    return b;
  };
  CHECK(refusal(with("teachers", json::value_t::discarded)) == "teachers:required");
  CHECK(refusal(with("carers", nullptr)) == "carers:required");
  CHECK(refusal(with("rooms", "2")) == "rooms:wrong_type");
  CHECK(refusal(with("rooms", 2.5)) == "rooms:wrong_type");
  CHECK(refusal(with("teachers", -1)) == "teachers:count_negative");
  CHECK(refusal(with("capacity", 0)) == "capacity:count_negative");
  CHECK(refusal(with("capacity", 5000)) == "capacity:count_too_high");
  CHECK(refusal(with("max_age_months", 12)) == "max_age_months:age_order");
  json no_staff = valid();
  no_staff["teachers"] = 0;
  no_staff["carers"] = 0;
  CHECK(refusal(no_staff) == "teachers:staff_required");
  CHECK(refusal(json::array()) == "teachers:required");
}

TEST_CASE("what changed in a centre's basic data is listed by field", "[lec]") {
  auto a = parse_centre_profile(valid()).value();
  auto b = a;
  CHECK(changed_fields(a, b).empty());
  b.carers = 4;
  b.capacity = 70;
  CHECK(changed_fields(a, b) == std::vector<std::string>{"carers", "capacity"});
}
