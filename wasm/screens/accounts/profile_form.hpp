#pragma once
// The person's details (first login, access request): title, names, position, phone,
// e-mail, each checked with the shared profile rules as it is edited, errors under the
// fields (and the server's, by their wire names: "first_name" or "person.first_name").
#include <string>

#include "shared/accounts/profile.hpp"
#include "shared/ui/strings.hpp"
#include "wasm/api/form_errors.hpp"
#include "wasm/app/context.hpp"

namespace accounts {

class ProfileForm {
 public:
  // `id`: the widget ID prefix ("profile" -> "profile.first_name"); `wire_prefix` the
  // fields' prefix on the wire ("" or "person").
  ProfileForm(std::string id, std::string wire_prefix, bool with_position, domain::EmailRule email)
      : id_(std::move(id)), prefix_(std::move(wire_prefix)), with_position_(with_position), email_(email) {}

  void fill(const domain::Profile& p);
  // Title and names given by an identity provider: shown, not editable.
  void lock_names(const std::string& title, const std::string& first_name, const std::string& last_name);
  void unlock_names() { names_locked_ = false; }
  bool names_locked() const { return names_locked_; }
  void draw(app::Context& ctx, float width);
  // Checks every field (shows all errors); true when the profile may be sent.
  bool check_all();
  domain::Profile value() const { return p_; }
  api::FormErrors& errors() { return errors_; }
  // The wire names this form shows (for FormErrors::general()).
  bool shows(std::string_view wire_field) const;

 private:
  std::string wire(std::string_view field) const { return prefix_.empty() ? std::string(field) : prefix_ + "." + std::string(field); }
  void check(std::string_view field);
  struct Row {
    const char* field;
    const ui::Text& label;
    std::string& value;
  };
  void draw_names(app::Context& ctx, float width);
  void draw_title(app::Context& ctx, float width);
  void draw_rows(app::Context& ctx, std::vector<Row>& rows, float width);

  std::string id_, prefix_;
  bool with_position_;
  domain::EmailRule email_;
  domain::Profile p_;
  int title_ = -1;
  bool names_locked_ = false, title_given_ = false;
  api::FormErrors errors_;
};

}  // namespace accounts
