#pragma once
// Typed fields of a JSON request body: every failure is an api.md 400 naming the field.
#include <nlohmann/json.hpp>
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

}  // namespace server::http
