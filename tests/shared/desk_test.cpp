// The desk's rules: which kinds of work each set of grants offers, the counts and closing
// days said in words, and the wire read back as the client reads it.
#include <catch2/catch.hpp>

#include "shared/desk/desk.hpp"

using namespace domain;

namespace {

std::vector<std::string> ids(const std::vector<DeskKind>& kinds) {
  std::vector<std::string> out;
  for (auto k : kinds) out.emplace_back(to_string(k));
  return out;
}

}  // namespace

TEST_CASE("desk: each permission offers its kinds of work, in desk order, and nothing else", "[desk]") {
  using P = Permission;
  CHECK(desk_for({}).empty());
  CHECK(desk_for({{P::view, "1040000001"}}).empty());
  CHECK(ids(desk_for({{P::report_submit, "1010720001"}, {P::view, "1010720001"}})) == std::vector<std::string>{"kpi_report"});
  CHECK(ids(desk_for({{P::users_manage, "1040000001"}})) ==
        std::vector<std::string>{"access_requests", "users", "audit"});
  CHECK(ids(desk_for({{P::report_review, "1040000001"}, {P::registrations_review, "1040000001"}})) ==
        std::vector<std::string>{"registrations_review", "kpi_review"});
  // Either LEC permission offers the confirmation card, once.
  CHECK(ids(desk_for({{P::children_edit, "5110405002"}})) == std::vector<std::string>{"lec_confirm"});
  CHECK(ids(desk_for({{P::children_edit, "5011040500"}, {P::data_confirm, "5011040500"}})) ==
        std::vector<std::string>{"lec_confirm"});
  CHECK(ids(desk_for({{P::kpi_manage, "1040000001"}})) == std::vector<std::string>{"kpi_manage"});
  for (const auto& k : desk_kinds()) {
    CHECK(parse_desk_kind(k.id).value() == k.kind);
    CHECK_FALSE(k.title_th.empty());
    CHECK_FALSE(k.title_en.empty());
    CHECK(k.route.substr(0, 2) == "#/");
    CHECK(k.counted == !k.waiting_th.empty());
  }
  CHECK(parse_desk_kind("coffee").error().code == "desk_kind_unknown");
}

TEST_CASE("desk: counts and closing days in words", "[desk]") {
  CHECK(count_text_th(DeskKind::registrations_review, 3) == "3 รายการรอตรวจ");
  CHECK(count_text_en(DeskKind::registrations_review, 3) == "3 waiting for review");
  CHECK(count_text_th(DeskKind::kpi_report, 0) == "ไม่มีงานค้าง");
  CHECK(count_text_en(DeskKind::kpi_report, 0) == "nothing waiting");
  CHECK(count_text_en(DeskKind::kpi_report, 2) == "2 to send");

  CHECK_FALSE(nearest_closing({}));
  CHECK(nearest_closing({30, 5, 12}) == 5);
  CHECK(nearest_closing({-3, 40, 0}) == 0);      // the last day today comes first
  CHECK(nearest_closing({-30, -2, -9}) == -2);   // all passed: the latest passed

  CHECK(unit_must_send(ReportStatus::waiting_submit));
  CHECK(unit_must_send(ReportStatus::draft));
  CHECK(unit_must_send(ReportStatus::returned));
  CHECK_FALSE(unit_must_send(ReportStatus::waiting_review));
  CHECK_FALSE(unit_must_send(ReportStatus::reviewed));
  // Fiscal 2570 ends on 30 Sep 2027; h1 of it on 31 Mar 2027.
  CHECK(period_days_left(parse_period("once").value(), 2570, {2027, 9, 28}) == 2);
  CHECK(period_days_left(parse_period("h1").value(), 2570, {2027, 4, 2}) == -2);
  CHECK(period_days_left(parse_period("m01").value(), 2570, {2026, 10, 31}) == 0);
}

TEST_CASE("desk: the wire form and the client's reading of it", "[desk]") {
  const std::vector<DeskEntry> entries = {
      {DeskKind::kpi_review, 3, std::nullopt}, {DeskKind::kpi_report, 2, -4}, {DeskKind::audit, std::nullopt, std::nullopt}};
  const auto wire = desk_json(entries);
  CHECK(wire.dump() ==
        R"({"entries":[{"count":3,"kind":"kpi_review"},{"count":2,"days_left":-4,"kind":"kpi_report"},{"kind":"audit"}]})");
  CHECK(parse_desk(wire).value() == entries);

  // A kind this build does not know is skipped; a malformed entry names where it is.
  auto newer = wire;
  newer["entries"].push_back({{"kind", "something_new"}, {"count", 1}});
  CHECK(parse_desk(newer).value().size() == 3);
  CHECK(parse_desk(nlohmann::json::array()).error().field == "entries");
  CHECK(parse_desk({{"entries", {{{"kind", 5}}}}}).error().field == "entries[0].kind");
  CHECK(parse_desk({{"entries", {{{"kind", "audit"}, {"count", "3"}}}}}).error().field == "entries[0].count");
  CHECK(parse_desk({{"entries", {{{"kind", "audit"}, {"days_left", 1.5}}}}}).error().code == "desk_format");
}
