#include <catch2/catch.hpp>

#include "shared/accounts/username.hpp"

using namespace domain;

TEST_CASE("username: trimmed, lower case, letters digits . _ -", "[accounts][username]") {
  CHECK(check_username("  Area.Admin ").value() == "area.admin");
  CHECK(check_username("1010720001").value() == "1010720001");
  CHECK(check_username("a_b-c").value() == "a_b-c");
  CHECK(check_username("").error().code == "required");
  CHECK(check_username("ab").error().code == "username_length");
  CHECK(check_username(std::string(65, 'a')).error().code == "username_length");
  CHECK(check_username("สมชาย").error().code == "username_characters");
  CHECK(check_username("a b c").error().code == "username_characters");
  CHECK(check_username("x@y.z", "user.username").error().field == "user.username");
}
