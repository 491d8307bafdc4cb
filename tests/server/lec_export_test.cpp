// GET .../counts.xlsx|.csv?org=: one row per institution (and funded school) of the subtree.
#include <catch2/catch.hpp>

#include "server/kpi/table_export.hpp"
#include "server/lec/counts_export.hpp"
#include "server/lec/xlsx_reader.hpp"
#include "tests/server/lec_files_helpers.hpp"

using namespace test_server;
using nlohmann::json;

namespace {

// The row whose first cell is `code` (or whose second is "รวมทั้งหมด").
const std::vector<std::string>* row_of(const std::vector<std::vector<std::string>>& rows, const std::string& key) {
  for (const auto& r : rows)
    if (!r.empty() && (r[0] == key || (r.size() > 1 && r[1] == key))) return &r;
  return nullptr;
}
std::size_t column(const std::vector<std::string>& header, const std::string& name) {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return i;
  FAIL("no column " << name);
  return 0;
}

}  // namespace

TEST_CASE("LEC counts export: XLSX and CSV of the LGO's institutions and funded school, with totals", "[server][lec][http]") {
  ServerProcess server;
  const auto port = server.port();
  const int year = lec::current_year();
  const auto lgo = sign_in(port, "lgo.bangyaphraek", demo_password("lgo.bangyaphraek"));
  REQUIRE(lec::call(port, lgo, "PUT", lec::base(year) + "/funded-schools/1011040001/counts?org=5011040500",
                    {{"counts", {{"k1", 20}, {"p1", 35}}}, {"closed", false}})
              .status == 200);

  auto x = get(port, lec::base(year) + "/counts.xlsx?org=5011040500", as(lgo));
  REQUIRE(x.status == 200);
  CHECK(x.header("content-type").find("spreadsheetml") != std::string::npos);
  const auto rows = server::lec::read_xlsx_first_sheet(x.body);
  REQUIRE(rows.size() >= 5);
  const auto& header = rows[0];
  CHECK(header[0] == "รหัส");
  const auto total = column(header, "รวม"), p1 = column(header, "ป.1"), cdc = column(header, "ศพด.");
  const auto lunch = column(header, "เด็กได้รับอาหารกลางวัน");
  const auto* school = row_of(rows, "5110405002");
  const auto* centre = row_of(rows, "5110405001");
  const auto* funded = row_of(rows, "1011040001");
  const auto* sum = row_of(rows, "รวมทั้งหมด");
  REQUIRE(school);
  REQUIRE(centre);
  REQUIRE(funded);
  REQUIRE(sum);
  CHECK((*school)[total] == "33");
  CHECK((*school)[p1] == "5");
  CHECK((*school)[3].find("บางหญ้าแพรก") != std::string::npos);  // the LGO column
  CHECK((*centre)[cdc] == "8");
  CHECK((*funded)[total] == "55");
  CHECK((*sum)[total] == "96");
  CHECK((*sum)[lunch] == "96");
  CHECK(&rows.back() == sum);

  auto c = get(port, lec::base(year) + "/counts.csv?org=5011040500", as(lgo));
  REQUIRE(c.status == 200);
  CHECK(c.body.rfind("\xEF\xBB\xBF", 0) == 0);
  CHECK(c.body.find("5110405002") != std::string::npos);
  CHECK(c.body.find("รวมทั้งหมด") != std::string::npos);
  CHECK(c.body.find("ป.1") != std::string::npos);
}

TEST_CASE("LEC counts export: view on the node is needed, the org must exist", "[server][lec][http]") {
  ServerProcess server;
  const auto port = server.port();
  const int year = lec::current_year();
  const auto school = sign_in(port, "5110405002", demo_password("5110405002"));
  CHECK(get(port, lec::base(year) + "/counts.csv?org=5011040500", as(school)).status == 403);
  CHECK(get(port, lec::base(year) + "/counts.csv?org=9999999999", as(school)).status == 404);
  CHECK(get(port, lec::base(year) + "/counts.csv?org=5110405002", as(school)).status == 200);
}

TEST_CASE("LEC counts table: cells that start a formula are defused in CSV", "[lec]") {
  domain::LevelCounts n;
  n[domain::Level::p1] = 2;
  const auto t = server::lec::counts_table({{"1", "=HYPERLINK(\"x\")", "โรงเรียน", "+lgo", "@p", n}}, 2568);
  const auto csv = server::kpi::to_csv(t);
  CHECK(csv.find(",\"'=HYPERLINK(\"\"x\"\")\",") != std::string::npos);
  CHECK(csv.find(",'+lgo,'@p,") != std::string::npos);
  CHECK(t.rows.back()[1] == server::kpi::Cell(std::string("รวมทั้งหมด")));
}
