#pragma once
// The errors a form shows: one per field (under that field), plus one for the whole form
// (no field: a banner above the buttons). Filled by the screen's own checks as the user
// types (rules from shared/) and by the server's replies.
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "shared/core/field_error.hpp"
#include "wasm/api/wire.hpp"

namespace api {

class FormErrors {
 public:
  // Places the error under its field ("" or a field the form does not show: the form's).
  void set(domain::FieldError e) {
    std::string field = e.field;
    errors_[field] = std::move(e);
  }
  // The reply's error, if it has one; true when it did.
  bool take(const Reply& r) {
    if (!r.error) return false;
    set(*r.error);
    return true;
  }
  // A check's result for one field: shows its error, or clears the field's.
  void check(std::string_view field, const std::optional<domain::FieldError>& e) {
    if (e) set(domain::in_field(*e, std::string(field)));
    else clear(field);
  }
  void clear(std::string_view field) { errors_.erase(std::string(field)); }
  void clear() { errors_.clear(); }
  const domain::FieldError* of(std::string_view field) const {
    auto it = errors_.find(std::string(field));
    return it == errors_.end() ? nullptr : &it->second;
  }
  // Errors whose field is none of `shown` go to the form as a whole.
  const domain::FieldError* general(std::initializer_list<std::string_view> shown = {}) const {
    for (const auto& [field, e] : errors_) {
      bool placed = false;
      for (auto s : shown) placed |= field == s;
      if (!placed) return &e;
    }
    return nullptr;
  }
  // The same, with `shown(field)` telling the fields the form shows.
  template <class Shown>
  const domain::FieldError* general_if(Shown shown) const {
    for (const auto& [field, e] : errors_)
      if (!shown(field)) return &e;
    return nullptr;
  }
  bool empty() const { return errors_.empty(); }

 private:
  std::map<std::string, domain::FieldError> errors_;
};

}  // namespace api
