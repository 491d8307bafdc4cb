#include <catch2/catch.hpp>

#include "shared/accounts/signed_in_sessions.hpp"
#include "shared/calendar/thai_time.hpp"

using namespace domain;
using nlohmann::json;

TEST_CASE("a User-Agent names the browser and the system a person recognises", "[account]") {
  struct Case { const char* ua; Device device; };
  const Case cases[] = {
      {"Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile "
       "Safari/537.36", {"Chrome", "Android", true}},
      {"Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
       "Version/17.1 Mobile/15E148 Safari/604.1", {"Safari", "iOS", true}},
      {"Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
       "CriOS/120.0.6099.119 Mobile/15E148 Safari/604.1", {"Chrome", "iOS", true}},
      {"Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
       "Mobile/15E148 Safari Line/13.20.0", {"LINE", "iOS", true}},
      {"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 "
       "Safari/537.36 Edg/120.0.2210.91", {"Edge", "Windows", false}},
      {"Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0", {"Firefox", "Windows", false}},
      {"Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-A536E) AppleWebKit/537.36 (KHTML, like Gecko) "
       "SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36", {"Samsung Internet", "Android", true}},
      {"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 "
       "Safari/605.1.15", {"Safari", "macOS", false}},
      {"Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 "
       "Safari/537.36", {"Chrome", "ChromeOS", false}},
      {"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.6099.224 "
       "Safari/537.36", {"Chrome", "Linux", false}},
      {"school-client", {"School client", "", false}},
      {"curl/8.4.0", {"", "", false}},
      {"", {"", "", false}},
  };
  for (const auto& c : cases) {
    INFO(c.ua);
    CHECK(describe_user_agent(c.ua) == c.device);
  }
}

TEST_CASE("session ids: 24 lower-case hex digits, never a 32-digit session token", "[account]") {
  CHECK(is_session_id("0123456789abcdef01234567"));
  CHECK_FALSE(is_session_id("0123456789abcdef0123456789abcdef"));
  CHECK_FALSE(is_session_id("0123456789ABCDEF01234567"));
  CHECK_FALSE(is_session_id("0123456789abcdef0123456g"));
  CHECK_FALSE(is_session_id(""));
}

TEST_CASE("the sessions list reads back what the server writes, and refuses another shape", "[account]") {
  const SignedInSession s{"0123456789abcdef01234567", "2026-12-01T10:05:03Z", "2026-12-01T10:35:00Z", "10.0.0.7",
                          {"Chrome", "Android", true}, true};
  json body = {{"sessions", json::array({s})}};
  auto back = sessions_from_json(body);
  REQUIRE(back.ok());
  REQUIRE(back.value().size() == 1);
  CHECK(back.value()[0] == s);

  CHECK(sessions_from_json(json::object()).error().code == "wrong_type");
  CHECK(sessions_from_json({{"sessions", {{{"id", 7}}}}}).error().field == "sessions");
  body["sessions"][0]["current"] = "yes";
  CHECK_FALSE(sessions_from_json(body).ok());
  body["sessions"][0]["current"] = true;
  body["sessions"][0]["id"] = "../admin";
  CHECK_FALSE(sessions_from_json(body).ok());
}

TEST_CASE("a server instant reads as Thailand time, B.E. in Thai", "[account]") {
  CHECK(format_thai_time("2026-12-01T10:05:03Z", true) == "1 ธ.ค. 2569 17:05");
  CHECK(format_thai_time("2026-12-01T10:05:03Z", false) == "1 Dec 2026 17:05");
  CHECK(format_thai_time("2026-12-31T18:30:00Z", true) == "1 ม.ค. 2570 01:30");  // the next day, and year
  CHECK(format_thai_time("yesterday", true) == "yesterday");
  CHECK(format_thai_time("2026-02-30T10:00:00Z", false) == "2026-02-30T10:00:00Z");
}
