// Issue 11, defect 7: NUL, ESC and RIGHT-TO-LEFT OVERRIDE were stored in names, descriptions
// and comments. The text rule refuses them, naming the field, in every free-text path.
#include <catch2/catch.hpp>

#include "shared/core/text.hpp"
#include "shared/kpi/report_lifecycle.hpp"
#include "shared/lec/child.hpp"
#include "shared/lec/child_import.hpp"

using namespace domain;

namespace {
const TextRule kName{"first_name", "ชื่อ", "First name", 100};
const TextRule kComment{"comment", "ความเห็น", "Comment", 2000, false, true};
const std::string kNul("\0", 1), kEsc = "\x1B", kRlo = "\xE2\x80\xAE", kDel = "\x7F", kC1 = "\xC2\x85",
                  kLri = "\xE2\x81\xA6", kLineSep = "\xE2\x80\xA8";
}  // namespace

TEST_CASE("check_text refuses control and direction characters, naming the field", "[text][control]") {
  for (const std::string& bad : {kNul, kEsc, kRlo, kDel, kC1, kLri, kLineSep, std::string("\t"), std::string("\n"),
                                 std::string("\x01"), std::string("\xE2\x80\xAA"), std::string("\xE2\x81\xA9")}) {
    CAPTURE(bad);
    const auto r = check_text("สม" + bad + "ชาย", kName);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == "text_control_character");
    CHECK(r.error().field == "first_name");
    CHECK(r.error().message_th.find("ชื่อ") != std::string::npos);
    CHECK(r.error().message_en.find("character 3") != std::string::npos);  // the position, in characters
  }
}

TEST_CASE("check_text keeps ordinary Thai, marks and spaces", "[text][control]") {
  CHECK(check_text("  นางสาวน้ำฝน ใจดี  ", kName).value() == "นางสาวน้ำฝน ใจดี");
  CHECK(check_text("O'Brien-Smith", kName).value() == "O'Brien-Smith");
  // Left-to-right / right-to-left marks only nudge neutral characters: allowed.
  CHECK(check_text("abc\xE2\x80\x8F" "d", kName));
  // Trimmed edges may hold tabs and line breaks (copied from a spreadsheet cell).
  CHECK(check_text("\tสมชาย\r\n", kName).value() == "สมชาย");
}

TEST_CASE("multi-line text keeps line breaks and tabs, CRLF as LF, and still refuses the rest", "[text][control]") {
  CHECK(check_text("บรรทัดหนึ่ง\r\nบรรทัดสอง\rสาม\n\tย่อหน้า", kComment).value() == "บรรทัดหนึ่ง\nบรรทัดสอง\nสาม\n\tย่อหน้า");
  for (const std::string& bad : {kNul, kEsc, kRlo, kDel, kC1}) {
    const auto r = check_text("ดี" + bad, kComment);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == "text_control_character");
    CHECK(r.error().field == "comment");
  }
}

TEST_CASE("is_forbidden_character: the exact ranges", "[text][control]") {
  for (char32_t c : {char32_t{0}, char32_t{0x1B}, char32_t{0x1F}, char32_t{0x7F}, char32_t{0x80}, char32_t{0x9F},
                     char32_t{0x2028}, char32_t{0x2029}, char32_t{0x202A}, char32_t{0x202E}, char32_t{0x2066},
                     char32_t{0x2069}})
    CHECK(is_forbidden_character(c, true));
  for (char32_t c : {char32_t{' '}, char32_t{'~'}, char32_t{0xA0}, char32_t{0x0E01}, char32_t{0x200E},
                     char32_t{0x200F}, char32_t{0x2065}, char32_t{0x206A}, char32_t{0x1F600}})
    CHECK_FALSE(is_forbidden_character(c, false));
  CHECK(is_forbidden_character('\t', false));
  CHECK_FALSE(is_forbidden_character('\t', true));
  CHECK(is_forbidden_character('\n', false));
  CHECK_FALSE(is_forbidden_character('\n', true));
}

TEST_CASE("every free-text path refuses a control character: LEC child, import row, KPI comment", "[text][control][lec]") {
  const Date today{2025, 6, 1};
  const nlohmann::json child = {{"id_number", "1101700123456"}, {"title", "ด.ช."}, {"first_name", "สม" + kRlo + "ชาย"},
                                {"last_name", "ใจดี"}, {"sex", "m"}, {"birth_date", "2019-03-05"}, {"level", "p1"}};
  const auto c = parse_child(child, 2568, today, InstitutionType::school);
  REQUIRE_FALSE(c);
  CHECK(c.error().code == "text_control_character");
  CHECK(c.error().field == "first_name");

  ImportTable t{{"เลขประจำตัวประชาชน", "คำนำหน้า", "ชื่อ", "นามสกุล", "เพศ", "วันเกิด", "ระดับชั้น"},
                {{"1101700123456", "ด.ช.", "สมชาย", "ใจ" + kNul + "ดี", "ชาย", "5/3/2562", "ป.1"}}};
  const auto r = check_import(t, 2568, today, InstitutionType::school);
  CHECK(r.children.empty());
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].row == 2);
  CHECK(r.errors[0].error.field == "last_name");
  CHECK(r.errors[0].error.code == "text_control_character");

  const auto removal = parse_removal({{"reason", "moved"}, {"note", "ย้าย" + kEsc}});
  REQUIRE_FALSE(removal);
  CHECK(removal.error().code == "text_control_character");

  const auto returned = parse_return_reason({{"reason", "แก้ไข" + kRlo + "ด่วน"}});
  REQUIRE_FALSE(returned);
  CHECK(returned.error().code == "text_control_character");
  CHECK(returned.error().field == "reason");
  CHECK(parse_return_reason({{"reason", "ข้อหนึ่ง\nข้อสอง"}}).value() == "ข้อหนึ่ง\nข้อสอง");
}
