#include <catch2/catch.hpp>

#include "shared/accounts/organisation.hpp"

using namespace domain;

namespace {

// A slice of the real shape: สพฐ. -> สพป. -> schools, สถ. -> provincial office -> อปท. -> ศพด.
std::vector<OrgRow> demo_rows() {
  return {
      {"0000000000", "", "centre", "ศูนย์กลางระบบ"},
      {"1000000000", "0000000000", "department", "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน"},
      {"1011000001", "1000000000", "primary_area", "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาสมุทรปราการ"},
      {"1011010001", "1011000001", "institution", "โรงเรียนวัดราษฎร์บำรุง"},
      {"1011010002", "1011000001", "institution", "โรงเรียนบ้านโคกทราย (ประชาสามัคคี)"},
      {"1012000001", "1000000000", "area_office", "สำนักงานเขตพื้นที่การศึกษาประถมศึกษานนทบุรี"},
      {"1012010001", "1012000001", "institution", "โรงเรียนวัดบางไผ่"},
      {"5000000000", "0000000000", "department", "กรมส่งเสริมการปกครองท้องถิ่น"},
      {"5011000000", "5000000000", "provincial_office", "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดสมุทรปราการ"},
      {"5011030400", "5011000000", "sao", "องค์การบริหารส่วนตำบลบางโฉลง"},
      {"5110304001", "5011030400", "institution", "ศูนย์พัฒนาเด็กเล็กองค์การบริหารส่วนตำบลบางโฉลง"},
  };
}

OrgTree demo_tree() {
  auto built = OrgTree::build(demo_rows());
  REQUIRE(built.ok());
  return built.value();
}

}  // namespace

TEST_CASE("org kinds parse by id and by the directory's finer names", "[accounts][org]") {
  const std::pair<const char*, OrgKind> table[] = {
      {"centre", OrgKind::centre},
      {"department", OrgKind::department},
      {"province", OrgKind::province},
      {"area_office", OrgKind::area_office},
      {"local_government", OrgKind::local_government},
      {"institution", OrgKind::institution},
      {"primary_area", OrgKind::area_office},
      {"secondary_area", OrgKind::area_office},
      {"provincial_office", OrgKind::province},
      {"pao", OrgKind::local_government},
      {"municipality", OrgKind::local_government},
      {"sao", OrgKind::local_government},
  };
  for (const auto& [id, kind] : table) {
    CAPTURE(id);
    auto parsed = parse_org_kind(id);
    REQUIRE(parsed.ok());
    CHECK(parsed.value() == kind);
  }
  for (const auto& k : org_kinds()) {
    CHECK(to_string(k.kind) == k.id);
    CHECK_FALSE(k.name_th.empty());
    CHECK_FALSE(k.name_en.empty());
  }
  for (const char* bad : {"", "school", "Centre", "area office"}) {
    CAPTURE(bad);
    auto parsed = parse_org_kind(bad, "rows[3].kind");
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error().code == "org_kind_unknown");
    CHECK(parsed.error().field == "rows[3].kind");
  }
}

TEST_CASE("is_within: a node is within itself and its ancestors, not its siblings", "[accounts][org]") {
  const auto tree = demo_tree();
  struct Case {
    const char* node;
    const char* ancestor;
    bool within;
  };
  const Case table[] = {
      {"1011010001", "1011010001", true},   // itself
      {"1011010001", "1011000001", true},   // its area office
      {"1011010001", "1000000000", true},   // its department
      {"1011010001", "0000000000", true},   // the centre
      {"1011010001", "1011010002", false},  // sibling school
      {"1011010001", "1012000001", false},  // sibling area office
      {"1011010001", "5000000000", false},  // the other department
      {"1011000001", "1011010001", false},  // ancestor is not within its child
      {"5110304001", "5011030400", true},   // ศพด. under its อบต.
      {"5110304001", "5011000000", true},
      {"5110304001", "1000000000", false},
      {"9999999999", "0000000000", false},  // unknown node
      {"1011010001", "9999999999", false},  // unknown ancestor
      {"", "", false},
  };
  for (const auto& c : table) {
    CAPTURE(c.node, c.ancestor);
    CHECK(tree.is_within(c.node, c.ancestor) == c.within);
  }
}

