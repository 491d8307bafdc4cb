// Times as people say them: relative within the hour, "today"/"yesterday" by Thailand's
// calendar day (UTC+7), older as a B.E. date.
#include <catch2/catch.hpp>

#include "shared/calendar/thai_time.hpp"

using domain::format_relative_time;
using domain::parse_iso_instant;

namespace {
const std::int64_t noon_bangkok = *parse_iso_instant("2026-12-02T05:00:00Z");  // 12:00 in Thailand
}

TEST_CASE("an ISO instant reads as seconds since 1970", "[thai_time]") {
  CHECK(parse_iso_instant("1970-01-01T00:00:00Z") == 0);
  CHECK(parse_iso_instant("2026-12-01T10:05:03Z") == 1796119503);
  CHECK(parse_iso_instant("2026-12-01T10:05") == 1796119500);
  CHECK_FALSE(parse_iso_instant("2026-02-30T10:00:00Z"));
  CHECK_FALSE(parse_iso_instant("soon"));
}

TEST_CASE("a recent instant is said relative to now, in Thai and English", "[thai_time]") {
  CHECK(format_relative_time("2026-12-02T04:59:30Z", noon_bangkok, true) == "เมื่อสักครู่");
  CHECK(format_relative_time("2026-12-02T04:59:30Z", noon_bangkok, false) == "just now");
  CHECK(format_relative_time("2026-12-02T05:00:40Z", noon_bangkok, false) == "just now");  // a clock a little ahead
  CHECK(format_relative_time("2026-12-02T04:55:00Z", noon_bangkok, true) == "5 นาทีที่แล้ว");
  CHECK(format_relative_time("2026-12-02T04:55:00Z", noon_bangkok, false) == "5 minutes ago");
  CHECK(format_relative_time("2026-12-02T04:59:00Z", noon_bangkok, false) == "1 minute ago");
}

TEST_CASE("today and yesterday follow Thailand's calendar day", "[thai_time]") {
  CHECK(format_relative_time("2026-12-02T02:05:00Z", noon_bangkok, true) == "วันนี้ 09:05");
  CHECK(format_relative_time("2026-12-02T02:05:00Z", noon_bangkok, false) == "today 09:05");
  // 23:30 UTC on the 1st is 06:30 on the 2nd in Thailand: today, not yesterday.
  CHECK(format_relative_time("2026-12-01T23:30:00Z", noon_bangkok, true) == "วันนี้ 06:30");
  CHECK(format_relative_time("2026-12-01T16:59:00Z", noon_bangkok, true) == "เมื่อวาน 23:59");
  CHECK(format_relative_time("2026-12-01T01:00:00Z", noon_bangkok, false) == "yesterday 08:00");
  CHECK(format_relative_time("2026-11-30T05:00:00Z", noon_bangkok, true) == "30 พ.ย. 2569 12:00");
  CHECK(format_relative_time("2026-12-09T05:00:00Z", noon_bangkok, false) == "9 Dec 2026 12:00");  // future
  CHECK(format_relative_time("not a time", noon_bangkok, true) == "not a time");
}
