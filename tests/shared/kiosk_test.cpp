#include <catch2/catch.hpp>

#include "shared/kiosk/kiosk.hpp"

using namespace domain;

TEST_CASE("kiosk settings: off unless KIOSK says so; defaults: 120 s, every way in", "[kiosk]") {
  CHECK_FALSE(parse_kiosk({}).value().enabled);
  CHECK_FALSE(parse_kiosk({"0", "abc", "nonsense"}).value().enabled);  // the rest is not read when off
  auto k = parse_kiosk({" Yes "});
  REQUIRE(k);
  CHECK(k.value().enabled);
  CHECK(k.value().idle_seconds == 120);
  CHECK(k.value().ways == std::vector<KioskWay>{KioskWay::register_school, KioskWay::registration_status,
                                                KioskWay::kpi, KioskWay::stats});
  CHECK(k.value().exit_pin.empty());
}

TEST_CASE("kiosk settings: ways, idle time, office and PIN as given", "[kiosk]") {
  auto k = parse_kiosk({"1", " 45 ", "stats, register,,stats", "1040010000", "2468"});
  REQUIRE(k);
  CHECK(k.value().idle_seconds == 45);
  CHECK(k.value().ways == std::vector<KioskWay>{KioskWay::stats, KioskWay::register_school});
  CHECK(k.value().office == "1040010000");
  CHECK(k.value().exit_pin == "2468");
}

TEST_CASE("a wrong kiosk setting is refused with its name, in Thai and English", "[kiosk]") {
  struct Case {
    KioskSettings s;
    const char* field;
  };
  const Case cases[] = {
      {{"1", "4"}, "KIOSK_IDLE_SECONDS"},      {{"1", "3601"}, "KIOSK_IDLE_SECONDS"},
      {{"1", "2 min"}, "KIOSK_IDLE_SECONDS"},  {{"1", "", "register,lec"}, "KIOSK_WAYS"},
      {{"1", "", "", "10400"}, "KIOSK_OFFICE"}, {{"1", "", "", "", "12a4"}, "KIOSK_EXIT_PIN"},
      {{"1", "", "", "", "123"}, "KIOSK_EXIT_PIN"},
  };
  for (const auto& c : cases) {
    auto k = parse_kiosk(c.s);
    REQUIRE_FALSE(k);
    CHECK(k.error().field == c.field);
    CHECK(k.error().message_en.find(c.field) != std::string::npos);
    CHECK(k.error().message_th.find(c.field) != std::string::npos);
  }
  CHECK(parse_kiosk({"1", "", "register,lec"}).error().message_en.find("lec") != std::string::npos);
}

TEST_CASE("a kiosk offers the public ways in and a school's own KPI work, nothing of an office's desk", "[kiosk]") {
  const auto all = parse_kiosk({"1"}).value();
  for (const char* route : {"", "register", "register/resume", "stats", "signin", "qr/abc", "first-login",
                            "kpi", "kpi/school", "kpi/report/12/2026-1", "notifications"}) {
    CAPTURE(route);
    CHECK(kiosk_allows(all, route));
  }
  for (const char* route : {"admin/users", "audit", "review/registrations", "kpi/manage", "kpi/queue", "kpi/review/3",
                            "lec", "lec/org/5011000000", "account", "access-request", "forgot-password",
                            "dev/widgets", "activate/abc"}) {
    CAPTURE(route);
    CHECK_FALSE(kiosk_allows(all, route));
  }
  const auto stats_only = parse_kiosk({"1", "", "stats"}).value();
  CHECK(kiosk_allows(stats_only, "stats"));
  CHECK_FALSE(kiosk_allows(stats_only, "register"));
  CHECK_FALSE(kiosk_allows(stats_only, "signin"));
  CHECK_FALSE(kiosk_allows(stats_only, "kpi/report/1/2"));
  const auto status_only = parse_kiosk({"1", "", "registration_status"}).value();
  CHECK(kiosk_allows(status_only, "register/resume"));
  CHECK_FALSE(kiosk_allows(status_only, "register"));
  CHECK(kiosk_allows(parse_kiosk({}).value(), "admin/users"));  // not a kiosk: everything
}

TEST_CASE("the idle clock: active, a countdown in the last 20 s (or third), then the reset", "[kiosk]") {
  CHECK(kiosk_countdown_seconds(120) == 20);
  CHECK(kiosk_countdown_seconds(60) == 20);
  CHECK(kiosk_countdown_seconds(30) == 10);
  CHECK(kiosk_countdown_seconds(6) == 2);
  CHECK(kiosk_countdown_seconds(5) == 1);

  KioskIdle idle(120);
  idle.input(1000);
  CHECK(idle.phase(1000) == KioskIdle::Phase::active);
  CHECK(idle.phase(1099.9) == KioskIdle::Phase::active);
  CHECK(idle.next_change(1050) == 1100);
  CHECK(idle.phase(1100) == KioskIdle::Phase::counting_down);
  CHECK(idle.seconds_left(1100) == 20);
  CHECK(idle.seconds_left(1100.5) == 20);
  CHECK(idle.next_change(1100.5) == Approx(1101));
  CHECK(idle.seconds_left(1101) == 19);
  CHECK(idle.next_change(1101) == Approx(1102));
  CHECK(idle.phase(1120) == KioskIdle::Phase::expired);
  CHECK(idle.seconds_left(1130) == 0);
  idle.input(1119);  // a touch in the countdown starts the clock again
  CHECK(idle.phase(1120) == KioskIdle::Phase::active);
  CHECK(idle.phase(1239) == KioskIdle::Phase::expired);
}

TEST_CASE("kiosk: the UI keeps its touch size on a larger screen, never shrinks", "[kiosk]") {
  CHECK(kiosk_touch_scale(1366, 768) == Approx(1.0f));
  CHECK(kiosk_touch_scale(1920, 1080) == Approx(1.4055f).epsilon(0.001));
  CHECK(kiosk_touch_scale(1920, 1200) == Approx(1.4055f).epsilon(0.001));  // the narrower side decides
  CHECK(kiosk_touch_scale(1024, 768) == Approx(1.0f));                     // smaller: as laid out
  CHECK(kiosk_touch_scale(3840, 2160) == Approx(2.0f));                    // 4K: at most 2
  CHECK(kiosk_touch_scale(0, 0) == Approx(1.0f));
}
