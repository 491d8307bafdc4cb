#include <catch2/catch.hpp>

#include "shared/accounts/profile.hpp"

using namespace domain;

namespace {

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

Profile somchai() {
  return {"นาย", "สมชาย", "ใจดี", "ครู คศ.1", "0812345678", "somchai@school.ac.th"};
}

}  // namespace

TEST_CASE("names: Thai or Latin letters, spaces, '.' and '-', 1..100 characters", "[accounts][profile]") {
  struct Case {
    std::string raw;
    const char* expect;  // normalised value, or nullptr when refused
    const char* code;
  };
  const std::vector<Case> table = {
      {"สมชาย", "สมชาย", ""},
      {"ณัฐพงศ์", "ณัฐพงศ์", ""},
      {"ณ อยุธยา", "ณ อยุธยา", ""},
      {"  สมศรี  ", "สมศรี", ""},
      {"สม   ศรี", "สม ศรี", ""},
      {"Somchai", "Somchai", ""},
      {"Mary-Jane", "Mary-Jane", ""},
      {"St. John", "St. John", ""},
      {"José", "José", ""},
      {repeat("ก", 100), nullptr, ""},  // exactly 100: accepted (checked below)
      {repeat("ก", 101), nullptr, "text_too_long"},
      {"", nullptr, "required"},
      {"   ", nullptr, "required"},
      {"สมชาย1", nullptr, "name_characters"},
      {"Bob@home", nullptr, "name_characters"},
      {"สม\tชาย", nullptr, "text_control_character"},
      {"😀", nullptr, "name_characters"},
      {"...", nullptr, "name_characters"},
      {"ั้นต้น", nullptr, "name_characters"},  // starts with a vowel mark
      {"\xff\xfe", nullptr, "text_invalid_utf8"},
      {"ส\xe0\xb8", nullptr, "text_invalid_utf8"},  // truncated Thai character
  };
  for (const auto& c : table) {
    CAPTURE(c.raw);
    auto r = check_person_name(c.raw, "officer.first_name");
    if (*c.code == '\0') {
      REQUIRE(r.ok());
      if (c.expect) CHECK(r.value() == c.expect);
    } else {
      REQUIRE_FALSE(r.ok());
      CHECK(r.error().code == c.code);
      CHECK(r.error().field == "officer.first_name");
      CHECK(r.error().message_th.find("ชื่อ") != std::string::npos);
      CHECK(r.error().message_en.find("First name") != std::string::npos);
    }
  }
  auto last = check_person_name("1", "last_name");
  REQUIRE_FALSE(last.ok());
  CHECK(last.error().message_th.rfind("นามสกุล", 0) == 0);
  CHECK(last.error().message_en.rfind("Last name", 0) == 0);
}

TEST_CASE("titles: the usual list, or free text up to 30 characters", "[accounts][profile]") {
  for (auto t : common_titles()) {
    CAPTURE(t);
    CHECK(check_title(t).ok());
  }
  for (const char* free : {"พ.ต.อ.", "ว่าที่ ร.ต.", "Mr.", "Assoc. Prof.", "พระครู"}) {
    CAPTURE(free);
    auto r = check_title(free);
    REQUIRE(r.ok());
    CHECK(r.value() == free);
  }
  CHECK(check_title(repeat("ก", 30)).ok());
  const std::pair<std::string, const char*> bad[] = {
      {"", "required"}, {repeat("ก", 31), "text_too_long"}, {"No. 1", "name_characters"}};
  for (const auto& [raw, code] : bad) {
    CAPTURE(raw);
    auto r = check_title(raw);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == code);
    CHECK(r.error().field == "title");
  }
}

TEST_CASE("mobile phone: Thai mobile ranges 06, 08, 09, normalised to 10 digits", "[accounts][profile]") {
  const std::pair<const char*, const char*> good[] = {
      {"0812345678", "0812345678"},   {"081-234-5678", "0812345678"}, {"081 234 5678", "0812345678"},
      {"+66 81 234 5678", "0812345678"}, {"66812345678", "0812345678"}, {"+66 081 234 5678", "0812345678"},
      {"๐๘๑๒๓๔๕๖๗๘", "0812345678"}, {"0612345678", "0612345678"},   {"0998765432", "0998765432"},
  };
  for (const auto& [raw, expect] : good) {
    CAPTURE(raw);
    auto r = check_mobile_phone(raw);
    REQUIRE(r.ok());
    CHECK(r.value() == expect);
  }
  // The rule itself is shared/contact's (tested there); here: it is used, under our field name.
  const std::pair<const char*, const char*> bad[] = {
      {"", "phone_required"},
      {"0212345678", "phone_landline"},  // Bangkok landline
      {"0600000000", "phone_voip"},
      {"081234567", "phone_length"},
      {"08x2345678", "phone_chars"},
      {"+1 212 555 0100", "phone_country"},
  };
  for (const auto& [raw, code] : bad) {
    CAPTURE(raw);
    auto r = check_mobile_phone(raw, "officer.phone");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == code);
    CHECK(r.error().field == "officer.phone");
    CHECK(r.error().message_th.find("มือถือ") != std::string::npos);
  }
}

