#include <catch2/catch.hpp>

#include "shared/lec/child.hpp"

using namespace domain;

namespace {
const Date kToday{2026, 12, 1};
nlohmann::json child(nlohmann::json patch = nlohmann::json::object()) {
  nlohmann::json j = {{"id_number", "1-1037-00123-45-8"}, {"title", "ด.ช."}, {"first_name", "ภูมิใจ"},
                      {"last_name", "ใจดี"}, {"sex", "m"}, {"birth_date", "2020-03-14"}, {"level", "p1"},
                      {"room", "1/2"}};
  for (auto& [k, v] : patch.items()) j[k] = v;
  return j;
}
}  // namespace

TEST_CASE("child IDs: national ID with checksum or G-Code, masked on the way out", "[lec][child]") {
  auto id = parse_child_id("1 1037 00123 45 8");
  REQUIRE(id.ok());
  CHECK(id.value().kind() == ChildIdKind::national_id);
  CHECK(id.value().value() == "1103700123458");
  CHECK(id.value().masked() == "1-1037-xxxxx-xx-8");
  auto thai = parse_child_id("๑๑๐๑๗๐๐๒๐๓๖๗๑");
  REQUIRE(thai.ok());
  CHECK(thai.value().value() == "1101700203671");
  auto g = parse_child_id("g-1234-56789-01-2");
  REQUIRE(g.ok());
  CHECK(g.value().kind() == ChildIdKind::g_code);
  CHECK(g.value().value() == "G123456789012");
  CHECK(g.value().masked() == "G-1234-xxxxx-xx-2");
  CHECK(to_string(ChildIdKind::g_code) == "g_code");
  const std::pair<const char*, const char*> bad[] = {
      {"", "id_number_required"},          {"1103700123459", "national_id_checksum"},
      {"110370012345", "national_id_length"}, {"0103700123458", "national_id_first_digit"},
      {"11037001234x8", "national_id_chars"}, {"G12345", "g_code_format"},
      {"G12345678901A", "g_code_format"},  {"GG23456789012", "g_code_format"},
  };
  for (const auto& [text, code] : bad) {
    CAPTURE(text);
    auto r = parse_child_id(text);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == code);
    CHECK(r.error().field == "id_number");
  }
}

TEST_CASE("sex as typed in a form or an import", "[lec][child]") {
  for (const char* m : {"m", "M", "ช", "ชาย", "male"}) CHECK(parse_sex(m).value() == Sex::m);
  for (const char* f : {"f", "ญ", "หญิง", "Female"}) CHECK(parse_sex(f).value() == Sex::f);
  CHECK(parse_sex("").error().code == "sex_required");
  CHECK(parse_sex("x").error().code == "sex_unknown");
}

TEST_CASE("a child record: every field checked, the first problem named", "[lec][child]") {
  auto ok = parse_child(child(), 2569, kToday, InstitutionType::school);
  REQUIRE(ok.ok());
  CHECK(ok.value().first_name == "ภูมิใจ");
  CHECK(ok.value().level == Level::p1);
  CHECK(ok.value().birth_date == Date{2020, 3, 14});
  CHECK(parse_child(child({{"room", nullptr}}), 2569, kToday, InstitutionType::school).ok());
  const std::pair<nlohmann::json, std::pair<const char*, const char*>> bad[] = {
      {{{"id_number", "1103700123459"}}, {"national_id_checksum", "id_number"}},
      {{{"id_number", "G1234"}}, {"g_code_format", "id_number"}},
      {{{"title", ""}}, {"required", "title"}},
      {{{"first_name", "  "}}, {"required", "first_name"}},
      {{{"last_name", std::string(101, 'a')}}, {"text_too_long", "last_name"}},
      {{{"sex", "x"}}, {"sex_unknown", "sex"}},
      {{{"birth_date", "14/03/2563"}}, {"date_format", "birth_date"}},
      {{{"birth_date", "2020-02-30"}}, {"date_invalid", "birth_date"}},
      {{{"birth_date", "2027-01-01"}}, {"birth_date_future", "birth_date"}},
      {{{"birth_date", "2024-01-01"}}, {"birth_date_level", "birth_date"}},  // two years old in ป.1
      {{{"level", "p9"}}, {"level_unknown", "level"}},
      {{{"level", "cdc"}, {"birth_date", "2024-01-01"}}, {"level_not_offered", "level"}},
      {{{"room", std::string(21, '1')}}, {"text_too_long", "room"}},
      {{{"level", 3}}, {"wrong_type", "level"}},
  };
  for (const auto& [patch, expected] : bad) {
    CAPTURE(patch.dump());
    auto r = parse_child(child(patch), 2569, kToday, InstitutionType::school);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == expected.first);
    CHECK(r.error().field == expected.second);
  }
  // A centre takes cdc only.
  auto centre = parse_child(child({{"level", "cdc"}, {"birth_date", "2023-08-01"}}), 2569, kToday,
                            InstitutionType::child_development_centre);
  CHECK(centre.ok());
  CHECK(parse_child(child(), 2569, kToday, InstitutionType::child_development_centre).error().code ==
        "level_not_offered");
  // Every problem at once, for an import row.
  auto all = child_problems(child({{"id_number", "123"}, {"sex", ""}, {"level", "z"}}), 2569, kToday,
                            InstitutionType::school);
  REQUIRE(all.size() == 3);
  CHECK(all[0].field == "id_number");
  CHECK(all[1].field == "sex");
  CHECK(all[2].field == "level");
  CHECK(child_problems(nlohmann::json::array(), 2569, kToday, InstitutionType::school).size() == 1);
}