TEST_CASE("path to root, children and roots", "[accounts][org]") {
  const auto tree = demo_tree();
  CHECK(tree.size() == 11);
  CHECK(tree.path_to_root("5110304001") ==
        std::vector<std::string>{"5110304001", "5011030400", "5011000000", "5000000000", "0000000000"});
  CHECK(tree.path_to_root("0000000000") == std::vector<std::string>{"0000000000"});
  CHECK(tree.path_to_root("nope").empty());
  CHECK(tree.children("1011000001") == std::vector<std::string>{"1011010001", "1011010002"});
  CHECK(tree.children("1000000000") == std::vector<std::string>{"1011000001", "1012000001"});
  CHECK(tree.children("1011010001").empty());
  CHECK(tree.roots() == std::vector<std::string>{"0000000000"});

  const auto* sao = tree.find("5011030400");
  REQUIRE(sao != nullptr);
  CHECK(sao->kind == OrgKind::local_government);
  CHECK(sao->name_th == "องค์การบริหารส่วนตำบลบางโฉลง");
  CHECK(tree.find("5011030401") == nullptr);
}

TEST_CASE("building refuses broken rows, naming line and code", "[accounts][org]") {
  struct Case {
    const char* what;
    std::vector<OrgRow> rows;
    const char* code;
    const char* field;
    const char* line_th;  // the Thai message names the line and the code
  };
  const std::vector<Case> table = {
      {"duplicate code",
       {{"A", "", "centre", "ศูนย์"}, {"B", "A", "department", "สพฐ."}, {"B", "A", "department", "สถ."}},
       "org_code_duplicate", "code", "บรรทัด 3 (รหัส B)"},
      {"unknown parent",
       {{"A", "", "centre", "ศูนย์"}, {"B", "Z", "department", "สพฐ."}},
       "org_parent_unknown", "parent_code", "บรรทัด 2 (รหัส B)"},
      {"self as parent", {{"A", "A", "centre", "ศูนย์"}}, "org_cycle", "parent_code", "บรรทัด 1 (รหัส A)"},
      {"two-node cycle",
       {{"R", "", "centre", "ศูนย์"}, {"A", "B", "department", "ก"}, {"B", "A", "area_office", "ข"}},
       "org_cycle", "parent_code", "(รหัส A)"},
      {"unknown kind", {{"A", "", "school", "ศูนย์"}}, "org_kind_unknown", "kind", "บรรทัด 1"},
      {"empty code", {{"", "", "centre", "ศูนย์"}}, "org_code_required", "code", "บรรทัด 1"},
      {"empty name", {{"A", "", "centre", ""}}, "org_name_required", "name_th", "บรรทัด 1 (รหัส A)"},
      {"institution as parent",
       {{"A", "", "area_office", "สพป."}, {"S", "A", "institution", "โรงเรียน"}, {"T", "S", "institution", "ห้องเรียน"}},
       "org_parent_institution", "parent_code", "บรรทัด 3 (รหัส T)"},
  };
  for (const auto& c : table) {
    CAPTURE(c.what);
    auto built = OrgTree::build(c.rows);
    REQUIRE_FALSE(built.ok());
    CHECK(built.error().code == c.code);
    CHECK(built.error().field == c.field);
    CHECK(built.error().message_th.find(c.line_th) != std::string::npos);
    CHECK(built.error().message_en.find("ine ") != std::string::npos);
  }
}

TEST_CASE("source line numbers from the CSV are used when given", "[accounts][org]") {
  std::vector<OrgRow> rows = {{"A", "", "centre", "ศูนย์", 2}, {"B", "X", "department", "สพฐ.", 7}};
  auto built = OrgTree::build(rows);
  REQUIRE_FALSE(built.ok());
  CHECK(built.error().message_th.rfind("บรรทัด 7 (รหัส B)", 0) == 0);
  CHECK(built.error().message_en.rfind("Line 7 (code B)", 0) == 0);
}

TEST_CASE("problems lists every broken row, one report per cycle", "[accounts][org]") {
  std::vector<OrgRow> rows = {
      {"R", "", "centre", "ศูนย์"},         {"A", "B", "department", "ก"}, {"B", "A", "department", "ข"},
      {"C", "NOPE", "area_office", "ค"},   {"R", "", "centre", "ซ้ำ"},
  };
  auto found = OrgTree::problems(rows);
  std::vector<std::string> codes;
  for (const auto& e : found) codes.push_back(e.code);
  CHECK(codes == std::vector<std::string>{"org_code_duplicate", "org_parent_unknown", "org_cycle"});
  CHECK(OrgTree::problems(demo_rows()).empty());
}

TEST_CASE("a deep chain builds and answers without recursion limits", "[accounts][org]") {
  std::vector<OrgRow> rows = {{"n0", "", "centre", "ศูนย์"}};
  for (int i = 1; i < 5000; ++i)
    rows.push_back({"n" + std::to_string(i), "n" + std::to_string(i - 1), "department", "หน่วย"});
  auto built = OrgTree::build(rows);
  REQUIRE(built.ok());
  CHECK(built.value().is_within("n4999", "n0"));
  CHECK_FALSE(built.value().is_within("n0", "n4999"));
  CHECK(built.value().path_to_root("n4999").size() == 5000);
}
