// The registration endpoints over loopback HTTP: OTP from the outbox, the letter checked
// with qpdf and pdftotext, uploads checked by their bytes, supersede (explicit or not) and resume.
#include <catch2/catch.hpp>
#include <regex>

#include "tests/server/http_client.hpp"
#include "tests/server/registration_helpers.hpp"
#include "tests/server/server_process.hpp"

using namespace test_server;
using nlohmann::json;

TEST_CASE("registration: create with a verified OTP, read it back, national ID masked", "[server][api][registration]") {
  ServerProcess server;
  auto created = register_school(server, registration_body());
  REQUIRE(created.status == 201);
  auto c = created.json();
  CHECK(c["status"] == "awaiting_letter");
  CHECK(c["username"] == "1010720001");
  CHECK(c["registration_token"].get<std::string>().size() == 64);

  auto mine = get(server.port(), "/api/v1/registrations/" + std::to_string(c["registration_id"].get<int>()),
                  {{"Authorization", "Bearer " + c["registration_token"].get<std::string>()}});
  REQUIRE(mine.status == 200);
  auto r = mine.json();
  CHECK(r["institution_name"] == "โรงเรียนบ้านหนองบัว");
  CHECK(r["officer"]["national_id"] == "1-1017-xxxxx-xx-0");
  CHECK(mine.body.find("1101700203450") == std::string::npos);
  CHECK(r["legacy"]["tsl_username"] == "tsl_1010720001");

  auto stranger = get(server.port(), "/api/v1/registrations/" + std::to_string(c["registration_id"].get<int>()),
                      {{"Authorization", "Bearer " + std::string(64, 'a')}});
  CHECK(stranger.status == 401);
  CHECK(get(server.port(), "/api/v1/registrations/" + std::to_string(c["registration_id"].get<int>())).status == 401);
}

TEST_CASE("registration: the letter PDF passes qpdf --check and pdftotext gives the officer's Thai name",
          "[server][api][registration][letter]") {
  ServerProcess server;
  auto c = register_school(server, registration_body()).json();
  auto pdf = get(server.port(), "/api/v1/registrations/" + std::to_string(c["registration_id"].get<int>()) + "/letter.pdf",
                 {{"Authorization", "Bearer " + c["registration_token"].get<std::string>()}});
  REQUIRE(pdf.status == 200);
  CHECK(pdf.header("content-type") == "application/pdf");
  CHECK(pdf.body.substr(0, 5) == "%PDF-");
  TempDir dir;
  write_file(dir / "letter.pdf", pdf.body);
  auto check = run_command({"/usr/bin/qpdf", "--check", (dir / "letter.pdf").string()}, {});
  CHECK(check.exit_code == 0);
  auto text = run_command({"/usr/bin/pdftotext", "-layout", (dir / "letter.pdf").string(), "-"}, {});
  REQUIRE(text.exit_code == 0);
  CHECK(text.output.find("นางสาวสมหญิง ใจดี") != std::string::npos);
  CHECK(text.output.find("1010720001") != std::string::npos);
  CHECK(text.output.find("โรงเรียนบ้านหนองบัว") != std::string::npos);
  CHECK(text.output.find("ผู้อำนวยการโรงเรียนบ้านหนองบัว") != std::string::npos);
  CHECK(text.output.find(c["reference"].get<std::string>()) != std::string::npos);
  CHECK(std::regex_search(text.output, std::regex("วันที่ [๐-๙]+ [ก-๙]+ ๒๕[๐-๙]{2}")));
}

TEST_CASE("registration: pdftotext reads a name with stacked Thai marks exactly, in every mode",
          "[server][api][registration][letter]") {
  ServerProcess server;
  auto body = registration_body();
  body["officer"]["title"] = "นาย";
  body["officer"]["first_name"] = "สมศักดิ์";
  body["officer"]["last_name"] = "ชื่นใจรุ่งเรื่อง";
  auto c = register_school(server, body).json();
  auto pdf = get(server.port(), "/api/v1/registrations/" + std::to_string(c["registration_id"].get<int>()) + "/letter.pdf",
                 {{"Authorization", "Bearer " + c["registration_token"].get<std::string>()}});
  REQUIRE(pdf.status == 200);
  TempDir dir;
  write_file(dir / "letter.pdf", pdf.body);
  for (std::string mode : {"-layout", "-raw", "-enc"}) {
    std::vector<std::string> args{"/usr/bin/pdftotext", mode, (dir / "letter.pdf").string(), "-"};
    if (mode == "-enc") args.insert(args.begin() + 2, "UTF-8");  // the default reading order
    auto text = run_command(args, {});
    REQUIRE(text.exit_code == 0);
    INFO("pdftotext " << mode);
    CHECK(text.output.find("นายสมศักดิ์ ชื่นใจรุ่งเรื่อง") != std::string::npos);
    CHECK(text.output.find("แต่งตั้ง") != std::string::npos);
  }
}

