// OtpService on a real SQLite file with the outbox gateway and a clock the test moves.
#include <catch2/catch.hpp>
#include <regex>

#include "server/otp/otp_service.hpp"
#include "server/storage/migrations.hpp"
#include "tests/server/server_process.hpp"

using namespace server;
using otp::OtpSent;
using otp::Refusal;

namespace {

struct Fixture {
  test_server::TempDir dir;
  std::int64_t now = 1'800'000'000;
  std::unique_ptr<storage::ConnectionPool> pool;
  std::unique_ptr<sms::OutboxGateway> outbox;
  otp::SecretKey key;
  std::unique_ptr<otp::OtpService> service;

  Fixture() {
    {
      storage::Database db(dir / "school.db");
      storage::migrate(db);
    }
    pool = std::make_unique<storage::ConnectionPool>(dir / "school.db");
    outbox = std::make_unique<sms::OutboxGateway>(*pool);
    key = otp::load_or_create_secret(dir / "server.key");
    service = make(*outbox);
  }
  std::unique_ptr<otp::OtpService> make(sms::SmsGateway& gateway) {
    return std::make_unique<otp::OtpService>(*pool, gateway, key, [this] { return now; });
  }
  otp::Outcome<OtpSent> send(const std::string& phone = "0812345678", const std::string& address = "10.0.0.1",
                             domain::OtpPurpose purpose = domain::OtpPurpose::registration) {
    return service->send({phone, purpose}, address);
  }
  // The code in the newest SMS to `phone`.
  std::string code_sent(const std::string& phone = "0812345678") {
    auto list = outbox->list(phone, 1);
    REQUIRE(!list.empty());
    std::smatch m;
    REQUIRE(std::regex_search(list[0].text, m, std::regex("OTP ของคุณคือ (\\d{6}) \\(รหัสอ้างอิง ([A-Z]{4})\\)")));
    return m[1].str();
  }
  std::int64_t count(const std::string& sql) {
    auto db = pool->acquire();
    auto q = db->prepare(sql);
    q.step();
    return q.integer(0);
  }
};

OtpSent sent(const otp::Outcome<OtpSent>& o) {
  if (auto* r = std::get_if<Refusal>(&o)) FAIL("refused: " << r->error.code << " " << r->error.message_en);
  return std::get<OtpSent>(o);
}
Refusal refusal_of(const auto& o) {
  REQUIRE(std::holds_alternative<Refusal>(o));
  return std::get<Refusal>(o);
}
std::string wrong_code(const std::string& code) { return code == "000000" ? "111111" : "000000"; }

}  // namespace

TEST_CASE("otp: the SMS carries the code and the reference; the database holds neither code in clear",
          "[server][otp]") {
  Fixture f;
  const auto& s = sent(f.send());
  CHECK(s.reference.size() == 4);
  CHECK(s.otp_id.size() == 32);
  CHECK(s.expires_in == 300);
  CHECK(s.resend_after == 60);
  const auto code = f.code_sent();
  CHECK(f.outbox->list("0812345678")[0].text.find(s.reference) != std::string::npos);
  CHECK(f.count("SELECT COUNT(*) FROM otp_codes WHERE code_hash LIKE '%" + code + "%' OR code_sealed LIKE '%" +
                code + "%'") == 0);
  CHECK(f.count("SELECT COUNT(*) FROM otp_codes WHERE length(code_hash) = 64") == 1);
}

TEST_CASE("otp: a re-send within the lifetime repeats the same code after the 60 s cooldown", "[server][otp]") {
  Fixture f;
  const auto first = sent(f.send());
  const auto code = f.code_sent();
  f.now += 30;
  auto early = refusal_of(f.send());
  CHECK(early.status == 429);
  CHECK(early.retry_after == 30);
  CHECK(early.error.code == "rate_limited");
  f.now += 30;
  const auto again = sent(f.send());
  CHECK(again.otp_id == first.otp_id);
  CHECK(again.reference == first.reference);
  CHECK(again.expires_in == 240);  // the lifetime counts from the first send
  CHECK(f.code_sent() == code);
  CHECK(f.outbox->list("0812345678").size() == 2);
  // After the lifetime a new code is drawn.
  f.now += 300;
  const auto later = sent(f.send());
  CHECK(later.otp_id != first.otp_id);
}

TEST_CASE("otp: at most 5 sends per number per day, and 20 per address per hour", "[server][otp]") {
  Fixture f;
  for (int i = 0; i < 5; ++i) {
    sent(f.send("0812345678", "10.0.0." + std::to_string(i)));
    f.now += 61;
  }
  auto sixth = refusal_of(f.send("0812345678", "10.0.0.9"));
  CHECK(sixth.status == 429);
  CHECK(sixth.retry_after == 24 * 3600 - 5 * 61);  // until the first send is a day old
  CHECK(f.outbox->list("0812345678").size() == 5);

  // One address, many numbers.
  for (int i = 0; i < 20; ++i) sent(f.send("08100000" + std::to_string(10 + i), "192.0.2.7"));
  auto over = refusal_of(f.send("0819999999", "192.0.2.7"));
  CHECK(over.status == 429);
  CHECK(over.retry_after == 3600);
  f.now += 3600;
  sent(f.send("0819999999", "192.0.2.7"));
}

