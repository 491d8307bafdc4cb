// The KPI store on a real SQLite file: the lifecycle through the store, the live summary
// rows against a recount, and refusals that change nothing.
#include <catch2/catch.hpp>

#include "server/kpi/kpi_store.hpp"
#include "server/notifications/notification_store.hpp"
#include "server/storage/migrations.hpp"
#include "tests/server/server_process.hpp"

using namespace server::kpi;
using domain::ReportStatus;

namespace {

domain::KpiDefinition half_year_kpi() {
  return domain::parse_kpi_definition({{"year", 2567},
                                       {"number", "1"},
                                       {"name", "ระดับความสำเร็จในการบริหารจัดการภาครัฐ"},
                                       {"type", "score_1_5"},
                                       {"criteria", {2, 3, 4, 5}},
                                       {"cadence", "half_year"},
                                       {"open_periods", {"h1", "h2"}},
                                       {"status", "open"}})
      .value();
}
domain::Period h1() { return domain::parse_period("h1").value(); }

template <class T>
const T& ok(const Result<T>& r) {
  if (refused(r)) FAIL(std::get<Refusal>(r).error.code);
  return std::get<T>(r);
}
template <class T>
std::string refusal(const Result<T>& r) {
  REQUIRE(refused(r));
  return std::to_string(std::get<Refusal>(r).status) + " " + std::get<Refusal>(r).error.code;
}

struct Fixture {
  test_server::TempDir dir;
  server::storage::ConnectionPool pool{dir / "kpi.db"};
  KpiStore store{pool};
  Fixture() {
    auto db = pool.acquire();
    server::storage::migrate(*db);
  }
  void upload(const std::string& id, const std::string& org) {
    store.add_file({id, std::string(64, 'a'), id + ".jpg", "image/jpeg", org, 10, 1});
  }
  // The summary row must equal a recount of the unit rows after every write.
  void check_summary(const StoredKpi& k) {
    const auto live = store.counts(k.id, h1());
    const auto recount = domain::summarise(store.unit_reports(k.id, h1()));
    CHECK(live.submitted == recount.submitted);
    CHECK(live.reviewed == recount.reviewed);
    CHECK(live.total == recount.total);
    CHECK(live.avg_self() == recount.avg_self());
    CHECK(live.avg_review() == recount.avg_review());
  }
};

}  // namespace

