#include <catch2/catch.hpp>

#include <map>

#include "shared/otp/otp_policy.hpp"

using namespace domain;

namespace {

using Bytes = std::vector<std::uint8_t>;
constexpr std::int64_t t0 = 1'700'000'000;

Bytes be32(std::uint32_t v) {
  return {static_cast<std::uint8_t>(v >> 24), static_cast<std::uint8_t>(v >> 16),
          static_cast<std::uint8_t>(v >> 8), static_cast<std::uint8_t>(v)};
}

Bytes concat(Bytes a, const Bytes& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

OtpRecord fresh() { return first_send("0812345678", OtpPurpose::registration, "ABCD", t0); }

}  // namespace

TEST_CASE("purposes parse and print", "[otp]") {
  const std::pair<const char*, OtpPurpose> table[] = {{"registration", OtpPurpose::registration},
                                                      {"password_reset", OtpPurpose::password_reset},
                                                      {"school_user", OtpPurpose::school_user}};
  for (const auto& [id, p] : table) {
    CHECK(parse_otp_purpose(id).value() == p);
    CHECK(to_string(p) == id);
  }
  for (const char* bad : {"", "login", "Registration", "password-reset"}) {
    CAPTURE(bad);
    auto r = parse_otp_purpose(bad);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "purpose_unknown");
    CHECK(r.error().field == "purpose");
  }
}

