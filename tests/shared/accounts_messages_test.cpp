#include <catch2/catch.hpp>

#include <set>

#include "shared/accounts/account_messages.hpp"

using namespace domain;

namespace {
bool has_thai(const std::string& s) { return s.find("\xE0\xB8") != std::string::npos || s.find("\xE0\xB9") != std::string::npos; }
}  // namespace

TEST_CASE("every sign-in and user-admin refusal speaks Thai and English and names its code", "[accounts][messages]") {
  const std::vector<FieldError> all = {
      sign_in_failed_error(), account_disabled_error(), account_pending_error(), issued_password_expired_error(),
      qr_invalid_error(), activation_link_expired_error(), activation_link_used_error(),
      activation_link_unknown_error(), user_not_found_error(), org_unknown_error("org"), user_status_unknown_error(),
      create_outside_subtree_error(), username_taken_error(), grants_not_a_list_error(), too_many_grants_error(50),
      grant_org_unknown_error("grants[0].org_code", "1040010001"), grant_outside_subtree_error("grants[0].org_code"),
      own_account_status_error(), own_grants_error(), own_password_error(), no_password_error(),
      user_not_active_error()};
  std::set<std::string> texts;
  for (const auto& e : all) {
    CAPTURE(e.code, e.message_en);
    CHECK_FALSE(e.code.empty());
    CHECK(has_thai(e.message_th));
    CHECK_FALSE(has_thai(e.message_en));
    CHECK_FALSE(e.message_en.empty());
    texts.insert(e.message_en);
  }
  CHECK(texts.size() == all.size());  // no two refusals say the same thing
}

TEST_CASE("refusals about a field name it, with its index where it is one of a list", "[accounts][messages]") {
  CHECK(org_unknown_error("org_code").field == "org_code");
  CHECK(grant_org_unknown_error("grants[3].org_code", "1040010001").field == "grants[3].org_code");
  CHECK(grant_org_unknown_error("grants[3].org_code", "1040010001").message_en.find("1040010001") != std::string::npos);
  CHECK(too_many_grants_error(50).message_th.find("50") != std::string::npos);
  CHECK(username_taken_error().field == username_field.field);
  CHECK(issued_password_expired_error().field == password_field.field);
  CHECK(qr_invalid_error().field == link_token_field.field);
}
