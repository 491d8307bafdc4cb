#pragma once
// The numeric id in a path (`/users/{id}`): every feature reads its ids this one way.
#include <cstdint>
#include <optional>
#include <string>

#include "server/http/message.hpp"

namespace server::http {

// The parameter `name` of the path when it is 1-18 ASCII digits; nullopt otherwise (the
// caller answers 404: an id that cannot exist names nothing).
inline std::optional<std::int64_t> id_param(const RequestContext& rq, const char* name = "id") {
  const auto it = rq.params.find(name);
  if (it == rq.params.end() || it->second.empty() || it->second.size() > 18) return std::nullopt;
  for (char c : it->second)
    if (c < '0' || c > '9') return std::nullopt;
  return std::stoll(it->second);
}

}  // namespace server::http
