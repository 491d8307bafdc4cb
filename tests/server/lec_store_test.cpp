// LecStore on a real SQLite file: the bulk apply_children the import uses (one transaction,
// all or nothing), live counts against a recount, voiding, sealed IDs.
#include <catch2/catch.hpp>

#include "server/lec/lec_demo.hpp"
#include "server/lec/lec_store.hpp"
#include "server/storage/migrations.hpp"
#include "tests/server/sign_in_helpers.hpp"

using namespace server::lec;

namespace {

const domain::OrgTree& tree() {
  static const domain::OrgTree t = domain::OrgTree::build({
                                                              {"5000000000", "", "department", "กรมส่งเสริมการปกครองท้องถิ่น"},
                                                              {"5011000000", "5000000000", "province", "สถจ.สมุทรปราการ"},
                                                              {"5011040500", "5011000000", "local_government", "ทม.บางหญ้าแพรก"},
                                                              {"5110405001", "5011040500", "institution", "ศพด.วัดบ้านไร่"},
                                                              {"5110405002", "5011040500", "institution", "โรงเรียนเทศบาล 3"},
                                                          })
                                       .value();
  return t;
}

domain::ChildInput kid(std::int64_t seed, domain::Level level, std::string first = "ภูมิใจ") {
  return {domain::parse_child_id(demo_national_id(seed)).value(), "ด.ช.", std::move(first), "ใจดี", domain::Sex::m,
          domain::Date{2018, 9, 1}, level, ""};
}

struct Fixture {
  test_server::TempDir dir;
  server::storage::ConnectionPool pool{dir / "lec.db"};
  LecStore store{pool, tree(), server::auth::DerivedKeys(server::auth::SecretKey{7}, 5, "lec-hash", 6, "lec-seal")};
  const Actor actor{1, "ครูทดสอบ"};
  Fixture() {
    auto db = pool.acquire();
    server::storage::migrate(*db);
  }
  std::int64_t count(const std::string& sql) { return test_server::query_int(dir / "lec.db", sql); }
};

}  // namespace

TEST_CASE("apply_children: added, updated, unchanged in one transaction; counts live", "[server][lec][store]") {
  Fixture f;
  using L = domain::Level;
  auto first = f.store.apply_children(2569, "5110405002", {kid(1, L::p1), kid(2, L::p1), kid(3, L::p2)}, f.actor);
  REQUIRE(std::holds_alternative<ApplyResult>(first));
  CHECK(std::get<ApplyResult>(first).added == 3);
  CHECK(f.store.institution_counts(2569)["5110405002"][L::p1] == 2);
  auto second = f.store.apply_children(2569, "5110405002", {kid(1, L::p1), kid(2, L::p2, "ธนกร"), kid(4, L::p3)}, f.actor);
  REQUIRE(std::holds_alternative<ApplyResult>(second));
  const auto& r = std::get<ApplyResult>(second);
  CHECK(r.added == 1);
  CHECK(r.updated == 1);
  CHECK(r.unchanged == 1);
  CHECK(r.voided.empty());
  auto counts = f.store.institution_counts(2569)["5110405002"];
  CHECK(counts[L::p1] == 1);
  CHECK(counts[L::p2] == 2);
  CHECK(counts[L::p3] == 1);
  CHECK(f.store.counts_by_node(2569)["5000000000"].total() == 4);
  // The register: IDs sealed, found by hash, never stored plain.
  const std::string raw = demo_national_id(2);
  auto found = f.store.find_enrolment(2569, domain::parse_child_id(raw).value());
  REQUIRE(found);
  CHECK(found->institution_code == "5110405002");
  CHECK(f.count("SELECT COUNT(*) FROM lec_children WHERE id_sealed LIKE '%" + raw + "%' OR id_hash = '" + raw + "'") == 0);
  CHECK(f.store.reveal(2569, found->child_id)->value() == raw);
  CHECK_FALSE(f.store.find_enrolment(2568, domain::parse_child_id(raw).value()));  // per year
}

TEST_CASE("apply_children: a child attending elsewhere refuses the whole batch", "[server][lec][store]") {
  Fixture f;
  using L = domain::Level;
  REQUIRE(std::holds_alternative<ApplyResult>(f.store.apply_children(2569, "5110405001", {kid(9, L::cdc)}, f.actor)));
  auto r = f.store.apply_children(2569, "5110405002", {kid(8, L::p1), kid(9, L::k1)}, f.actor);
  REQUIRE(std::holds_alternative<Refusal>(r));
  CHECK(std::get<Refusal>(r).status == 409);
  CHECK(std::get<Refusal>(r).error.code == "child_enrolled_elsewhere");
  CHECK(std::get<Refusal>(r).error.field == "rows[1].id_number");
  CHECK(f.count("SELECT COUNT(*) FROM lec_children WHERE institution_code = '5110405002'") == 0);
  CHECK(f.count("SELECT COALESCE(SUM(n), 0) FROM lec_counts WHERE institution_code = '5110405002'") == 0);
}

TEST_CASE("a write voids the confirmations above it in its transaction", "[server][lec][store]") {
  Fixture f;
  using L = domain::Level;
  REQUIRE(std::holds_alternative<ApplyResult>(f.store.apply_children(2569, "5110405002", {kid(1, L::p1)}, f.actor)));
  for (const char* code : {"5110405001", "5110405002", "5011040500", "5011000000", "5000000000"})
    REQUIRE(std::holds_alternative<Confirmation>(f.store.confirm(2569, code, f.actor, false)));
  auto blocked = f.store.confirm(2569, "5011040500", f.actor, false);
  CHECK(std::get<Refusal>(blocked).error.code == "confirmation_exists");
  auto r = f.store.apply_children(2569, "5110405002", {kid(1, L::p1), kid(5, L::p2)}, f.actor);
  REQUIRE(std::holds_alternative<ApplyResult>(r));
  std::vector<std::string> voided;
  for (const auto& v : std::get<ApplyResult>(r).voided) voided.push_back(v.code);
  CHECK(voided == std::vector<std::string>{"5110405002", "5011040500", "5011000000", "5000000000"});
  CHECK(std::get<ApplyResult>(r).notices.size() == 4);
  CHECK(f.store.state(2569).confirmed == std::set<std::string, std::less<>>{"5110405001"});
  CHECK(f.count("SELECT COUNT(*) FROM kpi_notifications WHERE kind = 'lec_voided'") == 4);
  // Unchanged rows void nothing.
  for (const char* code : {"5110405002", "5011040500"}) f.store.confirm(2569, code, f.actor, false);
  auto same = f.store.apply_children(2569, "5110405002", {kid(1, L::p1), kid(5, L::p2)}, f.actor);
  CHECK(std::get<ApplyResult>(same).unchanged == 2);
  CHECK(std::get<ApplyResult>(same).voided.empty());
}
