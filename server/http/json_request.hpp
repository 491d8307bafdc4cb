#pragma once
// The JSON body of a request, or the api.md 400 naming what is wrong with it.
#include <nlohmann/json.hpp>

#include "server/http/message.hpp"
#include "shared/core/field_error.hpp"

namespace server::http {

domain::Checked<nlohmann::json> json_body(const RequestContext& rq);

}  // namespace server::http