TEST_CASE("registration: bad input names the field and stores nothing", "[server][api][registration][bad]") {
  ServerProcess server;
  auto body = registration_body();
  body["officer"]["national_id"] = "1101700203451";
  auto wrong_id = register_school(server, body);
  CHECK(wrong_id.status == 400);
  CHECK(wrong_id.json()["error"]["field"] == "officer.national_id");
  CHECK(wrong_id.json()["error"]["code"] == "national_id_checksum");

  body = registration_body();
  body["officer"]["phone"] = "02-123-4567";
  auto landline = request(server.port(), "POST", "/api/v1/registrations", {{"Content-Type", "application/json"}},
                          (body.update({{"otp_token", "x"}}), body).dump());
  CHECK(landline.status == 400);
  CHECK(landline.json()["error"]["field"] == "officer.phone");

  body = registration_body();
  body["affiliation"] = "dla";  // 1010720001 is an obec school
  auto other = register_school(server, body);
  CHECK(other.status == 400);
  CHECK(other.json()["error"]["code"] == "institution_other_affiliation");

  body = registration_body();
  body["institution_code"] = "1099999999";
  auto missing = register_school(server, body);
  CHECK(missing.status == 404);
  CHECK(missing.json()["error"]["message_th"].get<std::string>().find("DMC") != std::string::npos);

  body = registration_body();
  body["affiliation"] = "opec";
  CHECK(register_school(server, body).json()["error"]["code"] == "affiliation_not_open");

  // An OTP token of another phone is refused and stays usable for its own phone.
  auto token = otp_token(server, "0898765432");
  body = registration_body();
  body["otp_token"] = token;
  auto mismatch = request(server.port(), "POST", "/api/v1/registrations", {{"Content-Type", "application/json"}}, body.dump());
  CHECK(mismatch.status == 400);
  CHECK(mismatch.json()["error"]["code"] == "otp_phone_mismatch");
  body["officer"]["phone"] = "0898765432";
  auto ok = request(server.port(), "POST", "/api/v1/registrations", {{"Content-Type", "application/json"}}, body.dump());
  CHECK(ok.status == 201);
  // A replayed token.
  body["institution_code"] = "1040010001";
  auto replay = request(server.port(), "POST", "/api/v1/registrations", {{"Content-Type", "application/json"}}, body.dump());
  CHECK(replay.status == 400);
  CHECK(replay.json()["error"]["code"] == "otp_token_invalid");
}

TEST_CASE("registration: a newer registration supersedes the open one, and its registrant gets an SMS",
          "[server][api][registration]") {
  ServerProcess server;
  auto first = register_school(server, registration_body()).json();
  auto body = registration_body();
  body["officer"]["phone"] = "0898765432";
  body["officer"]["first_name"] = "สมชาย";
  auto second = register_school(server, body);
  REQUIRE(second.status == 201);
  CHECK(second.json()["superseded"] == json::array({first["registration_id"]}));
  auto old = get(server.port(), "/api/v1/registrations/" + std::to_string(first["registration_id"].get<int>()),
                 {{"Authorization", "Bearer " + first["registration_token"].get<std::string>()}});
  CHECK(old.json()["status"] == "superseded");
  auto sms = get(server.port(), "/api/v1/dev/outbox?phone=0812345678").json();
  REQUIRE(!sms.empty());
  CHECK(sms[0]["text"].get<std::string>().find("ถูกแทนที่") != std::string::npos);
  CHECK(sms[0]["text"].get<std::string>().find(first["reference"].get<std::string>()) != std::string::npos);
}

TEST_CASE("registration: two registrations racing for one institution leave exactly one open",
          "[server][api][registration]") {
  ServerProcess server;
  auto a = registration_body(), b = registration_body();
  b["officer"]["phone"] = "0898765432";
  a["otp_token"] = otp_token(server, "0812345678");
  b["otp_token"] = otp_token(server, "0898765432");
  HttpResponse ra, rb;
  std::thread ta([&] { ra = request(server.port(), "POST", "/api/v1/registrations", {{"Content-Type", "application/json"}}, a.dump()); });
  std::thread tb([&] { rb = request(server.port(), "POST", "/api/v1/registrations", {{"Content-Type", "application/json"}}, b.dump()); });
  ta.join();
  tb.join();
  REQUIRE(ra.status == 201);
  REQUIRE(rb.status == 201);
  // The later one superseded the earlier one: exactly one is open.
  const int superseded = static_cast<int>(ra.json()["superseded"].size() + rb.json()["superseded"].size());
  CHECK(superseded == 1);
  int open = 0;
  for (auto* r : {&ra, &rb}) {
    auto j = r->json();
    auto now = get(server.port(), "/api/v1/registrations/" + std::to_string(j["registration_id"].get<int>()),
                   {{"Authorization", "Bearer " + j["registration_token"].get<std::string>()}}).json();
    open += now["status"] == "awaiting_letter";
  }
  CHECK(open == 1);
}

