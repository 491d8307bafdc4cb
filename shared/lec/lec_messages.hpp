#pragma once
// What the local education data store says to people, in Thai and English: its refusals,
// the notices a change sends, and the notes it writes on a moved child's record.
#include <string>

#include "shared/core/field_error.hpp"
#include "shared/lec/confirmation.hpp"

namespace domain {

FieldError child_not_found_error();
FieldError child_exists_error();
FieldError child_removed_edit_error();     // editing a removed record: restore it first
FieldError child_already_removed_error();  // removing it again
FieldError child_attending_error();        // restoring a record that was never removed
FieldError school_unknown_error(const std::string& field, const std::string& code);
FieldError school_not_other_affiliation_error(const std::string& field, const std::string& code);
FieldError funded_school_unknown_error();

struct LecNotice {
  std::string th, en;
};
LecNotice confirmation_voided_notice(int year, const std::string& org_name, const DataChange& change);
LecNotice child_moved_out_notice(const std::string& id_masked, const std::string& to_name);
// Shown to the institution the child moved to, and kept on the old record.
std::string child_moved_text(const std::string& id_masked, const std::string& to_name, const std::string& from_name);
std::string moved_to_note(const std::string& to_name);

}  // namespace domain
