// Every state x event of the registration state machine, illegal ones included.
#include <catch2/catch.hpp>
#include <map>

#include "shared/registration/open_registration.hpp"
#include "shared/registration/registration_state.hpp"

using namespace domain;
using S = RegistrationStatus;
using E = RegistrationEvent;

TEST_CASE("registration state: the whole transition table", "[domain][registration]") {
  const std::map<std::pair<S, E>, S> legal = {
      {{S::awaiting_letter, E::letter_uploaded}, S::under_review},
      {{S::awaiting_letter, E::superseded}, S::superseded},
      {{S::under_review, E::approved}, S::approved},
      {{S::under_review, E::rejected}, S::rejected},
      {{S::under_review, E::superseded}, S::superseded},
  };
  int checked = 0;
  for (auto s : all_registration_statuses) {
    for (auto e : all_registration_events) {
      INFO(to_string(s) << " + " << to_string(e));
      auto next = next_status(s, e);
      auto it = legal.find({s, e});
      if (it != legal.end()) {
        REQUIRE(next.ok());
        CHECK(next.value() == it->second);
      } else {
        REQUIRE_FALSE(next.ok());
        CHECK(next.error().code == "registration_state");
        CHECK_FALSE(next.error().message_th.empty());
        CHECK_FALSE(next.error().message_en.empty());
      }
      ++checked;
    }
  }
  CHECK(checked == 20);
}

TEST_CASE("registration state: approving twice says it is already approved", "[domain][registration]") {
  auto twice = next_status(S::approved, E::approved);
  REQUIRE_FALSE(twice.ok());
  CHECK(twice.error().message_en == "This registration is already approved");
  CHECK(next_status(S::awaiting_letter, E::approved).error().message_en.find("not been uploaded") != std::string::npos);
}

TEST_CASE("registration state: names, pending, and parsing", "[domain][registration]") {
  for (auto s : all_registration_statuses) {
    CHECK(parse_registration_status(to_string(s)) == s);
    CHECK_FALSE(status_name_th(s).empty());
  }
  CHECK_FALSE(parse_registration_status("deleted"));
  CHECK(is_pending(S::awaiting_letter));
  CHECK(is_pending(S::under_review));
  CHECK_FALSE(is_pending(S::approved));
  CHECK_FALSE(is_pending(S::rejected));
  CHECK_FALSE(is_pending(S::superseded));
}

TEST_CASE("open registrations: only one waiting for its letter resumes; the phone shows its last two digits",
          "[registration]") {
  using S = domain::RegistrationStatus;
  for (auto s : domain::all_registration_statuses) CHECK(domain::can_resume(s) == (s == S::awaiting_letter));
  CHECK(domain::phone_hint("0812345678") == "xxx-xxx-xx78");
  CHECK(domain::phone_hint("081-234-5601") == "xxx-xxx-xx01");
  CHECK(domain::phone_hint("") == "xxx-xxx-xxxx");
  nlohmann::json j = domain::OpenRegistration{S::under_review, "2026-11-20T03:00:00Z", "xxx-xxx-xx78"};
  CHECK(j["resumable"] == false);
  CHECK(j["status_th"] == "รอตรวจสอบ");
  auto back = j.get<domain::OpenRegistration>();
  CHECK(back.status == S::under_review);
  CHECK(back.phone_hint == "xxx-xxx-xx78");
}

TEST_CASE("open registrations: the day it began is Thailand's (UTC+7)", "[registration]") {
  auto on = [](const char* at) { return domain::started_on({domain::RegistrationStatus::awaiting_letter, at, ""}); };
  CHECK(on("2026-11-20T03:00:00.000Z") == domain::Date{2026, 11, 20});
  CHECK(on("2026-11-20T16:59:59Z") == domain::Date{2026, 11, 20});
  CHECK(on("2026-11-20T17:00:00Z") == domain::Date{2026, 11, 21});
  CHECK(on("2026-02-28T20:00:00Z") == domain::Date{2026, 3, 1});
  CHECK(on("2026-12-31T23:00:00Z") == domain::Date{2027, 1, 1});
}
