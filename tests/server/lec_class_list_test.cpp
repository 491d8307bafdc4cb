// The notice-board class list: pdftotext reads the names and masked IDs exactly, never a
// full ID; long lists run over pages.
#include <catch2/catch.hpp>

#include "server/lec/class_list_pdf.hpp"
#include "server/lec/lec_demo.hpp"
#include "tests/server/lec_files_helpers.hpp"

using namespace test_server;

namespace {
std::string pdf_text(const TempDir& dir, const std::string& pdf) {
  write_file(dir / "list.pdf", pdf);
  const auto r = run_command({"/usr/bin/pdftotext", (dir / "list.pdf").string(), "-"}, {});
  REQUIRE(r.exit_code == 0);
  return r.output;
}
}  // namespace

TEST_CASE("class list PDF: institution, year, level, names, masked IDs, date printed", "[lec]") {
  TempDir dir;
  server::lec::ClassList l;
  l.institution_name_th = "โรงเรียนเทศบาล ๓ (บ้านโนนสวรรค์)";
  l.institution_code = "5040010101";
  l.year = 2568;
  l.level = domain::Level::p1;
  l.room = "2";
  l.printed = domain::Date{2025, 6, 3};
  std::vector<std::string> full_ids;
  for (int i = 0; i < 3; ++i) {
    const auto id = domain::parse_child_id(checked_national_id("11017001234" + std::to_string(i))).value();
    full_ids.push_back(id.value());
    l.children.push_back({id.masked(), i == 1 ? "ด.ญ." : "ด.ช.", i == 0 ? "สมศักดิ์" : "น้ำผึ้ง" + std::to_string(i),
                          "ใจดี", i == 1 ? domain::Sex::f : domain::Sex::m, domain::Level::p1, "2"});
  }
  const auto text = pdf_text(dir, server::lec::render_class_list_pdf(l));
  INFO(text);
  CHECK(text.find("โรงเรียนเทศบาล ๓") != std::string::npos);
  CHECK(text.find("5040010101") != std::string::npos);
  CHECK(text.find("2568") != std::string::npos);
  CHECK(text.find("ประถมศึกษาปีที่ 1") != std::string::npos);
  CHECK(text.find("สมศักดิ์") != std::string::npos);  // stacked marks read exactly
  CHECK(text.find("น้ำผึ้ง1") != std::string::npos);
  CHECK(text.find("หญิง") != std::string::npos);
  CHECK(text.find("3 มิถุนายน 2568") != std::string::npos);
  for (std::size_t i = 0; i < full_ids.size(); ++i) {
    CHECK(text.find(l.children[i].id_masked) != std::string::npos);
    CHECK(text.find(full_ids[i]) == std::string::npos);
  }
}

TEST_CASE("class list PDF: a long list runs over pages, an empty one says so", "[lec]") {
  TempDir dir;
  server::lec::ClassList l{"โรงเรียนทดสอบ", "1040990001", 2568, std::nullopt, "", {}, domain::Date{2025, 6, 3}};
  CHECK(pdf_text(dir, server::lec::render_class_list_pdf(l)).find("ไม่มีรายชื่อเด็ก") != std::string::npos);
  for (int i = 0; i < 55; ++i)
    l.children.push_back({"1-1017-xxxxx-xx-1", "ด.ช.", "เด็ก" + std::to_string(i), "ทดสอบ", domain::Sex::m, domain::Level::k1, ""});
  const auto text = pdf_text(dir, server::lec::render_class_list_pdf(l));
  CHECK(text.find("เด็ก54") != std::string::npos);
  CHECK(text.find("หน้า 3/3") == std::string::npos);
  CHECK(text.find("หน้า 2/2") != std::string::npos);
  CHECK(text.find("รวม 55 คน") != std::string::npos);
}

TEST_CASE("class list over HTTP: one level of the demo school, masked IDs only, audited access", "[server][lec][http]") {
  ServerProcess server;
  const auto port = server.port();
  const int year = lec::current_year();
  const auto school = sign_in(port, "5110405002", demo_password("5110405002"));
  const std::string at = lec::base(year) + "/institutions/5110405002";
  auto r = get(port, at + "/class-list.pdf?level=p1", as(school));
  REQUIRE(r.status == 200);
  CHECK(r.header("content-type") == "application/pdf");
  TempDir dir;
  const auto text = pdf_text(dir, r.body);
  INFO(text);
  const auto children = lec::call(port, school, "GET", at + "/children?status=attending").json();
  int p1 = 0;
  for (const auto& c : children) {
    if (c["level"] != "p1") continue;
    ++p1;
    CHECK(text.find(c["first_name"].get<std::string>() + " " + c["last_name"].get<std::string>()) != std::string::npos);
    CHECK(text.find(c["id_masked"].get<std::string>()) != std::string::npos);
  }
  CHECK(p1 == 5);
  CHECK(text.find("รวม 5 คน") != std::string::npos);
  for (int n = 1000; n < 1033; ++n) CHECK(text.find(server::lec::demo_national_id(n)) == std::string::npos);
  CHECK(get(port, at + "/class-list.pdf?level=x9", as(school)).status == 400);
  const auto centre = sign_in(port, "5110405001", demo_password("5110405001"));
  CHECK(get(port, at + "/class-list.pdf", as(centre)).status == 403);
}