TEST_CASE("otp: verify gives a single-use token; wrong tries are counted; 5 wrong use the code up",
          "[server][otp]") {
  Fixture f;
  auto s = sent(f.send());
  const auto code = f.code_sent();
  auto wrong = refusal_of(f.service->verify(s.otp_id, wrong_code(code)));
  CHECK(wrong.status == 400);
  CHECK(wrong.error.code == "otp_wrong");
  CHECK(wrong.error.message_en.find("4 tries left") != std::string::npos);
  auto bad_format = refusal_of(f.service->verify(s.otp_id, "12ab"));
  CHECK(bad_format.error.code == "otp_format");  // not counted as a try
  auto token = f.service->verify(s.otp_id, "  " + code + " ");
  REQUIRE(std::holds_alternative<std::string>(token));
  CHECK(refusal_of(f.service->verify(s.otp_id, code)).status == 410);  // no replay

  // Redeem: once, for its purpose, for its phone.
  const auto& t = std::get<std::string>(token);
  CHECK(f.service->redeem(t, domain::OtpPurpose::password_reset).error().code == "otp_token_invalid");
  {
    auto db = f.pool->acquire();
    auto other = f.service->redeem(*db, t, domain::OtpPurpose::registration, std::string_view("0899999999"));
    CHECK(other.error().code == "otp_phone_mismatch");
  }
  auto phone = f.service->redeem(t, domain::OtpPurpose::registration);
  REQUIRE(phone.ok());
  CHECK(phone.value() == "0812345678");
  CHECK(f.service->redeem(t, domain::OtpPurpose::registration).error().code == "otp_token_invalid");

  // Another code: five wrong tries and even the right code is refused.
  f.now += 61;
  s = sent(f.send());
  const auto code2 = f.code_sent();
  for (int i = 1; i <= 4; ++i) CHECK(refusal_of(f.service->verify(s.otp_id, wrong_code(code2))).status == 400);
  auto fifth = refusal_of(f.service->verify(s.otp_id, wrong_code(code2)));
  CHECK(fifth.status == 410);
  CHECK(fifth.error.code == "otp_used_up");
  CHECK(refusal_of(f.service->verify(s.otp_id, code2)).error.code == "otp_used_up");
}

TEST_CASE("otp: a code expires 300 s after its first send; a token after 15 min", "[server][otp]") {
  Fixture f;
  auto s = sent(f.send());
  const auto code = f.code_sent();
  f.now += 300;
  auto late = refusal_of(f.service->verify(s.otp_id, code));
  CHECK(late.status == 410);
  CHECK(late.error.code == "otp_expired");

  f.now += 61;
  s = sent(f.send());
  auto token = f.service->verify(s.otp_id, f.code_sent());
  REQUIRE(std::holds_alternative<std::string>(token));
  f.now += otp::otp_token_lifetime;
  CHECK_FALSE(f.service->redeem(std::get<std::string>(token), domain::OtpPurpose::registration).ok());
  CHECK(refusal_of(f.service->verify("0123456789abcdef0123456789abcdef", "123456")).status == 404);
}

TEST_CASE("otp: a gateway failure is a 503 and is not counted as a send", "[server][otp]") {
  Fixture f;
  sms::UnconfiguredGateway broken;
  auto failing = f.make(broken);
  for (int i = 0; i < 7; ++i) {
    auto r = refusal_of(failing->send({"0812345678", domain::OtpPurpose::registration}, "10.0.0.1"));
    CHECK(r.status == 503);
    CHECK(r.error.code == "sms_unavailable");
  }
  CHECK(f.count("SELECT COUNT(*) FROM otp_sends") == 0);
  CHECK(f.count("SELECT COUNT(*) FROM otp_codes") == 0);
  // No cooldown was started: the working gateway sends at once.
  sent(f.send());
}

TEST_CASE("otp: the server secret is kept in the data folder, private, and reused", "[server][otp]") {
  test_server::TempDir dir;
  auto a = otp::load_or_create_secret(dir / "server.key");
  auto b = otp::load_or_create_secret(dir / "server.key");
  CHECK(a == b);
  CHECK((std::filesystem::status(dir / "server.key").permissions() & std::filesystem::perms::others_read) ==
        std::filesystem::perms::none);
  test_server::TempDir other;
  CHECK(otp::load_or_create_secret(other / "server.key") != a);
}
