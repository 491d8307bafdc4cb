// The registration form rules: affiliation, institution, officer, legacy usernames.
#include <catch2/catch.hpp>

#include "shared/registration/registration_form.hpp"

using namespace domain;

namespace {

RegistrationForm good_form() {
  RegistrationForm f;
  f.affiliation = "obec";
  f.institution_code = "1010720001";
  f.officer = Profile{"นางสาว", "สมหญิง", "ใจดี", "ครู", "081-234-5678", ""};
  f.national_id = "1-1017-00203-45-0";
  f.tsl_username = "tsl_1010720001";
  return f;
}

std::vector<std::string> fields(const std::vector<FieldError>& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.field);
  return out;
}

}  // namespace

TEST_CASE("registration form: a good form is normalised", "[domain][registration]") {
  auto r = check_registration(good_form());
  REQUIRE(r.ok());
  CHECK(r.value().officer.phone == "0812345678");
  CHECK(r.value().national_id.digits() == "1101700203450");
  CHECK(r.value().institution_code == "1010720001");
  CHECK(r.value().kiddiary_username.empty());
}

TEST_CASE("registration form: only obec and dla are open", "[domain][registration]") {
  CHECK(check_affiliation("obec").ok());
  CHECK(check_affiliation("dla").ok());
  CHECK(check_affiliation("opec").error().code == "affiliation_not_open");
  CHECK(check_affiliation("mars").error().code == "affiliation_unknown");
  CHECK(check_affiliation(" ").error().code == "affiliation_required");
}

TEST_CASE("registration form: every bad field is named, in form order", "[domain][registration]") {
  auto f = good_form();
  f.affiliation = "bma";
  f.national_id = "1101700203451";  // wrong check digit
  f.officer.phone = "02-123-4567";  // landline
  f.officer.first_name = "";
  f.kiddiary_username = "ชื่อไทย";
  auto problems = registration_problems(f);
  CHECK(fields(problems) == std::vector<std::string>{"affiliation", "legacy.kiddiary_username", "officer.first_name",
                                                     "officer.national_id", "officer.phone"});
  for (const auto& p : problems) {
    CHECK_FALSE(p.message_th.empty());
    CHECK_FALSE(p.message_en.empty());
  }
  CHECK(problems[3].code == "national_id_checksum");
  CHECK_FALSE(check_registration(f).ok());
}

TEST_CASE("registration form: the institution must exist and be of the chosen affiliation", "[domain][registration]") {
  Institution school{"1010720001", "โรงเรียนบ้านหนองบัว", "obec", "ขอนแก่น", "เมืองขอนแก่น", "1040000001"};
  CHECK_FALSE(institution_problem("obec", "1010720001", &school));
  auto other = institution_problem("dla", "1010720001", &school);
  REQUIRE(other);
  CHECK(other->code == "institution_other_affiliation");
  CHECK(other->field == "institution_code");
  auto missing = institution_problem("obec", "1099999999", nullptr);
  REQUIRE(missing);
  CHECK(missing->code == "institution_not_found");
  CHECK(missing->message_th.find("DMC") != std::string::npos);
  CHECK(missing->message_th.find("LEC") != std::string::npos);
}

TEST_CASE("registration form: JSON types are checked and the form round-trips", "[domain][registration]") {
  auto j = to_json(good_form());
  auto back = registration_form_from_json(j);
  REQUIRE(back.ok());
  CHECK(back.value().national_id == "1-1017-00203-45-0");
  CHECK(back.value().officer.first_name == "สมหญิง");
  j["officer"]["national_id"] = 1101700203450;
  CHECK(registration_form_from_json(j).error().field == "officer.national_id");
  j["officer"] = "me";
  CHECK(registration_form_from_json(j).error().field == "officer");
  CHECK(registration_form_from_json(nlohmann::json::array()).error().code == "wrong_type");
  CHECK(check_legacy_username(std::string(65, 'a'), "legacy.tsl_username").error().code == "legacy_username_length");
}
