// Local education data replies as typed values (shared/lec/lec_wire): what the screens
// draw. Replies are shaped as api.md writes them; wrong shapes are errors, not crashes.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "shared/lec/lec_wire.hpp"
#include "wasm/app/notifications.hpp"
#include "wasm/app/route.hpp"

using nlohmann::json;
using namespace domain;
using namespace domain::lec_wire;

TEST_CASE("children rows: levels, sex, B.E.-ready dates, removed with a reason", "[lec]") {
  const json reply = json::parse(R"([
    {"id":7,"id_kind":"national_id","id_masked":"1-1037-xxxxx-xx-1","title":"ด.ช.","first_name":"สมชาย",
     "last_name":"ใจดี","sex":"m","birth_date":"2019-03-04","level":"k3","room":"1","status":"attending",
     "removed_reason":null,"updated_at":"2026-06-01T08:00:00Z"},
    {"id":8,"id_kind":"g_code","id_masked":"G-1234-xxxxx-xx-1","title":"ด.ญ.","first_name":"มานี",
     "last_name":"มีนา","sex":"f","birth_date":"2018-12-01","level":"p1","room":"","status":"removed",
     "removed_reason":"never_attended","updated_at":"2026-06-02T08:00:00Z"}])");
  auto rows = parse_children(reply);
  REQUIRE(rows.ok());
  REQUIRE(rows.value().size() == 2);
  const ChildRow& a = rows.value()[0];
  CHECK(a.id == 7);
  CHECK(a.level == Level::k3);
  CHECK(a.sex == Sex::m);
  REQUIRE(a.birth_date);
  CHECK(format_be_date(*a.birth_date) == "04/03/2562");
  CHECK(a.full_name() == "ด.ช. สมชาย ใจดี");
  CHECK_FALSE(a.removed);
  const ChildRow& b = rows.value()[1];
  CHECK(b.id_kind == ChildIdKind::g_code);
  CHECK(b.sex == Sex::f);
  CHECK(b.removed);
  REQUIRE(b.removed_reason);
  CHECK(*b.removed_reason == RemovalReason::never_attended);
  // The edit form starts from the row; the ID is the user's to type (only the mask is known).
  const json body = a.form_body();
  CHECK(body["level"] == "k3");
  CHECK(body["birth_date"] == "2019-03-04");
  CHECK(body["id_number"] == "");
}

TEST_CASE("a children reply of the wrong shape is an unexpected_reply error", "[lec]") {
  CHECK(parse_children(json::object()).error().code == "unexpected_reply");
  CHECK(parse_children(json::array({{{"id", 1}, {"level", "x9"}}})).error().code == "unexpected_reply");
  CHECK(parse_children(json::array({42})).error().code == "unexpected_reply");
  CHECK(parse_children(json::array()).value().empty());
}

TEST_CASE("progress: the node, each node below with done/total, state, deadline, blockers and counts", "[lec]") {
  const json reply = json::parse(R"({
    "org_code":"6010000000","name_th":"สถจ.ตัวอย่าง","kind":"province","confirmed":false,
    "confirmed_at":null,"confirmed_by":null,"deadline":"2026-07-15","days_left":12,"state":"blocked",
    "blocked_by":[{"code":"6010100000","name_th":"เทศบาลเมือง"}],
    "counts":{"levels":{"k1":10,"p1":25,"m1":3},"total":38,"lunch":35,"milk":35},
    "below":[
      {"code":"6010100000","name_th":"เทศบาลเมือง","kind":"local_government","confirmed":false,
       "deadline":"2026-07-01","days_left":-2,"done":2,"total":4,"state":"blocked",
       "blocked_by":[{"code":"1060100001","name_th":"โรงเรียนเทศบาล 1"}],"counts":{"levels":{"p1":25},"total":25,"lunch":25,"milk":25}},
      {"code":"6010200000","name_th":"อบต.ตัวอย่าง","kind":"local_government","confirmed":true,
       "confirmed_at":"2026-06-20T10:00:00Z","done":3,"total":3,"counts":{"levels":{"k1":10},"total":10,"lunch":10,"milk":10}}
    ]})");
  auto p = parse_progress(reply);
  REQUIRE(p.ok());
  const auto& n = p.value().node;
  CHECK(n.code == "6010000000");
  CHECK(n.kind == OrgKind::province);
  CHECK(n.state == NodeState::blocked);
  REQUIRE(n.deadline);
  CHECK(to_iso(*n.deadline) == "2026-07-15");
  CHECK(n.days_left == 12);
  CHECK(n.counts.levels[Level::p1] == 25);
  CHECK(n.counts.levels[Level::m1] == 3);
  CHECK(n.counts.total == 38);
  CHECK(n.counts.lunch == 35);
  CHECK(n.blocked_by == std::vector<OrgRef>{{"6010100000", "เทศบาลเมือง"}});
  REQUIRE(p.value().below.size() == 2);
  const auto& lgo = p.value().below[0];
  CHECK(lgo.done == 2);
  CHECK(lgo.total == 4);
  CHECK(lgo.days_left == -2);
  CHECK(lgo.blocked_by.size() == 1);
  // Without "state" the other fields tell it.
  CHECK(p.value().below[1].state == NodeState::confirmed);
  CHECK(parse_progress(json::array()).error().code == "unexpected_reply");
}

