#pragma once
// What the client asks before an action that replaces something or cannot be undone: the
// question, what will happen (and whether it can be undone, and how), and the button that
// names the action. Names and counts go in; the words come out in the language asked for.
#include <cstdint>
#include <string>
#include <string_view>

#include "shared/ui/strings.hpp"

namespace ui::confirm {

struct Words {
  std::string title;
  std::string consequence;
  std::string yes;
};

// Users (#/admin/users).
Words issue_password(Language l, std::string_view username);
// A new account on `org`, handed over by a one-time sign-in QR (`qr`) or a password.
Words create_user(Language l, std::string_view username, std::string_view org, bool qr);
// The accounts of the `count` institutions under `office` that have none, and their QR sheet.
Words create_institution_accounts(Language l, std::string_view office, std::int64_t count);
Words issue_sign_in_qr(Language l, std::string_view username);
Words disable_user(Language l, std::string_view username);
Words remove_grant(Language l, std::string_view username, std::string_view grant);
// `rights`: the rights given beyond view, named in `l` ("" for none).
Words approve_access(Language l, std::string_view person, std::string_view school, std::string_view rights);
Words reject_access(Language l, std::string_view person, std::string_view school);

// Registrations under review (#/review/registrations).
Words approve_registration(Language l, std::string_view institution, std::string_view officer);
Words reject_registration(Language l, std::string_view institution, std::string_view reason);

// KPI definitions: closing a KPI (`periods` empty) or some of its periods (their names) that
// already hold reports.
Words close_reporting(Language l, std::string_view kpi, std::string_view periods, std::int64_t submitted,
                      std::int64_t reviewed);
// Detaching a document (its title) from a KPI (number and name).
Words remove_kpi_document(Language l, std::string_view document, std::string_view kpi);
// Copying a fiscal year's KPIs into the next one.
Words copy_kpis(Language l, int from_year, int to_year);

// Local education data (#/lec): confirming a node's data (its name) up the tree, reminding
// by SMS every node below it that has not confirmed, and starting an institution's academic
// year from last year's register.
Words confirm_lec_data(Language l, std::string_view node);
Words remind_unconfirmed(Language l, std::string_view node);
Words rollover_register(Language l, std::string_view institution, int year);

// My account: signing out another device (its name), or every device but this one.
Words end_session(Language l, std::string_view device);
Words end_other_sessions(Language l);

}  // namespace ui::confirm
