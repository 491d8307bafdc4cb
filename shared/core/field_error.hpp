#pragma once
// The one shape every rejected input takes, in the browser and on the server alike:
// a machine code, the field it concerns, and a message in Thai and English.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace domain {

struct FieldError {
  std::string code;        // machine code, e.g. "national_id_checksum"
  std::string field;       // the field name as on the wire, e.g. "officer.national_id"; empty = none
  std::string message_th;
  std::string message_en;
};

// The api.md error body: {"error":{"code","message_th","message_en","field"}}
nlohmann::json to_error_body(const FieldError& e);

// A value that passed its rule, or the reason it did not.
template <class T>
class Checked {
 public:
  Checked(T value) : v_(std::move(value)) {}
  Checked(FieldError error) : v_(std::move(error)) {}
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  const T& value() const { return std::get<0>(v_); }
  T& value() { return std::get<0>(v_); }
  const FieldError& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, FieldError> v_;
};

// Re-labels an error with the caller's field name (a rule knows its value, not where it sits).
inline FieldError in_field(FieldError e, std::string field) {
  e.field = std::move(field);
  return e;
}

}  // namespace domain
