// POST /api/v1/registrations/{id}/signed-letter: JPG or PDF by the bytes, at most 10 MB,
// the username and national ID of the registrant; bad files change nothing.
#include <catch2/catch.hpp>

#include "server/auth/crypto.hpp"
#include "tests/server/http_client.hpp"
#include "tests/server/registration_helpers.hpp"
#include "tests/server/server_process.hpp"

using namespace test_server;
using nlohmann::json;

namespace {

std::string make_jpeg(const TempDir& dir, const std::string& comment) {
  const auto file = dir / "signed.jpg";
  auto made = run_command({"/usr/bin/convert", "-size", "800x1100", "xc:white", "-fill", "black", "-draw",
                           "rectangle 100,100 700,140", "-set", "comment", comment, "jpg:" + file.string()},
                          {});
  REQUIRE(made.exit_code == 0);
  return read_file(file);
}

std::string status_of(const ServerProcess& server, const json& c) {
  return get(server.port(), "/api/v1/registrations/" + std::to_string(c["registration_id"].get<int>()),
             {{"Authorization", "Bearer " + c["registration_token"].get<std::string>()}})
      .json()["status"];
}

std::size_t stored_letters(const ServerProcess& server) {
  const auto dir = server.data_dir() / "letters";
  if (!std::filesystem::exists(dir)) return 0;
  return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(dir), {}));
}

}  // namespace

TEST_CASE("signed letter: a JPEG is accepted, re-encoded without its metadata, stored by hash",
          "[server][api][registration][upload]") {
  ServerProcess server;
  TempDir dir;
  auto c = register_school(server, registration_body()).json();
  const std::string jpeg = make_jpeg(dir, "GPS-SECRET-COMMENT");
  REQUIRE(jpeg.find("GPS-SECRET-COMMENT") != std::string::npos);
  auto up = upload_letter(server, c, jpeg, "signed.jpg");
  REQUIRE(up.status == 200);
  CHECK(up.json()["status"] == "under_review");
  CHECK(up.json()["letter"]["type"] == "image/jpeg");
  CHECK(status_of(server, c) == "under_review");
  REQUIRE(stored_letters(server) == 1);
  const auto stored = std::filesystem::directory_iterator(server.data_dir() / "letters")->path();
  CHECK(stored.filename().string().size() == 64 + 4);  // <keyed hash>.jpg
  // Sealed at rest (issue 11, defect 9): not even the JPEG markers show on disk.
  const std::string bytes = read_file(stored);
  CHECK(bytes.substr(0, 2) != "\xFF\xD8");
  CHECK(bytes.find("JFIF") == std::string::npos);
  CHECK(stored.filename().string().substr(0, 64) != server::auth::sha256_hex(bytes));
  auto back = get(server.port(), "/api/v1/registrations/" + std::to_string(c["registration_id"].get<int>()) + "/signed-letter",
                  {{"Authorization", "Bearer " + c["registration_token"].get<std::string>()}});
  REQUIRE(back.status == 200);
  CHECK(back.body.substr(0, 2) == "\xFF\xD8");
  CHECK(back.body.find("GPS-SECRET-COMMENT") == std::string::npos);
  CHECK(back.header("content-disposition").rfind("inline; filename=\"signed-letter-", 0) == 0);
  auto sms = get(server.port(), "/api/v1/dev/outbox?phone=0812345678").json();
  CHECK(sms[0]["text"].get<std::string>().find("ได้รับหนังสือแต่งตั้ง") != std::string::npos);
  // Uploading again once under review is a conflict.
  auto again = upload_letter(server, c, jpeg, "signed.jpg");
  CHECK(again.status == 409);
  CHECK(again.json()["error"]["code"] == "registration_state");
}

