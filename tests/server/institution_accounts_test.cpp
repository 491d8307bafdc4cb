// The accounts of every institution under an office in one action: one account each (none
// twice), a one-time sign-in QR each on one printable sheet that poppler reads (the
// institutions' names, never a password), only within the admin's subtree; all audited.
#include <catch2/catch.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "tests/server/sign_in_helpers.hpp"

using namespace test_server;
using nlohmann::json;

namespace {

struct PdfRead {
  std::string info, text;
  std::vector<std::string> tokens;  // of the sign-in links its QR codes hold, as a phone reads them
};

PdfRead read_pdf(const std::string& bytes) {
  TempDir dir;
  write_file(dir / "sheet.pdf", bytes);
  const auto info = run_command({"/usr/bin/pdfinfo", (dir / "sheet.pdf").string()}, {});
  REQUIRE(info.exit_code == 0);
  const auto text = run_command({"/usr/bin/pdftotext", (dir / "sheet.pdf").string(), "-"}, {});
  REQUIRE(text.exit_code == 0);
  // zbar now and then misses one of several codes on a page at a given scale (about one
  // run in eight at 300 dpi): each page is read at two scales, and a code counts once.
  std::set<std::string> tokens;
  for (const char* dpi : {"300", "200"}) {
    const auto prefix = dir / (std::string("page") + dpi);
    const auto pictures = run_command({"/usr/bin/pdftoppm", "-r", dpi, "-png", (dir / "sheet.pdf").string(),
                                       prefix.string()}, {});
    REQUIRE(pictures.exit_code == 0);
  }
  for (const auto& page : fs::directory_iterator(dir.path())) {
    if (page.path().extension() != ".png") continue;
    const auto read = run_command({"/usr/bin/zbarimg", "-q", "--raw", page.path().string()}, {});
    std::istringstream lines(read.output);  // zbar's own complaints (no D-Bus) are other lines
    for (std::string line; std::getline(lines, line);)
      if (auto at = line.find("/#/qr/"); at != std::string::npos) tokens.insert(line.substr(at + 6));
  }
  return {info.output, text.output, {tokens.begin(), tokens.end()}};
}

}  // namespace

TEST_CASE("institution accounts: one per institution of the office, a QR sheet, no duplicates", "[server][admin][institution_accounts]") {
  ServerProcess server;
  const auto port = server.port();
  auto area = sign_in(port, "area.admin", demo_password("area.admin"));
  const auto users_before = query_int(server.database(), "SELECT COUNT(*) FROM users");

  // What the confirmation says: 12 schools in the area, 3 of them with their own account.
  auto preview = get(port, "/api/v1/admin/institution-accounts?org_code=1040000001", as(area));
  REQUIRE(preview.status == 200);
  CHECK(preview.json()["institutions"] == 12);
  CHECK(preview.json()["without_account"] == 9);
  CHECK(preview.json()["to_create"] == 9);

  auto made = post_json(port, "/api/v1/admin/institution-accounts", {{"org_code", "1040000001"}}, as(area));
  REQUIRE(made.status == 201);
  const json body = made.json();
  CHECK(body["created"] == 9);
  CHECK(body["remaining"] == 0);
  REQUIRE(body["accounts"].size() == 9);
  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM users") == users_before + 9);
  // No password exists to print: the QR signs in once, then the holder sets one.
  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM users WHERE username IN (SELECT code FROM org_tree WHERE "
                                     "parent_code = '1040000001') AND password_hash = '' AND status = 'active' "
                                     "AND must_change_password = 1") == 9);
  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM one_time_tokens WHERE purpose = 'sign_in_qr'") == 9);
  // A school's account: view and report.submit on the school itself.
  const std::string first = body["accounts"][0]["username"];
  auto listed = get(port, "/api/v1/admin/users?org=" + first, as(area)).json()["users"];
  REQUIRE(listed.size() == 1);
  CHECK(listed[0]["grants"].size() == 2);
  for (const auto& g : listed[0]["grants"]) {
    CHECK(g["org_code"] == first);
    CHECK((g["permission"] == "view" || g["permission"] == "report.submit"));
  }

  // The sheet: a real PDF, two pages of eight, every institution's name and username.
  const std::string sheet = body["sheet"];
  auto pdf = get(port, sheet, as(area));
  REQUIRE(pdf.status == 200);
  CHECK(pdf.header("content-type") == "application/pdf");
  CHECK(pdf.header("content-disposition").find("attachment") != std::string::npos);
  const auto read = read_pdf(pdf.body);
  INFO(read.text);
  CHECK(read.info.find("Pages:") != std::string::npos);
  CHECK(std::stoi(read.info.substr(read.info.find("Pages:") + 6)) == 2);
  for (const auto& a : body["accounts"]) {
    const std::string name = a["name_th"], username = a["username"];
    CHECK(!name.empty());
    CHECK(read.text.find(name) != std::string::npos);
    CHECK(read.text.find(username) != std::string::npos);
  }
  CHECK(read.text.find("1040000001") != std::string::npos);
  // Never a password: none of the demo passwords, no "password:" line.
  CHECK(read.text.find(demo_password("1040010001")) == std::string::npos);
  CHECK(read.text.find("รหัสผ่าน:") == std::string::npos);
  // Every QR code on it signs its own institution in once, straight into the first login.
  REQUIRE(read.tokens.size() == 9);
  auto signed_in = post_json(port, "/api/v1/auth/qr", {{"token", read.tokens[0]}}, {});
  REQUIRE(signed_in.status == 200);
  CHECK(signed_in.json()["must_change_password"] == true);
  std::set<std::string> usernames;
  for (const auto& a : body["accounts"]) usernames.insert(a["username"].get<std::string>());
  CHECK(usernames.count(signed_in.json()["user"]["username"].get<std::string>()) == 1);
  CHECK(post_json(port, "/api/v1/auth/qr", {{"token", read.tokens[0]}}, {}).status == 401);
  // The sheet is its maker's only.
  auto centre = sign_in(port, "centre.admin", demo_password("centre.admin"));
  CHECK(get(port, sheet, as(centre)).status == 404);
  CHECK(get(port, sheet).status == 401);

  // Again: nothing left to make, no account twice, no sheet.
  auto again = post_json(port, "/api/v1/admin/institution-accounts", {{"org_code", "1040000001"}}, as(area));
  REQUIRE(again.status == 200);
  CHECK(again.json()["created"] == 0);
  CHECK(again.json()["sheet"].is_null());
  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM users") == users_before + 9);
  CHECK(get(port, "/api/v1/admin/institution-accounts?org_code=1040000001", as(area)).json()["to_create"] == 0);

  // Audited: each account, the action, the download.
  CHECK(count_detail(server.database(), "SELECT detail FROM audit_log WHERE action = 'user.create'",
                     "institution_accounts", "1040000001") == 9);
  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM audit_log WHERE action = 'institution_accounts.create'") == 2);
  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM audit_log WHERE action = 'institution_accounts.sheet_download'") == 1);
}

