#include <catch2/catch.hpp>

#include "shared/directory/institution_code.hpp"

using namespace domain;

TEST_CASE("institution codes are exactly 10 digits", "[institution_code]") {
  struct Valid {
    std::string input, code;
  };
  const Valid valid[] = {
      {"1010720001", "1010720001"},
      {" 1050130134 ", "1050130134"},
      {"๑๐๑๐๗๒๐๐๐๑", "1010720001"},
      {"0000000000", "0000000000"},
  };
  for (const auto& c : valid) {
    CAPTURE(c.input);
    const auto code = parse_institution_code(c.input);
    REQUIRE(code);
    CHECK(code.value() == c.code);
  }

  struct Invalid {
    std::string input, code;
  };
  const Invalid invalid[] = {
      {"", "institution_code_required"},      {"   ", "institution_code_required"},
      {"101072000", "institution_code_length"}, {"10107200011", "institution_code_length"},
      {"10107200O1", "institution_code_chars"}, {"1010-720001", "institution_code_chars"},
      {"โรงเรียน", "institution_code_chars"},
  };
  for (const auto& c : invalid) {
    CAPTURE(c.input);
    const auto code = parse_institution_code(c.input);
    REQUIRE_FALSE(code);
    CHECK(code.error().code == c.code);
    CHECK(code.error().field == "institution_code");
    CHECK(code.error().message_th.find("รหัสสถานศึกษา") != std::string::npos);
    CHECK(code.error().message_en.find("Institution code") != std::string::npos);
  }
  CHECK(parse_institution_code("101072000").error().message_en.find("got 9") != std::string::npos);
}
