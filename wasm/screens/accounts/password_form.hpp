#pragma once
// A new password and its confirmation, checked with the shared password policy as it is
// typed (the rule broken shows under the field), for first login, activation and reset.
#include <string>

#include "wasm/api/form_errors.hpp"
#include "wasm/app/context.hpp"

namespace accounts {

class PasswordForm {
 public:
  // `id`: widget ID prefix ("activate" -> "activate.password", "activate.confirm");
  // `wire_field`: the password's name on the wire ("password", "new_password").
  PasswordForm(std::string id, std::string wire_field) : id_(std::move(id)), wire_(std::move(wire_field)) {}

  void reset() { password_.clear(), confirm_.clear(), errors_.clear(); }
  // Returns true when Enter was pressed in the confirmation.
  bool draw(app::Context& ctx, float width, std::string_view username = {});
  bool check_all(std::string_view username = {});
  const std::string& password() const { return password_; }
  api::FormErrors& errors() { return errors_; }
  const std::string& wire() const { return wire_; }

 private:
  void check(std::string_view username);

  std::string id_, wire_, password_, confirm_;
  api::FormErrors errors_;
};

}  // namespace accounts
