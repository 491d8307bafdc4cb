#pragma once
// What the files handlers share (internal to lec_*_routes.cpp of the files helper).
#include <optional>
#include <string>
#include <utility>

#include "server/http/errors.hpp"
#include "server/lec/lec_routes.hpp"

namespace server::lec::files {

using domain::Permission;
using http::Reply;
using http::RequestContext;
using http::Status;
using nlohmann::json;


}  // namespace server::lec::files