TEST_CASE("KPI store: assign, draft, confirm, review; the summary follows every write", "[server][kpi]") {
  Fixture f;
  const StoredKpi k = ok(f.store.create("1040000001", half_year_kpi()));
  CHECK(refusal(f.store.create("1040000001", half_year_kpi())) == "409 kpi_number_taken");
  ok(f.store.assign_units(k, h1(), {"1040010001", "1040010002", "1010720001"}));
  CHECK(f.store.counts(k.id, h1()).total == 3);
  f.check_summary(k);

  const Actor school{10, "ครูสมศรี"}, reviewer{20, "ศน.สมชาย"};
  f.upload("file-a", "1040010001");
  f.upload("file-b", "1040010001");
  f.upload("file-other", "1040010002");
  domain::ReportDraft draft{4.0, {{"file-a", "ภาพกิจกรรม"}, {"file-b", "รายงานผล"}}};
  CHECK(refusal(f.store.confirm(k, h1(), "1040010001", school)) == "409 report_not_started");
  ok(f.store.save_draft(k, h1(), "1040010001", draft, school));
  domain::ReportDraft foreign{4.0, {{"file-other", "ของโรงเรียนอื่น"}}};
  CHECK(refusal(f.store.save_draft(k, h1(), "1040010001", foreign, school)) == "400 file_not_found");
  CHECK(f.store.report(k.id, h1(), "1040010001")->files.size() == 2);
  f.check_summary(k);

  ok(f.store.confirm(k, h1(), "1040010001", school));
  CHECK(refusal(f.store.confirm(k, h1(), "1040010001", school)) == "409 report_already_confirmed");
  f.check_summary(k);
  CHECK(f.store.counts(k.id, h1()).submitted == 1);
  CHECK(f.store.review_queue({k.id}).size() == 1);

  ok(f.store.review(k, h1(), "1040010001", {3, "ดี"}, reviewer));
  f.check_summary(k);
  auto c = f.store.counts(k.id, h1());
  CHECK(c.submitted == 1);
  CHECK(c.reviewed == 1);
  CHECK(c.total == 3);
  CHECK(c.avg_self() == 4.0);
  CHECK(c.avg_review() == 3.0);
  const auto r = *f.store.report(k.id, h1(), "1040010001");
  CHECK(r.unit.reporter == "ครูสมศรี");
  CHECK(r.unit.reviewer == "ศน.สมชาย");
  CHECK(server::notifications::list(*f.pool.acquire(), {"1040010001"}, 10).size() == 1);
  CHECK(server::notifications::list(*f.pool.acquire(), {"1040000001"}, 10).size() == 1);

  // A reviewed report cannot be changed by the school; removing its unit is refused.
  CHECK(refusal(f.store.save_draft(k, h1(), "1040010001", draft, school)) == "409 report_already_reviewed");
  CHECK(refusal(f.store.assign_units(k, h1(), {"1040010002"})) == "409 unit_has_reported");
  CHECK(f.store.units(k.id, h1()).size() == 3);

  // Units that have not reported can go.
  ok(f.store.assign_units(k, h1(), {"1040010001"}));
  CHECK(f.store.counts(k.id, h1()).total == 1);
  f.check_summary(k);

  ok(f.store.cancel_review(k, h1(), "1040010001", reviewer));
  f.check_summary(k);
  CHECK(f.store.counts(k.id, h1()).reviewed == 0);
  ok(f.store.return_report(k, h1(), "1040010001", "ขาดภาพถ่าย", reviewer));
  f.check_summary(k);
  CHECK(f.store.counts(k.id, h1()).submitted == 0);
  CHECK(f.store.report(k.id, h1(), "1040010001")->return_reason == "ขาดภาพถ่าย");
  CHECK(f.store.comments(k.id, h1(), "1040010001").size() == 3);  // review, cancel, return
}

TEST_CASE("KPI store: closed KPIs and periods, unassigned units and copying a year", "[server][kpi]") {
  Fixture f;
  auto def = half_year_kpi();
  def.open_periods = {domain::parse_period("h2").value()};
  const StoredKpi k = ok(f.store.create("1040000001", def));
  ok(f.store.assign_units(k, h1(), {"1040010001"}));
  const Actor school{10, "ครู"};
  CHECK(refusal(f.store.save_draft(k, h1(), "1040010001", {4.0, {}}, school)) == "409 period_closed");
  StoredKpi open = k;
  open.definition.open_periods = {h1()};
  CHECK(refusal(f.store.save_draft(open, h1(), "1040010002", {4.0, {}}, school)) == "409 unit_not_assigned");
  StoredKpi closed = open;
  closed.definition.status = domain::KpiStatus::closed;
  CHECK(refusal(f.store.save_draft(closed, h1(), "1040010001", {4.0, {}}, school)) == "409 kpi_closed");
  CHECK(f.store.report(k.id, h1(), "1040010001")->unit.status == ReportStatus::waiting_submit);

  auto changed = def;
  changed.cadence = domain::Cadence::monthly;
  changed.open_periods = {};
  CHECK(refusal(f.store.update(k.id, changed)) == "409 kpi_cadence_locked");

  const auto copied = f.store.copy_year("1040000001", 2567);
  REQUIRE(copied.size() == 1);
  CHECK(copied[0].definition.year == 2568);
  CHECK(f.store.list(2568).size() == 1);
  CHECK(f.store.copy_year("1040000001", 2567).empty());  // numbers already there are skipped
}
