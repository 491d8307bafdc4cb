#include <catch2/catch.hpp>

#include "shared/core/text.hpp"
#include "shared/lec/confirmation.hpp"

using namespace domain;

namespace {
// The demo chain of สมุทรปราการ, and สพฐ. beside it (its schools only ever appear as funded).
const OrgTree& tree() {
  static const OrgTree t = OrgTree::build({
                                              {"5000000000", "", "department", "กรมส่งเสริมการปกครองท้องถิ่น"},
                                              {"5011000000", "5000000000", "province", "สถจ.สมุทรปราการ"},
                                              {"5011011100", "5011000000", "local_government", "เทศบาลตำบลบางโปรง"},
                                              {"5011040500", "5011000000", "local_government", "เทศบาลเมืองบางหญ้าแพรก"},
                                              {"5110111001", "5011011100", "institution", "ศพด.วัดศรีสุทธาราม"},
                                              {"5110405001", "5011040500", "institution", "ศพด.วัดบ้านไร่"},
                                              {"5110405002", "5011040500", "institution", "โรงเรียนเทศบาล 3"},
                                              {"1000000000", "", "department", "สพฐ."},
                                              {"1011000000", "1000000000", "area_office", "สพป.สมุทรปราการ เขต 1"},
                                              {"1011050001", "1011000000", "institution", "โรงเรียนวัดบางพลีใหญ่"},
                                          })
                                 .value();
  return t;
}
RoundState confirmed(std::initializer_list<const char*> codes) {
  RoundState s;
  for (const char* c : codes) s.confirmed.insert(c);
  return s;
}
std::vector<std::string> v(std::initializer_list<const char*> codes) { return {codes.begin(), codes.end()}; }
}  // namespace

TEST_CASE("who takes part in the round", "[lec][confirmation]") {
  CHECK(round_roots(tree()) == v({"5000000000"}));
  for (const char* c : {"5000000000", "5011000000", "5011040500", "5110405002"}) CHECK(takes_part(tree(), c));
  for (const char* c : {"1000000000", "1011000000", "1011050001", "9999999999"}) CHECK_FALSE(takes_part(tree(), c));
}

TEST_CASE("each confirmation waits for the nodes directly below", "[lec][confirmation]") {
  struct Row {
    std::initializer_list<const char*> confirmed;
    const char* code;
    const char* error;  // "" = may confirm
    std::vector<std::string> blocked_by;
  };
  const Row table[] = {
      {{}, "5110405002", "", {}},  // an institution has nothing below
      {{}, "5011040500", "confirmation_blocked", v({"5110405001", "5110405002"})},
      {{"5110405001"}, "5011040500", "confirmation_blocked", v({"5110405002"})},
      {{"5110405001", "5110405002"}, "5011040500", "", {}},
      {{"5110405001", "5110405002", "5011040500"}, "5011000000", "confirmation_blocked", v({"5011011100"})},
      {{"5110111001", "5011011100", "5110405001", "5110405002", "5011040500"}, "5011000000", "", {}},
      {{"5011000000"}, "5000000000", "", {}},
      {{}, "5000000000", "confirmation_blocked", v({"5011000000"})},
      {{"5110405002"}, "5110405002", "confirmation_exists", {}},
      {{}, "1011050001", "confirmation_not_in_round", {}},
      {{}, "1011000000", "confirmation_not_in_round", {}},
  };
  for (const auto& r : table) {
    CAPTURE(r.code);
    RoundState s = confirmed(r.confirmed);
    CHECK(blockers(tree(), s, r.code) == r.blocked_by);
    auto e = check_confirm(tree(), s, r.code);
    if (std::string(r.error).empty()) {
      CHECK_FALSE(e);
      CHECK(node_state(tree(), s, r.code) == NodeState::ready);
    } else {
      REQUIRE(e);
      CHECK(e->code == r.error);
    }
  }
}

