#pragma once
// "My account": the sessions signed in as the user (GET /api/v1/me/sessions), each with a
// device a person recognises ("Chrome, Android") read from the browser's User-Agent.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "shared/core/field_error.hpp"

namespace domain {

// What a User-Agent says, in names that read the same in Thai and English; empty when
// unknown. Our native client sends "school-client".
struct Device {
  std::string browser;  // "Chrome", "Edge", "Firefox", "Safari", "Samsung Internet", "School client", ...
  std::string os;       // "Android", "iOS", "Windows", "macOS", "ChromeOS", "Linux"
  bool mobile = false;  // a phone or tablet
  bool operator==(const Device&) const = default;
};
Device describe_user_agent(std::string_view user_agent);

// The longest User-Agent kept with a session (the rest is cut).
inline constexpr std::size_t user_agent_max_length = 512;

// A session's public id: 24 lower-case hex digits. Not the session token (32 hex, only its
// digest is stored) and not derived from it: knowing it signs nobody in.
bool is_session_id(std::string_view id);

// 404 session_not_found (field "id"): no session of the caller's by that id (ended,
// expired, never existed, or someone else's: all the same to the caller).
FieldError session_not_found();

// One row of GET /api/v1/me/sessions.
struct SignedInSession {
  std::string id;
  std::string created_at, last_seen_at;  // ISO 8601 UTC
  std::string address;                   // the client address it signed in from
  Device device;
  bool current = false;  // the session of this request
  bool operator==(const SignedInSession&) const = default;
};

// {"id","created_at","last_seen_at","address","browser","os","mobile","current"}
void to_json(nlohmann::json& j, const SignedInSession& s);
// The reply's "sessions" array; `wrong_type` (field "sessions") when it is not that shape.
Checked<std::vector<SignedInSession>> sessions_from_json(const nlohmann::json& body);

}  // namespace domain