TEST_CASE("e-mail: optional unless required, simple shape, domain lower-cased", "[accounts][profile]") {
  CHECK(check_email("", false).value().empty());
  auto missing = check_email("  ", true);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().code == "required");

  CHECK(check_email("somchai@school.ac.th", false).value() == "somchai@school.ac.th");
  CHECK(check_email(" Somchai@School.AC.TH ", false).value() == "Somchai@school.ac.th");
  for (const char* bad : {"somchai", "@school.ac.th", "a@b", "a@@b.th", "a@b@c.th", "a b@x.th",
                          "a@x..th", "a@.th", "a@x.th.", "สมชาย@x.th", "a@โรงเรียน.th"}) {
    CAPTURE(bad);
    auto r = check_email(bad, false);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "email_invalid");
    CHECK(r.error().field == "email");
  }
  const std::string long_local = repeat("a", 65) + "@x.th";
  CHECK_FALSE(check_email(long_local, false).ok());
}

TEST_CASE("position: required, up to 100 characters, no control characters", "[accounts][profile]") {
  CHECK(check_position("ผู้อำนวยการโรงเรียน").value() == "ผู้อำนวยการโรงเรียน");
  CHECK(check_position("ครู คศ.2").ok());
  CHECK(check_position(repeat("ค", 100)).ok());
  CHECK(check_position(repeat("ค", 101)).error().code == "text_too_long");
  CHECK(check_position("").error().code == "required");
  CHECK(check_position("ครู\x01").error().code == "text_control_character");
}

TEST_CASE("a whole profile: every problem named under its prefix", "[accounts][profile]") {
  auto ok = check_profile(somchai(), "officer");
  REQUIRE(ok.ok());
  CHECK(ok.value() == somchai());

  auto problems = profile_problems(Profile{}, "officer");
  std::vector<std::string> fields;
  for (const auto& e : problems) fields.push_back(e.field);
  CHECK(fields == std::vector<std::string>{"officer.title", "officer.first_name", "officer.last_name",
                                           "officer.position", "officer.phone"});
  auto with_email = profile_problems(Profile{}, "", EmailRule::required);
  REQUIRE(with_email.size() == 6);
  CHECK(with_email.back().field == "email");

  auto p = somchai();
  p.phone = "0212345678";
  auto bad = check_profile(p);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().field == "phone");
}

TEST_CASE("profile JSON: round trip, normalisation, wrong types", "[accounts][profile]") {
  nlohmann::json j = somchai();
  CHECK(j["first_name"] == "สมชาย");
  auto back = profile_from_json(j);
  REQUIRE(back.ok());
  CHECK(back.value() == somchai());

  auto messy = profile_from_json({{"title", " นาง "},
                                  {"first_name", "สมศรี"},
                                  {"last_name", "มี  สุข"},
                                  {"position", "ครูผู้ช่วย"},
                                  {"phone", "089-111-2222"},
                                  {"email", nullptr}});
  REQUIRE(messy.ok());
  CHECK(messy.value().title == "นาง");
  CHECK(messy.value().last_name == "มี สุข");
  CHECK(messy.value().phone == "0891112222");
  CHECK(messy.value().email.empty());

  struct Case {
    nlohmann::json body;
    const char* code;
    const char* field;
  };
  auto with = [](const char* key, nlohmann::json v) {
    nlohmann::json j = somchai();
    j[key] = std::move(v);
    return j;
  };
  const std::vector<Case> table = {
      {"text", "wrong_type", "officer"},
      {with("first_name", 12), "wrong_type", "officer.first_name"},
      {with("phone", 812345678), "wrong_type", "officer.phone"},
      {with("email", nlohmann::json::array()), "wrong_type", "officer.email"},
      {nlohmann::json::object(), "required", "officer.title"},
      {with("last_name", "ใจดี!"), "name_characters", "officer.last_name"},
  };
  for (const auto& c : table) {
    CAPTURE(c.body.dump());
    auto r = profile_from_json(c.body, "officer");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == c.code);
    CHECK(r.error().field == c.field);
  }
}

TEST_CASE("a new holder: someone else's name, not a corrected spelling or a married name", "[profile][holders]") {
  const Profile somchai{"นาย", "สมชาย", "ใจดี", "ครู", "0812345678", ""};
  CHECK_FALSE(is_new_holder(Profile{}, somchai));  // the first profile starts the history
  CHECK_FALSE(is_new_holder(somchai, somchai));
  Profile other = somchai;
  other.first_name = "สมหญิง", other.last_name = "รักเรียน";
  CHECK(is_new_holder(somchai, other));  // both names change, even on the school's shared phone
  Profile married = somchai;
  married.last_name = "มีสุข";
  CHECK_FALSE(is_new_holder(somchai, married));
  married.phone = "0898765432";
  CHECK(is_new_holder(somchai, married));  // one name and the phone: another person
  Profile moved = somchai;
  moved.position = "ผู้อำนวยการ", moved.phone = "0898765432";
  CHECK_FALSE(is_new_holder(somchai, moved));
}
