#pragma once
// Why a call was refused, the one shape every feature's service and store returns: the HTTP
// status, the api.md error (code, field, Thai, English), for 429 the seconds of Retry-After, and
// members added to the error body (e.g. `blocked_by`). refuse() makes the reply.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <variant>

#include "server/http/message.hpp"
#include "shared/accounts/permission.hpp"
#include "shared/core/field_error.hpp"

namespace server::http {

struct Refusal {
  unsigned status = 400;
  domain::FieldError error;
  std::int64_t retry_after = 0;
  nlohmann::json extra = nlohmann::json::object();
};

template <class T>
using Outcome = std::variant<T, Refusal>;

template <class T>
bool refused(const Outcome<T>& r) {
  return std::holds_alternative<Refusal>(r);
}

Reply refuse(const Refusal& r);
// 403 "forbidden", naming the permission the action needs.
Reply forbidden(domain::Permission p);

}  // namespace server::http
