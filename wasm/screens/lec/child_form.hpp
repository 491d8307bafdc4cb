#pragma once
// The add / edit form of a child in an institution's register: every field checked as it is
// typed with shared/lec's rules (child_problems), the server's errors under their field, a
// 409 child_enrolled_elsewhere shown with that institution's name and "take the child over"
// (move_in). Hook IDs "lecf.<field>", "lecf.save", "lecf.cancel", "lecf.elsewhere",
// "lecf.take_over".
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "shared/lec/lec_wire.hpp"
#include "wasm/api/client.hpp"
#include "wasm/api/form_errors.hpp"

namespace app {
struct Context;
}

namespace lec_screens {

class ChildForm {
 public:
  // What the save did: the "voided" confirmations of its reply.
  using Saved = std::function<void(const std::vector<domain::lec_wire::OrgRef>& voided)>;

  // A new child (`row` null) or an edit of `row`.
  void start(int year, const std::string& institution_code, domain::InstitutionType type,
             const domain::lec_wire::ChildRow* row);
  // False once the user cancelled or it was saved (the register shows its list again).
  bool draw(app::Context& ctx, const Saved& saved);

 private:
  nlohmann::json body() const;  // the api.md body of what is typed
  void check(const std::string& field);  // as typed: that field's problems
  void check_all();
  void submit(app::Context& ctx, bool move_in, const Saved& saved);

  int year_ = 0;
  std::string code_;
  domain::InstitutionType type_ = domain::InstitutionType::school;
  std::optional<std::int64_t> editing_;  // the record's id
  std::string masked_;                   // the ID shown while editing
  std::string id_number_, title_, first_name_, last_name_, birth_date_, room_;
  int sex_ = -1, level_ = -1;
  std::set<std::string> touched_;
  std::optional<domain::lec_wire::OrgRef> elsewhere_;
  bool open_ = false, saving_ = false;
  api::FormErrors errors_;
  api::Pending pending_;
};

// Today's date (UTC), for the birth-date rule.
domain::Date today();

}  // namespace lec_screens
