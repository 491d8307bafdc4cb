// Uploaded files (issue 11, defects 5, 8 and 9): sealed at rest with the server key and
// given back exact, files from before sealing still read; types judged by opening the
// container; downloads sandboxed; a school's evidence never published by a KPI controller.
#include <catch2/catch.hpp>

#include <fstream>

#include "server/storage/content_store.hpp"
#include "server/storage/file_check.hpp"
#include "server/http/upload_reply.hpp"
#include "tests/server/file_fixtures.hpp"
#include "tests/server/sign_in_helpers.hpp"

using namespace test_server;
using nlohmann::json;
namespace storage = server::storage;

namespace {

// A national ID as a letter or a scanned form would carry it.
const std::string kNationalId = "3101700123456";

HttpResponse upload(unsigned short port, const SignedIn& who, const std::string& name, const std::string& bytes) {
  Headers h = as(who);
  h["Content-Type"] = "multipart/form-data; boundary=XyZ";
  return request(port, "POST", "/api/v1/files", h,
                 "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name +
                     "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + bytes + "\r\n--XyZ--\r\n");
}

std::string uploaded(unsigned short port, const SignedIn& who, const std::string& name, const std::string& bytes) {
  auto r = upload(port, who, name, bytes);
  INFO(r.body);
  REQUIRE(r.status == 201);
  return r.json()["file_id"].get<std::string>();
}

server::auth::SecretKey key_of(const ServerProcess& server) {
  server::auth::SecretKey k{};
  std::ifstream in(server.data_dir() / "server.key", std::ios::binary);
  in.read(reinterpret_cast<char*>(k.data()), k.size());
  REQUIRE(in.gcount() == static_cast<std::streamsize>(k.size()));
  return k;
}

}  // namespace

TEST_CASE("sealed files: no plaintext on disk, exact bytes back, only with the same key", "[server][files][seal]") {
  TempDir dir;
  const storage::FileKeys keys(test_key());
  const std::string pdf = tiny_pdf("officer " + kNationalId);
  REQUIRE(pdf.find(kNationalId) != std::string::npos);
  const std::string name = storage::store_by_content(dir / "letters", keys, pdf, ".pdf");
  CHECK(name != server::auth::sha256_hex(pdf));  // equal files are not told by a public hash
  CHECK(name == keys.name_of(pdf));
  const auto file = dir / "letters" / (name + ".pdf");
  const std::string on_disk = read_file(file);
  CHECK(on_disk.find(kNationalId) == std::string::npos);
  CHECK(on_disk.find("%PDF") == std::string::npos);
  CHECK(storage::read_by_content(file, keys) == std::optional<std::string>(pdf));
  // Another server's key opens nothing.
  CHECK_THROWS_AS(storage::read_by_content(file, storage::FileKeys(test_key())), storage::CorruptFile);

  SECTION("large files go in 64 KiB chunks; a cut or altered one does not open") {
    for (std::size_t size : {std::size_t{0}, std::size_t{65536}, std::size_t{131072}, std::size_t{3'000'001}}) {
      std::string bytes(size, '\0');
      for (std::size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>(i * 131 % 251);
      const auto sealed = keys.seal(bytes);
      CHECK(keys.unseal(sealed) == std::optional<std::string>(bytes));
      CHECK_FALSE(keys.unseal(sealed.substr(0, sealed.size() - 1)));
      if (size >= 65536) CHECK_FALSE(keys.unseal(sealed.substr(0, sealed.size() - 17)));  // the final chunk dropped
      std::string altered = sealed;
      altered[altered.size() / 2] ^= 1;
      CHECK_FALSE(keys.unseal(altered));
    }
  }
  SECTION("a file stored before sealing still reads, and is sealed in place at start") {
    const auto old = dir / "files" / server::auth::sha256_hex(pdf);
    write_file(old, pdf);
    CHECK(storage::read_by_content(old, keys) == std::optional<std::string>(pdf));
    write_file(dir / "files" / std::string(64, 'a'), "damaged");  // left alone: still refused
    CHECK(storage::seal_plain_files(dir / "files", keys) == 1);
    CHECK(read_file(old).find(kNationalId) == std::string::npos);
    CHECK(storage::read_by_content(old, keys) == std::optional<std::string>(pdf));
    CHECK(storage::seal_plain_files(dir / "files", keys) == 0);
    CHECK_THROWS_AS(storage::read_by_content(dir / "files" / std::string(64, 'a'), keys), storage::CorruptFile);
  }
}

TEST_CASE("file types: judged by the container, not the first bytes", "[server][files][types]") {
  const auto ok = [](const std::string& bytes, const std::string& name) {
    auto type = domain::check_evidence_bytes(bytes, name);
    return type.ok() && storage::evidence_container_ok(bytes, type.value());
  };
  CHECK(ok(tiny_pdf("x"), "a.pdf"));
  CHECK(ok(tiny_png(), "a.png"));
  CHECK(ok(tiny_jpeg(), "a.jpg"));
  CHECK(ok(tiny_docx("hello"), "a.docx"));
  CHECK(ok(tiny_odt(), "a.odt"));

  // Any ZIP named .docx, or a real one named for another type, or the wrong ODF type.
  CHECK_FALSE(ok(zip_of({{"hello.txt", "hello"}}), "a.docx"));
  CHECK_FALSE(ok(zip_of({{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", "<x/>"}}), "a.docx"));
  CHECK_FALSE(ok(tiny_docx("hello"), "a.xlsx"));
  CHECK_FALSE(ok(tiny_odt(), "a.ods"));
  CHECK_FALSE(ok(zip_of({{"META-INF/manifest.xml", "<m/>"}, {"mimetype", "application/vnd.oasis.opendocument.text"}},
                        "mimetype"),
                 "a.odt"));  // mimetype not the first entry
  // Images and PDF must open: a JPEG header before HTML, a cut PNG, a PDF in name only.
  const std::string html = "<html><script>alert(document.cookie)</script></html>";
  CHECK_FALSE(ok(std::string("\xFF\xD8\xFF\xE0", 4) + html, "a.jpg"));
  CHECK_FALSE(ok(std::string("\x89PNG\r\n\x1A\n", 8) + html, "a.png"));
  const std::string png = tiny_png(64, 64);
  CHECK_FALSE(ok(png.substr(0, png.size() - 20), "a.png"));
  CHECK_FALSE(ok("%PDF-1.4\n" + html, "a.pdf"));
  const std::string jpeg = tiny_jpeg(64, 64);
  CHECK_FALSE(ok(jpeg.substr(0, jpeg.size() / 2), "a.jpg"));
}

TEST_CASE("file types: a few bytes declaring millions of pixels are refused before decoding (decompression bombs)", "[server][files][types]") {
  const auto ok = [](const std::string& bytes) {
    auto type = domain::check_evidence_bytes(bytes, "scan.jpg");
    return type.ok() && storage::evidence_container_ok(bytes, type.value());
  };
  // A blank A4 page scanned at 300 dpi, as a scanner writes it, passes.
  const std::string blank_page = tiny_jpeg(2480, 3508);
  CHECK(ok(blank_page));
  // The fuzzer's finding: arithmetic coding makes 49 MP of flat grey (under the 60 MP
  // limit) a couple of hundred bytes, seconds to decode on a busy server.
  const std::string bomb = tiny_jpeg(7000, 7000, true);
  INFO("bomb bytes: " << bomb.size());
  CHECK(bomb.size() < 1'000);
  CHECK_FALSE(ok(bomb));
  CHECK_FALSE(storage::decode_jpeg(bomb).has_value());
  // The same kind of file decodes when it declares few pixels: the rule is pixels per byte.
  const auto small = storage::decode_jpeg(tiny_jpeg(1500, 1500, true));
  REQUIRE(small.has_value());
  CHECK(small->width == 1500);
}

TEST_CASE("download headers: RFC 6266 names, attachment unless a decoded image", "[server][files][headers]") {
  using server::http::content_disposition;
  CHECK(content_disposition("report.pdf", false) == "attachment; filename=\"report.pdf\"; filename*=UTF-8''report.pdf");
  CHECK(content_disposition("a.jpg", true) == "inline; filename=\"a.jpg\"; filename*=UTF-8''a.jpg");
  // Thai, quotes, semicolons and line breaks never break out of the header.
  CHECK(content_disposition("รายงาน 1.pdf", false) ==
        "attachment; filename=\"______ 1.pdf\"; filename*=UTF-8''%E0%B8%A3%E0%B8%B2%E0%B8%A2%E0%B8%87%E0%B8%B2%E0%B8%99%201.pdf");
  const auto odd = content_disposition("a\"b;c\r\nSet-Cookie: x.pdf", false);
  CHECK(odd.find('\r') == std::string::npos);
  CHECK(odd.find('\n') == std::string::npos);
  CHECK(odd.substr(0, odd.find("filename*")).find("\"a_b_c__Set-Cookie: x.pdf\"") != std::string::npos);
}

TEST_CASE("uploads over HTTP: sealed, exact, typed by container, sandboxed on download", "[server][files][http]") {
  TempDir dir;
  const std::string pdf = tiny_pdf("officer " + kNationalId);
  std::string legacy_id;
  {
    ServerOptions options;
    options.data_dir = dir.path();
    ServerProcess server(options);
    const auto port = server.port();
    const auto school = sign_in(port, "1040010001", demo_password("1040010001"));

    const auto id = uploaded(port, school, "ใบประกาศ ครู.pdf", pdf);
    REQUIRE(std::distance(fs::directory_iterator(dir / "files"), {}) == 1);
    const std::string on_disk = read_file(fs::directory_iterator(dir / "files")->path());
    CHECK(on_disk.find(kNationalId) == std::string::npos);
    auto down = get(port, "/api/v1/files/" + id, as(school));
    REQUIRE(down.status == 200);
    CHECK(down.body == pdf);
    CHECK(down.header("content-type") == "application/pdf");
    CHECK(down.header("content-disposition").rfind("attachment; filename=\"", 0) == 0);
    CHECK(down.header("content-disposition").find("filename*=UTF-8''%E0%B9%83") != std::string::npos);
    CHECK(down.header("content-security-policy").find("sandbox") != std::string::npos);
    CHECK(down.header("x-content-type-options") == "nosniff");

    // Not an image the server decoded: never inline, whatever its first bytes say.
    auto fake = upload(port, school, "photo.jpg", std::string("\xFF\xD8\xFF\xE0", 4) + "<html><script>x()</script>");
    CHECK(fake.status == 415);
    CHECK(fake.json()["error"]["code"] == "file_type");
    CHECK(fake.json()["error"]["field"] == "file");
    auto zip = upload(port, school, "report.docx", zip_of({{"index.html", "<html></html>"}}));
    CHECK(zip.status == 415);
    CHECK(zip.json()["error"]["code"] == "file_type");
    CHECK(upload(port, school, "report.docx", tiny_docx("report")).status == 201);
    const auto png = uploaded(port, school, "photo.png", tiny_png());
    auto image = get(port, "/api/v1/files/" + png, as(school));
    REQUIRE(image.status == 200);
    CHECK(image.header("content-disposition").rfind("inline;", 0) == 0);

    // A file stored before sealing: plain, named by its SHA-256, still served exact.
    const std::string old_pdf = tiny_pdf("stored before sealing " + kNationalId);
    const std::string sha = server::auth::sha256_hex(old_pdf);
    write_file(dir / "files" / sha, old_pdf);
    legacy_id = "legacy0123456789abcdef";
    execute(server.database(), "INSERT INTO kpi_files (id, content_name, name, size, content_type, uploader_id, "
                               "uploader_org) SELECT '" + legacy_id + "', '" + sha + "', 'old.pdf', " +
                                   std::to_string(old_pdf.size()) + ", 'application/pdf', uploader_id, uploader_org "
                                   "FROM kpi_files WHERE id = '" + id + "'");
    auto old = get(port, "/api/v1/files/" + legacy_id, as(school));
    REQUIRE(old.status == 200);
    CHECK(old.body == old_pdf);
    CHECK(old.header("content-disposition").rfind("attachment;", 0) == 0);
  }
  // The next start seals it in place; it still downloads exact.
  ServerOptions options;
  options.data_dir = dir.path();
  ServerProcess server(options);
  CHECK(server.wait_for_output("sealed 1 stored upload(s)"));
  const std::string old_pdf = tiny_pdf("stored before sealing " + kNationalId);
  const auto old_file = dir / "files" / server::auth::sha256_hex(old_pdf);
  CHECK(read_file(old_file).find(kNationalId) == std::string::npos);
  CHECK(storage::read_by_content(old_file, storage::FileKeys(key_of(server))) == std::optional<std::string>(old_pdf));
  const auto school = sign_in(server.port(), "1040010001", demo_password("1040010001"));
  auto old = get(server.port(), "/api/v1/files/" + legacy_id, as(school));
  REQUIRE(old.status == 200);
  CHECK(old.body == old_pdf);
}

TEST_CASE("a school's evidence stays the school's: a controller cannot publish it on a KPI", "[server][files][kpi][owner]") {
  ServerProcess server;
  const auto port = server.port();
  const auto controller = sign_in(port, "area.kpi", demo_password("area.kpi"));
  const auto school1 = sign_in(port, "1040010001", demo_password("1040010001"));
  const auto school2 = sign_in(port, "1040010002", demo_password("1040010002"));
  Headers h = as(controller);
  h["Content-Type"] = "application/json";
  auto created = request(port, "POST", "/api/v1/kpi", h,
                         json{{"year", 2567}, {"number", "9"}, {"name", "ตัวชี้วัดทดสอบเอกสาร"}, {"type", "score_1_5"},
                              {"criteria", {2, 3, 4, 5}}, {"cadence", "half_year"}, {"open_periods", {"h1", "h2"}},
                              {"status", "open"}}
                             .dump());
  INFO(created.body);
  REQUIRE(created.status == 201);
  const std::string documents = "/api/v1/kpi/" + std::to_string(created.json()["id"].get<std::int64_t>()) + "/documents";

  const auto evidence = uploaded(port, school1, "ผลการเรียน.pdf", tiny_pdf("pupils' results"));
  auto refused = request(port, "POST", documents, h,
                         json{{"kind", "other"}, {"file_id", evidence}, {"label", "ตัวอย่าง"}}.dump());
  INFO(refused.body);
  CHECK(refused.status == 403);
  CHECK(refused.json()["error"]["code"] == "file_not_owned");
  CHECK(refused.json()["error"]["field"] == "file_id");
  CHECK(refused.json()["error"]["message_en"].get<std::string>().find(evidence) != std::string::npos);
  CHECK(refused.json()["error"]["message_th"].get<std::string>().find(evidence) != std::string::npos);
  // Still only its owners (and the office that reviews them) read it.
  CHECK(get(port, "/api/v1/files/" + evidence, as(school2)).status == 404);
  CHECK(get(port, "/api/v1/files/" + evidence, as(school1)).status == 200);
  CHECK(get(port, "/api/v1/files/" + evidence, as(controller)).status == 200);

  // The controller's own document is published to the office's schools.
  const std::string tool_pdf = tiny_pdf("assessment tool");
  const auto tool = uploaded(port, controller, "แบบประเมิน.pdf", tool_pdf);
  auto attached = request(port, "POST", documents, h,
                          json{{"kind", "assessment_tool"}, {"file_id", tool}, {"label", "แบบประเมิน"}}.dump());
  INFO(attached.body);
  REQUIRE(attached.status == 201);
  const std::string attached_id = attached.json()["file_id"];
  auto read = get(port, "/api/v1/files/" + attached_id, as(school2));
  REQUIRE(read.status == 200);
  CHECK(read.body == tool_pdf);
  // Reused on a second KPI: a copy of its own, the same bytes.
  auto again = request(port, "POST", documents, h,
                       json{{"kind", "other"}, {"file_id", attached_id}, {"label", "อีกครั้ง"}}.dump());
  REQUIRE(again.status == 201);
  CHECK(again.json()["file_id"] != attached_id);
  CHECK(get(port, "/api/v1/files/" + again.json()["file_id"].get<std::string>(), as(school2)).body == tool_pdf);

  // Evidence attached before this check existed publishes nothing.
  execute(server.database(), "INSERT INTO kpi_documents (kpi_id, kind, file_id, label) VALUES (" +
                                 std::to_string(created.json()["id"].get<std::int64_t>()) + ", 'other', '" + evidence +
                                 "', 'old')");
  CHECK(get(port, "/api/v1/files/" + evidence, as(school2)).status == 404);
}

TEST_CASE("a controller removes a KPI document: schools no longer see or download it", "[server][files][kpi][documents]") {
  ServerProcess server;
  const auto port = server.port();
  const auto controller = sign_in(port, "area.kpi", demo_password("area.kpi"));
  const auto school = sign_in(port, "1040010002", demo_password("1040010002"));
  Headers h = as(controller);
  h["Content-Type"] = "application/json";
  auto created = request(port, "POST", "/api/v1/kpi", h,
                         json{{"year", 2567}, {"number", "8"}, {"name", "ตัวชี้วัดเอกสารที่นำออก"}, {"type", "score_1_5"},
                              {"criteria", {2, 3, 4, 5}}, {"cadence", "half_year"}, {"open_periods", {"h1"}}, {"status", "open"}}
                             .dump());
  REQUIRE(created.status == 201);
  const std::string kpi = "/api/v1/kpi/" + std::to_string(created.json()["id"].get<std::int64_t>());
  const auto upload_id = uploaded(port, controller, "คู่มือ.pdf", tiny_pdf("manual"));
  auto attached = request(port, "POST", kpi + "/documents", h,
                          json{{"kind", "description"}, {"file_id", upload_id}, {"label", "คู่มือ"}}.dump());
  REQUIRE(attached.status == 201);
  const auto doc = std::to_string(attached.json()["id"].get<std::int64_t>());
  const std::string file = attached.json()["file_id"];
  REQUIRE(get(port, kpi, as(school)).json()["documents"].size() == 1);
  REQUIRE(get(port, "/api/v1/files/" + file, as(school)).status == 200);

  // A school may not remove it; nothing changes.
  Headers hs = as(school);
  CHECK(request(port, "DELETE", kpi + "/documents/" + doc, hs, "").status == 403);
  CHECK(get(port, kpi, as(school)).json()["documents"].size() == 1);

  auto removed = request(port, "DELETE", kpi + "/documents/" + doc, h, "");
  INFO(removed.body);
  REQUIRE(removed.status == 200);
  CHECK(removed.json()["removed"] == true);
  CHECK(get(port, kpi, as(school)).json()["documents"].empty());
  CHECK(get(port, "/api/v1/files/" + file, as(school)).status == 404);
  CHECK(get(port, "/api/v1/files/" + file, as(controller)).status == 200);  // the uploader keeps it

  auto again = request(port, "DELETE", kpi + "/documents/" + doc, h, "");
  CHECK(again.status == 404);
  CHECK(again.json()["error"]["code"] == "document_not_found");
  CHECK(again.json()["error"]["field"] == "doc_id");
  CHECK(request(port, "DELETE", kpi + "/documents/abc", h, "").json()["error"]["code"] == "document_not_found");
}
