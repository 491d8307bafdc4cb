// Uploaded files under concurrency and damage (issue 11, defect 1): the same bytes uploaded
// at once through the real server all succeed and download exact; a damaged stored copy is
// never served and is replaced by the next good upload; crash leftovers go at start.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <future>

#include "server/auth/crypto.hpp"
#include "server/storage/content_store.hpp"
#include "tests/server/file_fixtures.hpp"
#include "tests/server/sign_in_helpers.hpp"

using namespace test_server;
namespace storage = server::storage;

namespace {

HttpResponse upload(unsigned short port, const SignedIn& who, const std::string& bytes) {
  Headers h = as(who);
  h["Content-Type"] = "multipart/form-data; boundary=XyZ";
  const std::string body = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.pdf\"\r\n"
                           "Content-Type: application/pdf\r\n\r\n" + bytes + "\r\n--XyZ--\r\n";
  return request(port, "POST", "/api/v1/files", h, body);
}

// A real PDF of about 3 MB: one page, and a stream of lines nothing compresses away.
std::string pdf_bytes() {
  std::string lines;
  for (unsigned long i = 0; lines.size() < 3 * 1024 * 1024; ++i) lines += "line " + std::to_string(i * 7919 % 100003) + "\n";
  return tiny_pdf(lines);
}

// The one file in `dir` (its name is a keyed hash the test cannot compute).
fs::path only_file(const fs::path& dir) {
  REQUIRE(std::distance(fs::directory_iterator(dir), {}) == 1);
  return fs::directory_iterator(dir)->path();
}

}  // namespace

TEST_CASE("content store: the same bytes uploaded 20 times at once all succeed and download exact",
          "[server][files][http]") {
  ServerProcess server;
  const auto port = server.port();
  const auto school = sign_in(port, "1040010001", demo_password("1040010001"));
  const std::string bytes = pdf_bytes();
  const std::string sha = server::auth::sha256_hex(bytes);

  std::vector<std::future<HttpResponse>> sent;
  for (int i = 0; i < 20; ++i) sent.push_back(std::async(std::launch::async, [&] { return upload(port, school, bytes); }));
  std::vector<std::string> ids;
  for (auto& f : sent) {
    auto r = f.get();
    INFO(r.body);
    CHECK(r.status == 201);
    if (r.status == 201) {
      CHECK(r.json()["sha256"] == sha);
      ids.push_back(r.json()["file_id"].get<std::string>());
    }
  }
  REQUIRE(ids.size() == 20);
  for (const auto& id : ids) {
    auto d = get(port, "/api/v1/files/" + id, as(school));
    REQUIRE(d.status == 200);
    CHECK(d.body == bytes);
  }
  const auto files = server.data_dir() / "files";
  CHECK(std::distance(fs::directory_iterator(files), {}) == 1);  // one copy, no temporary left

  SECTION("a truncated copy is not served, and the next upload of the same bytes repairs it") {
    const auto stored = only_file(files);
    fs::resize_file(stored, fs::file_size(stored) / 2);
    auto bad = get(port, "/api/v1/files/" + ids[0], as(school));
    CHECK(bad.status == 500);
    CHECK(bad.body.find(bytes.substr(0, 100)) == std::string::npos);
    CHECK(server.wait_for_output("files/" + stored.filename().string() + " is damaged"));

    auto again = upload(port, school, bytes);
    INFO(again.body);
    REQUIRE(again.status == 201);
    auto good = get(port, "/api/v1/files/" + ids[0], as(school));
    REQUIRE(good.status == 200);
    CHECK(good.body == bytes);
  }
}

TEST_CASE("content store: a damaged copy is replaced, unfinished uploads are removed at start",
          "[server][files]") {
  TempDir dir;
  const auto letters = dir / "letters";
  const storage::FileKeys keys(test_key());
  const std::string sha = storage::store_by_content(letters, keys, "signed letter", ".pdf");
  const auto file = letters / (sha + ".pdf");
  CHECK(storage::read_by_content(file, keys) == std::optional<std::string>("signed letter"));
  CHECK_FALSE(storage::read_by_content(letters / (std::string(64, '0') + ".pdf"), keys));

  const std::string whole = read_file(file);
  write_file(file, whole.substr(0, whole.size() - 3));  // a crash left it short
  CHECK_THROWS_AS(storage::read_by_content(file, keys), storage::CorruptFile);
  CHECK(storage::store_by_content(letters, keys, "signed letter", ".pdf") == sha);
  CHECK(storage::read_by_content(file, keys) == std::optional<std::string>("signed letter"));
  struct stat st {};
  REQUIRE(::stat(file.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);

  // What a crash mid-upload leaves, from this version and the one before.
  write_file(letters / ("." + sha + ".tmp-Ab12Cd"), "sig");
  write_file(letters / (sha + ".pdf.tmp4242"), "sig");
  write_file(dir / "files" / ("." + std::string(64, 'a') + ".tmp-xyzXYZ"), "half");
  ServerOptions options;
  options.data_dir = dir.path();
  ServerProcess server(options);
  CHECK(server.wait_for_output("removed 2 unfinished upload(s)"));
  CHECK(server.wait_for_output("removed 1 unfinished upload(s)"));
  CHECK(std::distance(fs::directory_iterator(letters), {}) == 1);
  CHECK(fs::is_empty(dir / "files"));
  // The server made a key of its own in this data folder: the letter stays sealed with the
  // test's key, and it does not open with the server's.
  CHECK(storage::read_by_content(file, keys) == std::optional<std::string>("signed letter"));
}