TEST_CASE("an LGO also waits for its funded schools' counts", "[lec][confirmation]") {
  RoundState s = confirmed({"5110405001", "5110405002"});
  s.funded_missing["5011040500"] = v({"1011050001"});
  CHECK(blockers(tree(), s, "5011040500") == v({"1011050001"}));
  CHECK(check_confirm(tree(), s, "5011040500")->code == "confirmation_blocked");
  CHECK(node_state(tree(), s, "5011040500") == NodeState::blocked);
  s.funded_missing.erase("5011040500");
  CHECK_FALSE(check_confirm(tree(), s, "5011040500"));
}

TEST_CASE("a change voids the node and every confirmed ancestor, nearest first", "[lec][confirmation]") {
  const RoundState all = confirmed({"5110111001", "5011011100", "5110405001", "5110405002", "5011040500",
                                    "5011000000", "5000000000"});
  CHECK(voided_by_change(tree(), all, "5110405002") == v({"5110405002", "5011040500", "5011000000", "5000000000"}));
  // A withdrawal at the LGO voids those above: the caller passes the parent.
  CHECK(voided_by_change(tree(), all, "5011000000") == v({"5011000000", "5000000000"}));
  // Unconfirmed nodes in between are skipped.
  CHECK(voided_by_change(tree(), confirmed({"5110405001"}), "5110405002").empty());
  CHECK(voided_by_change(tree(), confirmed({"5011040500"}), "5110405002") == v({"5011040500"}));
  // The invariant: after applying the voids nothing above the change stands confirmed.
  RoundState s = all;
  for (const auto& c : voided_by_change(tree(), all, "5110405001")) s.confirmed.erase(c);
  for (const auto& up : tree().path_to_root("5110405001")) CHECK_FALSE(s.confirmed.contains(up));
  CHECK(s.confirmed.contains("5011011100"));
  CHECK(check_withdraw(all, "5011000000") == std::nullopt);
  CHECK(check_withdraw(RoundState{}, "5011000000")->code == "confirmation_missing");
}

TEST_CASE("who may confirm, and on whose behalf", "[lec][confirmation]") {
  const std::vector<Grant> lgo = {{Permission::view, "5011040500"}, {Permission::data_confirm, "5011040500"}};
  CHECK(may_confirm(lgo, tree(), "5011040500"));
  CHECK(may_confirm(lgo, tree(), "5110405001"));
  CHECK_FALSE(confirms_on_behalf(lgo, tree(), "5011040500"));
  CHECK(confirms_on_behalf(lgo, tree(), "5110405001"));  // a centre without its own officer
  CHECK_FALSE(may_confirm(lgo, tree(), "5011011100"));   // another LGO
  CHECK_FALSE(may_confirm(lgo, tree(), "5011000000"));   // above
  const std::vector<Grant> viewer = {{Permission::view, "5000000000"}, {Permission::children_edit, "5000000000"}};
  CHECK_FALSE(may_confirm(viewer, tree(), "5110405001"));
  CHECK_FALSE(confirms_on_behalf(viewer, tree(), "5110405001"));
}

TEST_CASE("progress counts the confirming nodes of a subtree", "[lec][confirmation]") {
  const RoundState s = confirmed({"5110405001", "5110405002", "5011040500", "5110111001"});
  CHECK(progress(tree(), s, "5011040500") == Progress{3, 3});
  CHECK(progress(tree(), s, "5011011100") == Progress{1, 2});
  CHECK(progress(tree(), s, "5011000000") == Progress{4, 6});
  CHECK(progress(tree(), s, "5000000000") == Progress{4, 7});
  CHECK(progress(tree(), s, "1000000000") == Progress{0, 0});
  CHECK(node_state(tree(), s, "5011011100") == NodeState::ready);
  CHECK(node_state(tree(), s, "5011000000") == NodeState::blocked);
  CHECK(label_th(NodeState::blocked) == "รอหน่วยงานในสังกัด");
  CHECK(to_string(NodeState::confirmed) == "confirmed");
}