TEST_CASE("institution accounts: an LGO's child centres get the LEC permissions", "[server][admin][institution_accounts]") {
  ServerProcess server;
  const auto port = server.port();
  auto centre = sign_in(port, "centre.admin", demo_password("centre.admin"));
  auto made = post_json(port, "/api/v1/admin/institution-accounts", {{"org_code", "5011020800"}}, as(centre));
  REQUIRE(made.status == 201);
  REQUIRE(made.json()["accounts"].size() == 1);
  CHECK(made.json()["accounts"][0]["username"] == "5110208001");
  auto listed = get(port, "/api/v1/admin/users?org=5110208001", as(centre)).json()["users"];
  REQUIRE(listed.size() == 1);
  std::set<std::string> permissions;
  for (const auto& g : listed[0]["grants"]) permissions.insert(g["permission"].get<std::string>());
  CHECK(permissions == std::set<std::string>{"view", "children.edit", "data.confirm"});
  const auto read = read_pdf(get(port, made.json()["sheet"].get<std::string>(), as(centre)).body);
  CHECK(read.text.find("ศูนย์พัฒนาเด็กเล็กบ้านคลองสูง") != std::string::npos);
}

TEST_CASE("institution accounts: refused outside the subtree, for other nodes and for non-admins", "[server][admin][institution_accounts]") {
  ServerProcess server;
  const auto port = server.port();
  const auto users_before = query_int(server.database(), "SELECT COUNT(*) FROM users");
  auto area = sign_in(port, "area.admin", demo_password("area.admin"));
  // An LGO in another province, outside the area admin's subtree.
  auto outside = post_json(port, "/api/v1/admin/institution-accounts", {{"org_code", "5011020800"}}, as(area));
  CHECK(outside.status == 403);
  CHECK(outside.json()["error"]["code"] == "forbidden");
  CHECK(get(port, "/api/v1/admin/institution-accounts?org_code=5011020800", as(area)).status == 403);
  // A school, or an unknown code: the field named.
  auto school = post_json(port, "/api/v1/admin/institution-accounts", {{"org_code", "1040010001"}}, as(area));
  CHECK(school.status == 400);
  CHECK(school.json()["error"]["code"] == "org_kind_not_office");
  CHECK(school.json()["error"]["field"] == "org_code");
  CHECK(post_json(port, "/api/v1/admin/institution-accounts", {{"org_code", "9999999999"}}, as(area)).json()["error"]["code"] ==
        "org_unknown");
  CHECK(post_json(port, "/api/v1/admin/institution-accounts", json::object(), as(area)).status == 400);
  // Without users.manage anywhere; without the CSRF header.
  auto teacher = sign_in(port, "1040010001", demo_password("1040010001"));
  CHECK(post_json(port, "/api/v1/admin/institution-accounts", {{"org_code", "1040000001"}}, as(teacher)).status == 403);
  CHECK(post_json(port, "/api/v1/admin/institution-accounts", {{"org_code", "1040000001"}}, as(area, false)).status == 403);
  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM users") == users_before);
}

TEST_CASE("institution accounts: two officers at once still make each account once", "[server][admin][institution_accounts]") {
  ServerProcess server;
  const auto port = server.port();
  const auto users_before = query_int(server.database(), "SELECT COUNT(*) FROM users");
  auto area = sign_in(port, "area.admin", demo_password("area.admin"));
  auto centre = sign_in(port, "centre.admin", demo_password("centre.admin"));
  HttpResponse a, b;
  std::thread first([&] { a = post_json(port, "/api/v1/admin/institution-accounts", {{"org_code", "1040000001"}}, as(area)); });
  std::thread second([&] { b = post_json(port, "/api/v1/admin/institution-accounts", {{"org_code", "1040000001"}}, as(centre)); });
  first.join();
  second.join();
  CHECK(a.status < 300);
  CHECK(b.status < 300);
  CHECK(a.json()["created"].get<int>() + b.json()["created"].get<int>() == 9);
  CHECK(query_int(server.database(), "SELECT COUNT(*) FROM users") == users_before + 9);
}