TEST_CASE("funded schools with counts, closed, and those still missing", "[lec]") {
  const json reply = json::parse(R"([
    {"code":"1060000001","name_th":"โรงเรียนบ้านนา","counts":{"k1":5,"k2":6,"p6":20},"closed":false,"state":"recorded"},
    {"code":"1060000002","name_th":"โรงเรียนบ้านป่า","counts":null,"closed":false,"state":"missing"},
    {"code":"1060000003","name_th":"โรงเรียนปิด","counts":{"levels":{},"total":0},"closed":true,"state":"recorded"}])");
  auto s = parse_funded_schools(reply);
  REQUIRE(s.ok());
  REQUIRE(s.value().size() == 3);
  CHECK(s.value()[0].recorded);
  CHECK(s.value()[0].counts[Level::p6] == 20);
  CHECK(s.value()[0].counts.total() == 31);
  CHECK_FALSE(s.value()[1].recorded);
  CHECK(s.value()[2].closed);
  CHECK(s.value()[2].counts.total() == 0);
  CHECK(parse_funded_schools({{"schools", reply}}).value().size() == 3);
  CHECK_FALSE(parse_funded_schools("x").ok());
}

TEST_CASE("import results keep every row's error by row and field", "[lec]") {
  const json reply = json::parse(R"({"added":0,"updated":0,"unchanged":0,"errors":[
    {"row":3,"field":"id_number","code":"national_id_checksum","message_th":"เลขไม่ถูกต้อง","message_en":"Bad checksum"},
    {"row":5,"field":"birth_date","code":"date_format","message_th":"วันที่ผิด","message_en":"Bad date"}]})");
  auto r = parse_import_result(reply);
  REQUIRE(r.ok());
  REQUIRE(r.value().errors.size() == 2);
  CHECK(r.value().errors[0].row == 3);
  CHECK(r.value().errors[0].error.field == "id_number");
  CHECK(r.value().errors[0].error.code == "national_id_checksum");
  CHECK(r.value().errors[1].error.message_en == "Bad date");
  auto ok = parse_import_result({{"added", 12}, {"updated", 1}, {"unchanged", 30}, {"errors", json::array()}});
  CHECK(ok.value().added == 12);
  CHECK(ok.value().errors.empty());
}

TEST_CASE("voided lists, the 409's blocked_by and the institution a child attends", "[lec]") {
  CHECK(voided_of({{"id", 3}, {"voided", {{{"code", "A"}, {"name_th", "ก"}}, {{"code", "B"}, {"name_th", "ข"}}}}}).size() == 2);
  CHECK(voided_of({{"id", 3}}).empty());
  const json blocked = {{"error", {{"code", "confirmation_blocked"}}}, {"blocked_by", {{{"code", "X"}, {"name_th", "ค"}}}}};
  CHECK(blocked_by_of(blocked) == std::vector<OrgRef>{{"X", "ค"}});
  const json inside = {{"error", {{"code", "confirmation_blocked"}, {"blocked_by", {{{"code", "Y"}, {"name_th", "ง"}}}}}}};
  CHECK(blocked_by_of(inside).at(0).code == "Y");
  const json elsewhere = {{"error", {{"code", "child_enrolled_elsewhere"},
                                     {"institution", {{"code", "1060100002"}, {"name_th", "โรงเรียนเทศบาล 2"}}}}}};
  REQUIRE(enrolled_at_of(elsewhere));
  CHECK(enrolled_at_of(elsewhere)->name_th == "โรงเรียนเทศบาล 2");
  CHECK_FALSE(enrolled_at_of({{"error", {{"code", "x"}}}}));
}

TEST_CASE("deadlines by level", "[lec]") {
  auto d = parse_deadline_dates({{"institution", "2026-06-30"}, {"local_government", "2026-07-10"},
                                 {"province", "2026-07-20"}, {"department", "2026-07-31"}});
  REQUIRE(d.of(RoundLevel::province));
  CHECK(to_iso(*d.of(RoundLevel::province)) == "2026-07-20");
  CHECK_FALSE(parse_deadline_dates(json::object()).institution);
}

TEST_CASE("a notification of a voided confirmation opens its LEC screen", "[lec]") {
  CHECK(app::Notifications::route_of({{"kind", "lec_voided"}, {"link", "#/lec/2569/progress/6010100000"}}) ==
        "#/lec/2569/progress/6010100000");
  CHECK(app::Notifications::route_of({{"kind", "lec_voided"}, {"link", "#/lec/org/6010100000?year=2569"}}) ==
        "#/lec/org/6010100000?year=2569");
}