TEST_CASE("progress of every node in one walk equals each node's own", "[lec][confirmation]") {
  for (const auto& state : {confirmed({}), confirmed({"5110405001", "5110405002"}),
                            confirmed({"5110111001", "5011011100", "5110405001", "5110405002", "5011040500", "5011000000"}),
                            confirmed({"5110111001", "5011011100", "5110405001", "5110405002", "5011040500", "5011000000",
                                       "5000000000"})}) {
    const auto all = progress_all(tree(), state);
    CHECK(all.size() == 7);  // the round only: สพฐ.'s nodes do not take part
    for (const auto& [code, p] : all) {
      INFO(code);
      CHECK(p == progress(tree(), state, code));
    }
    CHECK_FALSE(all.contains("1011000000"));
  }
  CHECK(progress_all(tree(), confirmed({"5110405001"})).at("5000000000") == Progress{1, 7});
}

TEST_CASE("deadlines: every level, in order, none in the past", "[lec][confirmation]") {
  const Date today{2026, 12, 1};
  const nlohmann::json good = {{"institution", "2026-12-15"}, {"local_government", "2026-12-22"},
                               {"province", "2026-12-29"}, {"department", "2027-01-05"}};
  auto d = parse_deadlines(good, today);
  REQUIRE(d.ok());
  CHECK(d.value().of(RoundLevel::province) == Date{2026, 12, 29});
  CHECK(round_level(OrgKind::local_government) == RoundLevel::local_government);
  CHECK_FALSE(round_level(OrgKind::area_office));
  CHECK(to_string(RoundLevel::local_government) == "local_government");
  const std::pair<nlohmann::json, std::pair<const char*, const char*>> bad[] = {
      {{{"institution", ""}}, {"deadline_required", "institution"}},
      {{{"province", "29/12/2569"}}, {"date_format", "province"}},
      {{{"department", "2027-02-30"}}, {"date_invalid", "department"}},
      {{{"institution", "2026-11-30"}}, {"deadline_past", "institution"}},
      {{{"province", "2026-12-20"}}, {"deadline_order", "province"}},
  };
  for (const auto& [patch, expected] : bad) {
    nlohmann::json body = good;
    for (auto& [k, val] : patch.items()) body[k] = val;
    CAPTURE(body.dump());
    auto r = parse_deadlines(body, today);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == expected.first);
    CHECK(r.error().field == expected.second);
  }
  CHECK(days_left({2026, 12, 15}, today) == 14);
  CHECK(days_left(today, today) == 0);
  CHECK(days_left({2026, 11, 28}, today) == -3);
  CHECK(days_left_th(12) == "เหลือ 12 วัน");
  CHECK(days_left_th(0) == "วันสุดท้าย");
  CHECK(days_left_th(-3) == "เลยกำหนด 3 วัน");
  CHECK(days_left_en(12) == "12 days left");
  CHECK(days_left_en(-3) == "3 days late");
}

TEST_CASE("what changed, told to the confirmers", "[lec][confirmation]") {
  DataChange c{"5110405002", "โรงเรียนเทศบาล 3", "child_removed", {}, {}};
  c.before[Level::p1] = 25;
  c.after[Level::p1] = 24;
  c.before[Level::p2] = 30;
  c.after[Level::p2] = 30;
  CHECK(change_summary_th(c) == "โรงเรียนเทศบาล 3: ป.1 25 → 24");
  CHECK(change_summary_en(c) == "โรงเรียนเทศบาล 3 (5110405002): p1 25 → 24");
  c.after = c.before;
  CHECK(change_summary_en(c).find("no change in counts") != std::string::npos);
  const std::string sms = voided_sms("เทศบาลเมืองบางหญ้าแพรก", c);
  CHECK(sms.find("เทศบาลเมืองบางหญ้าแพรก") != std::string::npos);
  CHECK(utf8_length(sms) < 300);
  DataChange big{"5110405002", std::string(200, 'x'), "import", {}, {}};
  for (const auto& l : levels()) big.after[l.level] = 1000;
  CHECK(utf8_length(voided_sms(std::string(100, 'y'), big)) < 300);
}
