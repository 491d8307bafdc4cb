#pragma once
// Replies in the api.md shape: {"error":{"code","message_th","message_en","field"}}.
#include <nlohmann/json.hpp>
#include <string_view>

#include "server/http/message.hpp"
#include "shared/core/field_error.hpp"

namespace server::http {

// JSON replies are never cached: they may carry personal data.
Reply json_reply(Status status, const nlohmann::json& body);
Reply error_reply(Status status, const domain::FieldError& error);

Reply bad_request(const domain::FieldError& error);  // 400, names the field
Reply malformed_request();                           // 400, the HTTP itself was unreadable
Reply not_found();                                   // 404
Reply redirect(const std::string& location);         // 302 Found, never cached
Reply method_not_allowed(std::string_view allow);    // 405 with Allow
Reply body_too_large(std::uint64_t limit_bytes);      // 413
Reply headers_too_large();                           // 431
Reply internal_error();                              // 500: details go to the log only

}  // namespace server::http
