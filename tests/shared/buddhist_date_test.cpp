#include <catch2/catch.hpp>

#include "shared/calendar/buddhist_date.hpp"

using namespace domain;

namespace {
bool has_thai(const std::string& s) {
  return s.find("\xE0\xB8") != std::string::npos || s.find("\xE0\xB9") != std::string::npos;
}
}  // namespace

TEST_CASE("leap years and month lengths", "[date]") {
  struct Case {
    int year;
    bool leap;
  };
  const Case cases[] = {{2024, true}, {2023, false}, {2000, true}, {1900, false}, {2100, false}, {2028, true}};
  for (const auto& c : cases) {
    CAPTURE(c.year);
    CHECK(is_leap_year(c.year) == c.leap);
    CHECK(days_in_month(c.year, 2) == (c.leap ? 29 : 28));
  }
  const int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  for (int m = 1; m <= 12; ++m) CHECK(days_in_month(2023, m) == lengths[m - 1]);
  CHECK(days_in_month(2023, 0) == 0);
  CHECK(days_in_month(2023, 13) == 0);
}

TEST_CASE("B.E. and C.E. years", "[date]") {
  CHECK(to_be_year(2026) == 2569);
  CHECK(to_be_year(2024) == 2567);
  CHECK(to_ce_year(2567) == 2024);
}

TEST_CASE("ISO dates parse strictly", "[date]") {
  struct Valid {
    std::string text;
    Date date;
  };
  const Valid valid[] = {
      {"2024-02-29", {2024, 2, 29}},  // 2567 B.E. is a leap year
      {"2026-11-23", {2026, 11, 23}},
      {"2023-12-31", {2023, 12, 31}},
      {" 2000-01-01 ", {2000, 1, 1}},
  };
  for (const auto& c : valid) {
    CAPTURE(c.text);
    const auto d = parse_iso_date(c.text);
    REQUIRE(d);
    CHECK(d.value() == c.date);
    CHECK(to_iso(d.value()) == c.text.substr(c.text.find_first_not_of(' '), 10));
  }
  struct Invalid {
    std::string text, code;
  };
  const Invalid invalid[] = {
      {"2023-02-29", "date_invalid"},  // 2566 B.E. is not
      {"2024-13-01", "date_invalid"},     {"2024-04-31", "date_invalid"},
      {"2024-00-10", "date_invalid"},     {"2024-01-00", "date_invalid"},
      {"0000-01-01", "date_invalid"},     {"2024-2-29", "date_format"},
      {"29/02/2024", "date_format"},      {"2024-02-29T00:00", "date_format"},
      {"abcd-ef-gh", "date_format"},      {"2024/02/29", "date_format"},
      {"", "date_required"},
  };
  for (const auto& c : invalid) {
    CAPTURE(c.text);
    const auto d = parse_iso_date(c.text);
    REQUIRE_FALSE(d);
    CHECK(d.error().code == c.code);
    CHECK(d.error().field == "date");
    CHECK(d.error().message_th.find("วันที่") != std::string::npos);
    CHECK(d.error().message_en.find("Date") != std::string::npos);
  }
}

TEST_CASE("B.E. dates d/m/yyyy parse, including Thai digits", "[date]") {
  struct Valid {
    std::string text;
    Date date;
  };
  const Valid valid[] = {
      {"23/11/2569", {2026, 11, 23}},
      {"29/02/2567", {2024, 2, 29}},
      {"1/2/2567", {2024, 2, 1}},
      {"๒๓/๑๑/๒๕๖๙", {2026, 11, 23}},
      {"01/10/2566", {2023, 10, 1}},
  };
  for (const auto& c : valid) {
    CAPTURE(c.text);
    const auto d = parse_be_date(c.text);
    REQUIRE(d);
    CHECK(d.value() == c.date);
  }
  struct Invalid {
    std::string text, code;
  };
  const Invalid invalid[] = {
      {"29/02/2566", "date_invalid"}, {"31/04/2567", "date_invalid"}, {"1/13/2567", "date_invalid"},
      {"23/11/2026", "date_be_year"},  // C.E. year typed by mistake
      {"23-11-2569", "date_format"},   {"23/11/69", "date_format"},     {"23/11", "date_format"},
      {"a/11/2569", "date_format"},    {"123/11/2569", "date_format"},  {"", "date_required"},
  };
  for (const auto& c : invalid) {
    CAPTURE(c.text);
    const auto d = parse_be_date(c.text);
    REQUIRE_FALSE(d);
    CHECK(d.error().code == c.code);
    CHECK(d.error().field == "date");
    CHECK(has_thai(d.error().message_th));
    CHECK_FALSE(d.error().message_en.empty());
  }
  CHECK(parse_be_date("23/11/2026").error().message_th.find("พ.ศ.") != std::string::npos);
}

TEST_CASE("make_date refuses impossible days", "[date]") {
  CHECK(make_date(2024, 2, 29));
  const auto bad = make_date(2023, 2, 29);
  REQUIRE_FALSE(bad);
  CHECK(bad.error().code == "date_invalid");
  CHECK(in_field(bad.error(), "birth_date").field == "birth_date");
  CHECK_FALSE(is_valid_date({2024, 6, 31}));
  CHECK(is_valid_date({2024, 6, 30}));
}

TEST_CASE("Thai month names, full and abbreviated", "[date]") {
  const char* full[] = {"มกราคม",  "กุมภาพันธ์", "มีนาคม", "เมษายน",  "พฤษภาคม",  "มิถุนายน",
                        "กรกฎาคม", "สิงหาคม",   "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"};
  const char* abbr[] = {"ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
                        "ก.ค.", "ส.ค.", "ก.ย.",  "ต.ค.",  "พ.ย.", "ธ.ค."};
  for (int m = 1; m <= 12; ++m) {
    CAPTURE(m);
    CHECK(thai_month_name(m) == full[m - 1]);
    CHECK(thai_month_abbr(m) == abbr[m - 1]);
  }
  CHECK(english_month_name(10) == "October");
  CHECK(english_month_abbr(9) == "Sep");
  CHECK(thai_month_name(0).empty());
  CHECK(thai_month_abbr(13).empty());
}

TEST_CASE("Thai date formats", "[date]") {
  struct Case {
    Date date;
    std::string full, short_form, be;
  };
  const Case cases[] = {
      {{2026, 11, 23}, "23 พฤศจิกายน 2569", "23 พ.ย. 2569", "23/11/2569"},
      {{2024, 2, 29}, "29 กุมภาพันธ์ 2567", "29 ก.พ. 2567", "29/02/2567"},
      {{2023, 10, 1}, "1 ตุลาคม 2566", "1 ต.ค. 2566", "01/10/2566"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.full);
    CHECK(format_thai_date(c.date) == c.full);
    CHECK(format_thai_date_short(c.date) == c.short_form);
    CHECK(format_be_date(c.date) == c.be);
    CHECK(parse_be_date(format_be_date(c.date)).value() == c.date);  // round trip
  }
  CHECK(to_thai_digits(format_thai_date({2026, 11, 23})) == "๒๓ พฤศจิกายน ๒๕๖๙");
}

TEST_CASE("dates order and travel as ISO strings", "[date]") {
  CHECK(Date{2024, 2, 29} < Date{2024, 3, 1});
  CHECK(Date{2023, 12, 31} < Date{2024, 1, 1});
  CHECK_FALSE(Date{2024, 3, 1} < Date{2024, 3, 1});
  nlohmann::json j = Date{2024, 2, 29};
  CHECK(j == "2024-02-29");
  CHECK(to_iso({987, 1, 2}) == "0987-01-02");
}
