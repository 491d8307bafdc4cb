#include <catch2/catch.hpp>

#include "shared/kpi/kpi_definition.hpp"

using namespace domain;
using nlohmann::json;

namespace {
json valid_body() {
  return {{"year", 2567},
          {"number", "1"},
          {"name", "ระดับความสำเร็จในการดำเนินงานตามแนวทางบริหารจัดการภาครัฐ"},
          {"description", "ดำเนินงานตามคู่มือ"},
          {"type", "score_1_5"},
          {"criteria", {2, 3, 4, 5}},
          {"owner_group", "กลุ่มนโยบายและแผน"},
          {"cadence", "half_year"},
          {"open_periods", {"h2", "h1"}},
          {"status", "open"}};
}
std::string error_field(const json& body) {
  auto k = parse_kpi_definition(body);
  REQUIRE_FALSE(k.ok());
  CHECK_FALSE(k.error().message_th.empty());
  CHECK_FALSE(k.error().message_en.empty());
  return k.error().field + ":" + k.error().code;
}
}  // namespace

TEST_CASE("a valid KPI definition is read and written back in cadence order", "[kpi]") {
  auto k = parse_kpi_definition(valid_body());
  REQUIRE(k.ok());
  CHECK(k.value().year == 2567);
  CHECK(k.value().type == KpiType::score_1_5);
  CHECK(k.value().cadence == Cadence::half_year);
  REQUIRE(k.value().open_periods.size() == 2);
  CHECK(period_id(k.value().open_periods[0]) == "h1");
  CHECK(k.value().is_open(parse_period("h2").value()));
  json back = k.value();
  CHECK(back["open_periods"] == json({"h1", "h2"}));
  CHECK(back["criteria"] == json({2.0, 3.0, 4.0, 5.0}));
  CHECK(back["type"] == "score_1_5");
}

TEST_CASE("each bad KPI field is named", "[kpi]") {
  auto with = [](const char* key, json value) {
    json b = valid_body();
    if (value.is_discarded()) b.erase(key); else b[key] = value;
    return b;
  };
  CHECK(error_field(with("year", json::value_t::discarded)) == "year:fiscal_year_required");
  CHECK(error_field(with("year", 2024)) == "year:fiscal_year_range");
  CHECK(error_field(with("number", "  ")) == "number:required");
  CHECK(error_field(with("name", std::string(501, 'a'))) == "name:text_too_long");
  CHECK(error_field(with("type", "stars")) == "type:kpi_type_invalid");
  CHECK(error_field(with("type", json::value_t::discarded)) == "type:type_required");
  CHECK(error_field(with("criteria", {2, 6})) == "criteria[1]:criteria_range");
  CHECK(error_field(with("criteria", {3, 2})) == "criteria[1]:criteria_order");
  CHECK(error_field(with("criteria", "2,3")) == "criteria:criteria_format");
  CHECK(error_field(with("cadence", "weekly")) == "cadence:cadence_invalid");
  CHECK(error_field(with("open_periods", {"h1", "m01"})) == "open_periods[1]:period_not_in_cadence");
  CHECK(error_field(with("open_periods", {"h1", "h1"})) == "open_periods[1]:period_duplicate");
  CHECK(error_field(with("open_periods", {"H1"})) == "open_periods[0]:period_invalid");
  CHECK(error_field(with("status", "paused")) == "status:kpi_status_invalid");
  CHECK(error_field(json::array()) == ":body_format");
}

TEST_CASE("percentage KPIs take criteria and scores from 0 to 100", "[kpi]") {
  json b = valid_body();
  b["type"] = "percentage";
  b["criteria"] = {50, 70, 90};
  b["cadence"] = "monthly";
  b["open_periods"] = {"m01", "m12"};
  auto k = parse_kpi_definition(b);
  REQUIRE(k.ok());
  CHECK(check_score(KpiType::percentage, 0, "s").ok());
  CHECK(check_score(KpiType::percentage, 100, "s").ok());
  CHECK(check_score(KpiType::percentage, 100.5, "s").error().code == "score_range");
}