TEST_CASE("institution type from the directory's name", "[lec][child]") {
  CHECK(institution_type_from_name("ศูนย์พัฒนาเด็กเล็กวัดศรีสุทธาราม") == InstitutionType::child_development_centre);
  CHECK(institution_type_from_name("โรงเรียนเทศบาล 3 (บ้านบางหญ้าแพรก)") == InstitutionType::school);
  CHECK_FALSE(check_level_offered(Level::k1, InstitutionType::school));
  CHECK(check_level_offered(Level::cdc, InstitutionType::school)->code == "level_not_offered");
  CHECK(check_level_offered(Level::k1, InstitutionType::child_development_centre)->field == "level");
}

TEST_CASE("removals need a known reason; the note is optional", "[lec][child]") {
  for (const auto& r : removal_reasons()) {
    auto parsed = parse_removal({{"reason", std::string(r.id)}});
    REQUIRE(parsed.ok());
    CHECK(parsed.value().reason == r.reason);
    CHECK(to_string(r.reason) == r.id);
  }
  CHECK(removal_reasons().size() == 6);
  CHECK(parse_removal({{"reason", "moved"}, {"note", "ย้ายไปโรงเรียนวัดบางพลีใหญ่"}}).value().note ==
        "ย้ายไปโรงเรียนวัดบางพลีใหญ่");
  CHECK(parse_removal(nlohmann::json::object()).error().code == "removal_reason_required");
  CHECK(parse_removal({{"reason", "expelled"}}).error().code == "removal_reason_unknown");
  auto long_note = parse_removal({{"reason", "left"}, {"note", std::string(501, 'x')}});
  REQUIRE_FALSE(long_note.ok());
  CHECK(long_note.error().code == "note_too_long");
  CHECK(long_note.error().field == "note");
}

TEST_CASE("edits: what changed, and the only change of ID allowed", "[lec][child]") {
  const auto a = parse_child(child(), 2569, kToday, InstitutionType::school).value();
  auto b = parse_child(child({{"first_name", "ภูมิพัฒน์"}, {"level", "p2"}}), 2569, kToday, InstitutionType::school).value();
  CHECK(changed_fields(a, b) == std::vector<std::string>{"first_name", "level"});
  CHECK(changed_fields(a, a).empty());
  const auto g = parse_child_id("G123456789012").value();
  const auto nid = parse_child_id("1103700123458").value();
  const auto other = parse_child_id("1101700203671").value();
  CHECK_FALSE(check_id_change(g, nid));  // G-Code -> national ID keeps the record
  CHECK_FALSE(check_id_change(nid, nid));
  CHECK(check_id_change(nid, other)->code == "id_number_change");
  CHECK(check_id_change(nid, g)->code == "id_number_change");
  CHECK(check_id_change(g, parse_child_id("G999999999999").value())->field == "id_number");
  const auto e = enrolled_elsewhere("โรงเรียนเทศบาล 3 (บ้านบางหญ้าแพรก)", "5110405002");
  CHECK(e.code == "child_enrolled_elsewhere");
  CHECK(e.message_th.find("5110405002") != std::string::npos);
}
