#include <catch2/catch.hpp>

#include "shared/accounts/sign_in_policy.hpp"

using namespace domain;

TEST_CASE("failed logins: 3 free, then 1, 2, 4, 8 ... s, capped at 15 min", "[accounts][sign_in]") {
  const std::pair<int, std::int64_t> table[] = {
      {0, 0},  {1, 0},   {2, 0},   {3, 0},   {4, 1},   {5, 2},    {6, 4},   {7, 8},
      {8, 16}, {12, 256}, {13, 512}, {14, 900}, {15, 900}, {100, 900}, {1000000, 900},
  };
  for (const auto& [failures, delay] : table) {
    CAPTURE(failures);
    CHECK(delay_after_failures(failures) == delay);
  }
  CHECK(delay_after_failures(-1) == 0);
}

TEST_CASE("per address the free allowance is larger, the cap the same", "[accounts][sign_in]") {
  CHECK(delay_after_failures(10, address_slow_down) == 0);
  CHECK(delay_after_failures(11, address_slow_down) == 1);
  CHECK(delay_after_failures(12, address_slow_down) == 2);
  CHECK(delay_after_failures(500, address_slow_down) == 15 * 60);
}

TEST_CASE("the wait counts from the last failure", "[accounts][sign_in]") {
  const std::int64_t t = 1'700'000'000;
  CHECK(sign_in_wait(6, t, t) == 4);
  CHECK(sign_in_wait(6, t, t + 3) == 1);
  CHECK(sign_in_wait(6, t, t + 4) == 0);
  CHECK(sign_in_wait(6, t, t + 100) == 0);
  CHECK(sign_in_wait(3, t, t) == 0);
}

TEST_CASE("the login gate takes the longer of account and address waits", "[accounts][sign_in]") {
  const std::int64_t t = 1'700'000'000;
  auto free = may_attempt_sign_in(3, t, 10, t, t);
  CHECK(free.allowed());
  CHECK(free.retry_after == 0);

  auto account = may_attempt_sign_in(7, t, 0, 0, t + 2);  // account wait 8 s, 6 left
  REQUIRE_FALSE(account.allowed());
  CHECK(account.retry_after == 6);
  CHECK(account.refusal->code == "rate_limited");
  CHECK(account.refusal->message_th.find("6 วินาที") != std::string::npos);
  CHECK(account.refusal->message_en.find("6 s") != std::string::npos);

  auto address = may_attempt_sign_in(4, t, 30, t, t);  // account 1 s, address 900 s
  REQUIRE_FALSE(address.allowed());
  CHECK(address.retry_after == 900);
  CHECK(address.refusal->message_th.find("15 นาที") != std::string::npos);
}

TEST_CASE("wrong links slow the address down like wrong passwords", "[accounts][sign_in]") {
  CHECK(may_try_link(0, 0, 1000).allowed());
  CHECK(may_try_link(10, 1000, 1000).allowed());  // 10 free
  CHECK(may_try_link(11, 1000, 1000).retry_after == 1);
  CHECK(may_try_link(11, 1000, 1001).allowed());
  const auto refused = may_try_link(13, 1000, 1001);
  CHECK(refused.retry_after == 3);
  REQUIRE(refused.refusal);
  CHECK(refused.refusal->code == "rate_limited");
  CHECK(refused.refusal->field == "token");
}

TEST_CASE("sessions: idle 30 min, absolute 8 h, both boundaries exclusive", "[accounts][sign_in]") {
  const std::int64_t c = 1'700'000'000;
  struct Case {
    const char* what;
    std::int64_t created, last_seen, now;
    bool alive;
  };
  const Case table[] = {
      {"fresh", c, c, c, true},
      {"idle 29:59", c, c, c + 1799, true},
      {"idle 30:00", c, c, c + 1800, false},
      {"active, 7:59:59 old", c, c + 28799 - 60, c + 28799, true},
      {"active, 8 h old", c, c + 28800 - 60, c + 28800, false},
      {"active, long past 8 h", c, c + 40000, c + 40001, false},
  };
  for (const auto& k : table) {
    CAPTURE(k.what);
    CHECK(session_alive(k.created, k.last_seen, k.now) == k.alive);
  }
  CHECK(session_expires_at(c, c + 600) == c + 600 + 1800);
  CHECK(session_expires_at(c, c + 28000) == c + 28800);
}

TEST_CASE("issued passwords and activation links work for 72 h", "[accounts][sign_in]") {
  const std::int64_t t = 1'700'000'000;
  const std::int64_t h72 = 72 * 3600;
  CHECK(issued_password_valid(t, t));
  CHECK(issued_password_valid(t, t + h72 - 1));
  CHECK_FALSE(issued_password_valid(t, t + h72));
  CHECK(activation_link_valid(t, t + h72 - 1));
  CHECK_FALSE(activation_link_valid(t, t + h72));
}

TEST_CASE("rate-limit wording and counting", "[accounts][rate_limit]") {
  const std::tuple<std::int64_t, const char*, const char*> table[] = {
      {1, "1 วินาที", "1 s"},
      {59, "59 วินาที", "59 s"},
      {60, "1 นาที", "1 min"},
      {125, "2 นาที 5 วินาที", "2 min 5 s"},
      {900, "15 นาที", "15 min"},
  };
  for (const auto& [s, th, en] : table) {
    CHECK(wait_th(s) == th);
    CHECK(wait_en(s) == en);
  }
  auto d = decide_wait(0);
  CHECK(d.allowed());
  auto e = decide_wait(5, "phone");
  REQUIRE_FALSE(e.allowed());
  CHECK(e.refusal->field == "phone");
  CHECK(e.retry_after == 5);
  // Window (now - 60, now]: exactly 60 s ago is out, 59 s ago is in, the future is out.
  CHECK(count_recent({1000, 1001, 1060, 1061}, 1060, 60) == 2);
}
