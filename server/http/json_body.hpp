#pragma once
// Typed fields of a JSON request body: every failure is an api.md 400 naming the field.
#include <nlohmann/json.hpp>
#include <initializer_list>
#include <optional>
#include <string>

#include "server/http/json_request.hpp"  // json_body(): the body as an object
#include "server/http/message.hpp"
#include "shared/core/field_error.hpp"
#include "shared/core/text.hpp"

namespace server::http {

// A required text field, checked by `rule` (trimmed, UTF-8, length): "required" when
// missing, null or empty, "wrong_type" when not a string.
domain::Checked<std::string> text_field(const nlohmann::json& body, const domain::TextRule& rule);
// The same without trimming (passwords, tokens: every character counts).
domain::Checked<std::string> exact_text_field(const nlohmann::json& body, const domain::TextRule& rule);
// An optional boolean: missing = `fallback`; "wrong_type" when not true/false.
domain::Checked<bool> bool_field(const nlohmann::json& body, std::string_view field, bool fallback);

// The shape of a body, declared once per endpoint: each field's JSON type and whether it
// must be there. Checked before a handler reads anything, so a wrong type or a null is the
// documented 400 naming the field ("wrong_type" / "required"), never a 500 or a value
// silently taken as empty. A null optional field counts as absent; other fields are ignored.
enum class JsonType { text, boolean, integer, text_or_integer, array, object };
struct FieldSpec {
  std::string_view name;
  JsonType type;
  bool required = false;
};
std::optional<domain::FieldError> check_fields(const nlohmann::json& body, std::initializer_list<FieldSpec> fields);

}  // namespace server::http
