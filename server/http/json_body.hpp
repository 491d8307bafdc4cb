#pragma once
// Reading a JSON request body: every failure is an api.md 400 naming what is wrong, so a
// handler only sees a well-formed object and typed fields.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "server/http/message.hpp"
#include "shared/core/field_error.hpp"
#include "shared/core/text.hpp"

namespace server::http {

// The body as a JSON object: "invalid_utf8" (the bytes are not UTF-8), "malformed_json",
// or "wrong_type" (valid JSON but not an object).
domain::Checked<nlohmann::json> json_object_body(const RequestContext& rq);

// A required text field, checked by `rule` (trimmed, UTF-8, length): "required" when
// missing, null or empty, "wrong_type" when not a string.
domain::Checked<std::string> text_field(const nlohmann::json& body, const domain::TextRule& rule);
// The same without trimming (passwords, tokens: every character counts).
domain::Checked<std::string> exact_text_field(const nlohmann::json& body, const domain::TextRule& rule);
// An optional boolean: missing = `fallback`; "wrong_type" when not true/false.
domain::Checked<bool> bool_field(const nlohmann::json& body, std::string_view field, bool fallback);

}  // namespace server::http