TEST_CASE("signed letter: the server's own PDF, signed and sent back, is accepted", "[server][api][registration][upload]") {
  ServerProcess server;
  auto c = register_school(server, registration_body()).json();
  auto pdf = get(server.port(), "/api/v1/registrations/" + std::to_string(c["registration_id"].get<int>()) + "/letter.pdf",
                 {{"Authorization", "Bearer " + c["registration_token"].get<std::string>()}});
  auto up = upload_letter(server, c, pdf.body, "letter.pdf");
  REQUIRE(up.status == 200);
  CHECK(up.json()["letter"]["type"] == "application/pdf");
  // Sealed at rest, given back exact, and only ever as a download.
  REQUIRE(stored_letters(server) == 1);
  const std::string on_disk = read_file(std::filesystem::directory_iterator(server.data_dir() / "letters")->path());
  CHECK(on_disk.find("%PDF") == std::string::npos);
  auto back = get(server.port(), "/api/v1/registrations/" + std::to_string(c["registration_id"].get<int>()) + "/signed-letter",
                  {{"Authorization", "Bearer " + c["registration_token"].get<std::string>()}});
  REQUIRE(back.status == 200);
  CHECK(back.body == pdf.body);
  CHECK(back.header("content-disposition").rfind("attachment; filename=\"signed-letter-", 0) == 0);
  CHECK(back.header("content-security-policy").find("sandbox") != std::string::npos);
}

TEST_CASE("signed letter: bad files and wrong identities are refused and change nothing",
          "[server][api][registration][upload][bad]") {
  ServerProcess server;
  TempDir dir;
  auto c = register_school(server, registration_body()).json();
  const std::string jpeg = make_jpeg(dir, "x");
  auto pdf = get(server.port(), "/api/v1/registrations/" + std::to_string(c["registration_id"].get<int>()) + "/letter.pdf",
                 {{"Authorization", "Bearer " + c["registration_token"].get<std::string>()}})
                 .body;

  struct Case {
    const char* what;
    std::string bytes, name, username, national_id;
    unsigned status;
    const char* code;
    const char* field;
  };
  std::string big = jpeg;
  big.resize(11 * 1000 * 1000, '\0');
  const std::vector<Case> cases = {
      {"a PDF renamed .jpg", pdf, "letter.jpg", "1010720001", "1101700203450", 415, "file_type_mismatch", "file"},
      {"a 0-byte file", "", "empty.jpg", "1010720001", "1101700203450", 400, "file_required", "file"},
      {"11 MB", big, "big.jpg", "1010720001", "1101700203450", 413, "file_too_large", "file"},
      {"a truncated JPEG", jpeg.substr(0, jpeg.size() / 2), "half.jpg", "1010720001", "1101700203450", 415,
       "file_corrupt", "file"},
      {"a text file", "hello, this is not a letter", "letter.pdf", "1010720001", "1101700203450", 415, "file_type", "file"},
      {"the wrong national ID", jpeg, "signed.jpg", "1010720001", "3100600123450", 400, "national_id_mismatch",
       "national_id"},
      {"a national ID with a wrong check digit", jpeg, "signed.jpg", "1010720001", "1101700203451", 400,
       "national_id_checksum", "national_id"},
      {"another school's username", jpeg, "signed.jpg", "1040010001", "1101700203450", 400, "username_mismatch",
       "username"},
  };
  for (const auto& k : cases) {
    INFO(k.what);
    auto r = upload_letter(server, c, k.bytes, k.name, k.username, k.national_id);
    CHECK(r.status == k.status);
    CHECK(r.json()["error"]["code"] == k.code);
    CHECK(r.json()["error"]["field"] == k.field);
    CHECK_FALSE(r.json()["error"]["message_th"].get<std::string>().empty());
    CHECK(status_of(server, c) == "awaiting_letter");
    CHECK(stored_letters(server) == 0);
  }
  // Without the registrant's token.
  auto stranger = c;
  stranger["registration_token"] = std::string(64, 'b');
  CHECK(upload_letter(server, stranger, jpeg, "signed.jpg").status == 401);
  CHECK(status_of(server, c) == "awaiting_letter");
}