TEST_CASE("registration: resume with a fresh OTP to the same phone until the letter is in",
          "[server][api][registration]") {
  ServerProcess server;
  auto first = register_school(server, registration_body()).json();
  advance_clock(server, 61);  // past the resend cooldown
  auto resumed = request(server.port(), "POST", "/api/v1/registrations/resume", {{"Content-Type", "application/json"}},
                         json{{"institution_code", "1010720001"}, {"otp_token", otp_token(server, "0812345678")}}.dump());
  REQUIRE(resumed.status == 200);
  CHECK(resumed.json()["registration_id"] == first["registration_id"]);
  const std::string token = resumed.json()["registration_token"];
  const std::string path = "/api/v1/registrations/" + std::to_string(first["registration_id"].get<int>());
  CHECK(get(server.port(), path, {{"Authorization", "Bearer " + token}}).status == 200);
  CHECK(get(server.port(), path, {{"Authorization", "Bearer " + first["registration_token"].get<std::string>()}}).status == 401);
  // Another phone cannot take it over.
  advance_clock(server, 61);
  auto other = request(server.port(), "POST", "/api/v1/registrations/resume", {{"Content-Type", "application/json"}},
                       json{{"institution_code", "1010720001"}, {"otp_token", otp_token(server, "0898765432")}}.dump());
  CHECK(other.status == 400);
  CHECK(other.json()["error"]["code"] == "otp_phone_mismatch");
}

TEST_CASE("registration: superseding is explicit: open ones are listed, and supersede:false refuses and keeps the OTP",
          "[server][api][registration]") {
  ServerProcess server;
  auto open_list = [&] { return get(server.port(), "/api/v1/registrations?institution_code=1010720001"); };
  CHECK(open_list().json()["open"] == json::array());

  auto first_body = registration_body();
  first_body["supersede"] = false;  // nothing open: goes through
  auto first = register_school(server, first_body);
  REQUIRE(first.status == 201);
  auto listed = open_list();
  REQUIRE(listed.status == 200);
  REQUIRE(listed.json()["open"].size() == 1);
  auto o = listed.json()["open"][0];
  CHECK(o["status"] == "awaiting_letter");
  CHECK(o["resumable"] == true);
  CHECK(o["phone"] == "xxx-xxx-xx78");
  CHECK(listed.body.find("5678") == std::string::npos);  // nothing personal beyond the hint
  CHECK(listed.body.find("สมหญิง") == std::string::npos);

  auto body = registration_body();
  body["officer"]["phone"] = "0898765432";
  body["otp_token"] = otp_token(server, "0898765432");
  body["supersede"] = false;
  auto post = [&] {
    return request(server.port(), "POST", "/api/v1/registrations", {{"Content-Type", "application/json"}}, body.dump());
  };
  auto refused = post();
  CHECK(refused.status == 409);
  CHECK(refused.json()["error"]["code"] == "registration_open");
  CHECK(refused.json()["error"]["field"] == "institution_code");
  CHECK(open_list().json()["open"].size() == 1);  // unchanged
  CHECK(get(server.port(), "/api/v1/dev/outbox?phone=0812345678").json().size() == 1);  // only its OTP

  body["supersede"] = "yes";
  CHECK(post().json()["error"]["code"] == "wrong_type");  // field "supersede"
  body["supersede"] = true;  // the same OTP token, now confirmed
  auto replaced = post();
  REQUIRE(replaced.status == 201);
  CHECK(replaced.json()["superseded"] == json::array({first.json()["registration_id"]}));
  auto now = open_list().json()["open"];
  REQUIRE(now.size() == 1);
  CHECK(now[0]["phone"] == "xxx-xxx-xx32");

  auto bad = get(server.port(), "/api/v1/registrations?institution_code=12");
  CHECK(bad.status == 400);
  CHECK(bad.json()["error"]["field"] == "institution_code");
  CHECK(get(server.port(), "/api/v1/registrations").status == 400);
}