TEST_CASE("codes: 6 digits from big-endian uint32 values, the biased top skipped", "[otp]") {
  const std::pair<std::uint32_t, const char*> table[] = {
      {0, "000000"},
      {7, "000007"},
      {123456, "123456"},
      {1'000'000, "000000"},
      {4'293'999'999u, "999999"},  // last accepted value
  };
  for (const auto& [v, code] : table) {
    CAPTURE(v);
    CHECK(otp_code_from_bytes(be32(v)) == std::optional<std::string>(code));
  }
  // 4'294'000'000 and above would favour 000000..967295: skipped, the next group is used.
  CHECK(otp_code_from_bytes(concat(be32(4'294'000'000u), be32(42))) == std::optional<std::string>("000042"));
  CHECK(otp_code_from_bytes(concat(be32(0xFFFFFFFFu), be32(654321))) == std::optional<std::string>("654321"));
  CHECK_FALSE(otp_code_from_bytes(be32(0xFFFFFFFFu)).has_value());
  CHECK_FALSE(otp_code_from_bytes(Bytes{1, 2, 3}).has_value());  // not even one group
  CHECK_FALSE(otp_code_from_bytes(Bytes{}).has_value());
}

TEST_CASE("codes are uniform over all residues of one full cycle", "[otp]") {
  // Every value below the limit maps to each code the same number of times (4294 each);
  // check it on a sample of codes by counting preimages arithmetically.
  for (std::uint32_t code : {0u, 1u, 499999u, 967295u, 967296u, 999999u}) {
    CAPTURE(code);
    std::uint32_t hits = 0;
    for (std::uint64_t v = code; v < 4'294'000'000u; v += 1'000'000) ++hits;
    CHECK(hits == 4294);
  }
}

TEST_CASE("references: 4 letters, no I or O, biased bytes skipped", "[otp]") {
  CHECK(otp_reference_alphabet.size() == 24);
  CHECK(otp_reference_alphabet.find('I') == std::string_view::npos);
  CHECK(otp_reference_alphabet.find('O') == std::string_view::npos);
  CHECK(otp_reference_from_bytes(Bytes{0, 1, 2, 3}) == std::optional<std::string>("ABCD"));
  CHECK(otp_reference_from_bytes(Bytes{7, 8, 12, 13}) == std::optional<std::string>("HJNP"));  // skips I, O
  CHECK(otp_reference_from_bytes(Bytes{23, 24, 47, 239}) == std::optional<std::string>("ZAZZ"));
  CHECK(otp_reference_from_bytes(Bytes{240, 0, 255, 1, 2, 3}) == std::optional<std::string>("ABCD"));
  CHECK_FALSE(otp_reference_from_bytes(Bytes{0, 1, 2}).has_value());
  CHECK_FALSE(otp_reference_from_bytes(Bytes{240, 241, 0, 1, 2}).has_value());
}

TEST_CASE("verify: 4th wrong try leaves one, the 5th uses the code up", "[otp]") {
  auto r = fresh();
  for (int tries_left = 4; tries_left >= 1; --tries_left) {
    auto v = verify(r, false, t0 + 10);
    CHECK(v.outcome == VerifyOutcome::wrong);
    CHECK(v.tries_left == tries_left);
  }
  SECTION("right code on the 5th attempt still works") {
    CHECK(verify(r, true, t0 + 10).outcome == VerifyOutcome::ok);
    CHECK(r.used);
    CHECK(verify(r, true, t0 + 11).outcome == VerifyOutcome::used_up);  // no replay
  }
  SECTION("5th wrong try") {
    auto v = verify(r, false, t0 + 10);
    CHECK(v.outcome == VerifyOutcome::used_up);
    CHECK(v.tries_left == 0);
    CHECK(r.wrong_tries == 5);
    CHECK(verify(r, true, t0 + 11).outcome == VerifyOutcome::used_up);  // even the right code
  }
}

TEST_CASE("verify: the code lives 300 s from the first send", "[otp]") {
  const std::tuple<std::int64_t, VerifyOutcome> table[] = {
      {0, VerifyOutcome::ok}, {299, VerifyOutcome::ok}, {300, VerifyOutcome::expired}, {3600, VerifyOutcome::expired}};
  for (const auto& [after, outcome] : table) {
    CAPTURE(after);
    auto r = fresh();
    CHECK(verify(r, true, t0 + after).outcome == outcome);
  }
  auto r = fresh();
  note_resend(r, t0 + 200);  // a resend does not stretch the lifetime
  CHECK(verify(r, true, t0 + 300).outcome == VerifyOutcome::expired);
  CHECK_FALSE(r.used);
  CHECK(r.wrong_tries == 0);  // an expired attempt is not counted as a wrong try
  CHECK(otp_expires_in(fresh(), t0 + 120) == 180);
  CHECK(otp_expires_in(fresh(), t0 + 999) == 0);
}

TEST_CASE("verify errors carry the api.md codes and messages", "[otp]") {
  CHECK_FALSE(verify_error({VerifyOutcome::ok, 5}).has_value());
  auto wrong = verify_error({VerifyOutcome::wrong, 2});
  REQUIRE(wrong);
  CHECK(wrong->code == "otp_wrong");
  CHECK(wrong->field == "code");
  CHECK(wrong->message_th.find("อีก 2 ครั้ง") != std::string::npos);
  CHECK(wrong->message_en.find("2 tries left") != std::string::npos);
  CHECK(verify_error({VerifyOutcome::expired, 3})->code == "otp_expired");
  CHECK(verify_error({VerifyOutcome::used_up, 0})->code == "otp_used_up");
}

TEST_CASE("sending: 60 s cooldown between sends to one phone", "[otp]") {
  const auto live = fresh();
  const std::vector<std::int64_t> sent = {t0};
  auto at59 = decide_send(&live, sent, sent, t0 + 59);
  REQUIRE_FALSE(at59.allowed());
  CHECK(at59.rate.retry_after == 1);
  CHECK(at59.rate.refusal->code == "rate_limited");
  CHECK(at59.rate.refusal->field == "phone");

  auto at60 = decide_send(&live, sent, sent, t0 + 60);
  CHECK(at60.allowed());
  CHECK(at60.same_code);  // within the lifetime: the same code again

  // The cooldown holds across purposes: a fresh password_reset right after a registration OTP.
  auto other = decide_send(nullptr, sent, {}, t0 + 30);
  REQUIRE_FALSE(other.allowed());
  CHECK(other.rate.retry_after == 30);
}

TEST_CASE("sending: a new code once the old one expired, was used or used up", "[otp]") {
  auto expired = fresh();
  CHECK_FALSE(decide_send(&expired, {t0}, {}, t0 + 300).same_code);
  CHECK(decide_send(&expired, {t0}, {}, t0 + 299).same_code);

  auto used = fresh();
  used.used = true;
  CHECK_FALSE(decide_send(&used, {t0}, {}, t0 + 100).same_code);

  auto exhausted = fresh();
  exhausted.wrong_tries = otp_max_wrong_tries;
  CHECK_FALSE(decide_send(&exhausted, {t0}, {}, t0 + 100).same_code);

  auto first = decide_send(nullptr, {}, {}, t0);
  CHECK(first.allowed());
  CHECK_FALSE(first.same_code);
}

TEST_CASE("sending: at most 5 per phone in 24 h; the 6th waits for the oldest to age out", "[otp]") {
  const std::int64_t h = 3600;
  std::vector<std::int64_t> sends = {t0, t0 + h, t0 + 2 * h, t0 + 3 * h};  // 4 so far
  const std::int64_t now = t0 + 4 * h;
  auto fifth = decide_send(nullptr, sends, {}, now);
  CHECK(fifth.allowed());

  sends.push_back(now);
  auto sixth = decide_send(nullptr, sends, {}, now + 600);
  REQUIRE_FALSE(sixth.allowed());
  CHECK(sixth.rate.retry_after == t0 + 24 * h - (now + 600));
  CHECK(sixth.rate.refusal->field == "phone");
  CHECK(sixth.rate.refusal->message_th.find("กรุณารอ") != std::string::npos);

  CHECK_FALSE(decide_send(nullptr, sends, {}, t0 + 24 * h - 1).allowed());
  CHECK(decide_send(nullptr, sends, {}, t0 + 24 * h).allowed());  // the first send aged out
}

TEST_CASE("sending: at most 20 per client address per hour", "[otp]") {
  std::vector<std::int64_t> from_address;
  for (int i = 0; i < 19; ++i) from_address.push_back(t0 + i * 120);  // many phones, one address
  const std::int64_t now = t0 + 19 * 120;
  CHECK(decide_send(nullptr, {}, from_address, now).allowed());  // the 20th

  from_address.push_back(now);
  auto next = decide_send(nullptr, {}, from_address, now + 60);
  REQUIRE_FALSE(next.allowed());
  CHECK(next.rate.retry_after == t0 + 3600 - (now + 60));
  CHECK(next.rate.refusal->field.empty());  // not the phone's fault
  CHECK(decide_send(nullptr, {}, from_address, t0 + 3600).allowed());
}

TEST_CASE("sending: when several limits apply the longest wait is given", "[otp]") {
  const std::vector<std::int64_t> phone = {t0 - 5000, t0 - 4000, t0 - 3000, t0 - 2000, t0 - 10};
  std::vector<std::int64_t> address(20, t0 - 100);
  auto d = decide_send(nullptr, phone, address, t0);
  REQUIRE_FALSE(d.allowed());
  // cooldown 50 s, address 3500 s, phone day 86400 - 5000 s
  CHECK(d.rate.retry_after == 86400 - 5000);
}

TEST_CASE("code input: 6 digits, Thai digits and spaces forgiven", "[otp]") {
  const std::pair<const char*, const char*> good[] = {{"123456", "123456"}, {" 012345 ", "012345"}, {"๑๒๓๔๕๖", "123456"}};
  for (const auto& [raw, code] : good) CHECK(check_otp_code(raw).value() == code);
  const std::pair<const char*, const char*> bad[] = {
      {"", "required"}, {"12345", "otp_format"}, {"1234567", "otp_format"}, {"12a456", "otp_format"}, {"123 456", "otp_format"}};
  for (const auto& [raw, code] : bad) {
    CAPTURE(raw);
    auto r = check_otp_code(raw);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == code);
    CHECK(r.error().field == "code");
  }
}

TEST_CASE("OTP request body: Thai mobile and a known purpose", "[otp]") {
  auto ok = parse_otp_request({{"phone", "081-234-5678"}, {"purpose", "password_reset"}});
  REQUIRE(ok.ok());
  CHECK(ok.value().phone == "0812345678");
  CHECK(ok.value().purpose == OtpPurpose::password_reset);

  struct Case {
    nlohmann::json body;
    const char* code;
    const char* field;
  };
  const std::vector<Case> table = {
      {nlohmann::json::array(), "wrong_type", ""},
      {{{"purpose", "registration"}}, "required", "phone"},
      {{{"phone", 812345678}, {"purpose", "registration"}}, "required", "phone"},
      {{{"phone", "0812345678"}}, "required", "purpose"},
      {{{"phone", "0212345678"}, {"purpose", "registration"}}, "phone_landline", "phone"},
      {{{"phone", "0812345678"}, {"purpose", "login"}}, "purpose_unknown", "purpose"},
  };
  for (const auto& c : table) {
    CAPTURE(c.body.dump());
    auto r = parse_otp_request(c.body);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == c.code);
    CHECK(r.error().field == c.field);
  }
}

TEST_CASE("SMS texts in Thai and English", "[otp]") {
  CHECK(otp_sms_th("123456", "ABCD") ==
        "รหัส OTP ของคุณคือ 123456 (รหัสอ้างอิง ABCD) ใช้ได้ภายใน 5 นาที อย่าบอกรหัสนี้แก่ผู้อื่น");
  CHECK(otp_sms_en("123456", "ABCD") ==
        "Your OTP is 123456 (ref. ABCD), valid for 5 minutes. Do not share this code with anyone.");
}