TEST_CASE("a closed KPI or a period that is not open takes no reports", "[kpi]") {
  KpiDefinition k = parse_kpi_definition(valid_body()).value();
  k.open_periods = {parse_period("h1").value()};
  CHECK(k.is_open(parse_period("h1").value()));
  CHECK_FALSE(k.is_open(parse_period("h2").value()));
  k.status = KpiStatus::closed;
  CHECK_FALSE(k.is_open(parse_period("h1").value()));
}

TEST_CASE("scores stay within the type's range", "[kpi]") {
  CHECK(check_score(KpiType::score_1_5, 1, "self_score").value() == 1);
  CHECK(check_score(KpiType::score_1_5, 4.25, "self_score").value() == 4.25);
  CHECK(check_score(KpiType::score_1_5, "๔", "self_score").value() == 4);
  CHECK(check_score(KpiType::score_1_5, 0.99, "self_score").error().code == "score_range");
  CHECK(check_score(KpiType::score_1_5, 6, "self_score").error().code == "score_range");
  CHECK(check_score(KpiType::score_1_5, 6, "self_score").error().field == "self_score");
  CHECK(check_score(KpiType::score_1_5, "four", "score").error().code == "score_format");
  CHECK(check_score(KpiType::score_1_5, json(), "score").error().code == "score_required");
  CHECK(check_score(KpiType::score_1_5, json::array(), "score").error().code == "score_format");
}

TEST_CASE("copying a KPI to the next year reopens it", "[kpi]") {
  KpiDefinition k = parse_kpi_definition(valid_body()).value();
  k.status = KpiStatus::closed;
  const KpiDefinition next = copied_to_next_year(k);
  CHECK(next.year == 2568);
  CHECK(next.status == KpiStatus::open);
  CHECK(next.name == k.name);
  CHECK(next.open_periods == k.open_periods);
}

TEST_CASE("a form learns every field's problem at once, the first being the server's", "[kpi]") {
  CHECK(kpi_definition_problems(valid_body()).empty());
  json b = valid_body();
  b["name"] = "";
  b["criteria"] = {2, 3, 4, 6};
  b["open_periods"] = {"q1"};
  const auto problems = kpi_definition_problems(b);
  REQUIRE(problems.size() == 3);
  CHECK(problems[0].field == "name");
  CHECK(problems[0].code == "required");
  CHECK(problems[1].field == "criteria[3]");
  CHECK(problems[1].code == "criteria_range");
  CHECK(problems[2].field == "open_periods[0]");
  CHECK(problems[2].code == "period_not_in_cadence");
  CHECK(error_field(b) == "name:required");  // parse_kpi_definition: the first only

  // A bad type or cadence: its dependants are not judged against it.
  json t = valid_body();
  t["type"] = "stars";
  t["cadence"] = json();
  const auto p2 = kpi_definition_problems(t);
  REQUIRE(p2.size() == 2);
  CHECK(p2[0].code == "kpi_type_invalid");
  CHECK(p2[1].code == "cadence_required");
}

TEST_CASE("criteria are read as typed: commas, arrows, brackets, Thai digits", "[kpi]") {
  const std::vector<double> levels{2, 3, 4, 5};
  CHECK(parse_criteria_text("2, 3, 4, 5").value() == levels);
  CHECK(parse_criteria_text("[2] → [3] → [4] → [5]").value() == levels);
  CHECK(parse_criteria_text("2->3->4->5").value() == levels);
  CHECK(parse_criteria_text("๒ ๓ ๔ ๕").value() == levels);
  CHECK(parse_criteria_text("50, 72.5").value() == std::vector<double>{50, 72.5});
  CHECK(parse_criteria_text("-1, 2").value() == std::vector<double>{-1, 2});
  CHECK(parse_criteria_text("").value().empty());
  const auto bad = parse_criteria_text("2, three");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().code == "criteria_format");
  CHECK(bad.error().field == "criteria");
  CHECK_FALSE(bad.error().message_th.empty());
  CHECK(parse_criteria_text("1.2.3").error().code == "criteria_format");
  CHECK(criteria_text(levels) == "2, 3, 4, 5");
  CHECK(criteria_text({50, 72.5}) == "50, 72.5");
  CHECK(parse_criteria_text(criteria_text({1.5, 4})).value() == std::vector<double>{1.5, 4});
}
