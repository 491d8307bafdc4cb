#pragma once
// The request a handler sees and the replies it may give.
#include <any>
#include <boost/beast/http.hpp>
#include <map>
#include <string>
#include <string_view>
#include <variant>

#include "server/http/query.hpp"
#include "server/http/shared_body.hpp"

namespace server::http {

namespace beast = boost::beast;
using Status = beast::http::status;
using Verb = beast::http::verb;

using Request = beast::http::request<beast::http::string_body>;
using StringResponse = beast::http::response<beast::http::string_body>;
using FileResponse = beast::http::response<beast::http::file_body>;   // static files, streamed
using EmptyResponse = beast::http::response<beast::http::empty_body>; // 304, HEAD
using SharedResponse = beast::http::response<SharedBody>;             // static files held in memory

// A handler's answer. The session fills in version, keep-alive and common headers.
using Reply = std::variant<StringResponse, FileResponse, EmptyResponse, SharedResponse>;

Status status_of(const Reply& r);

struct RequestContext {
  const Request& request;
  std::string_view path;   // percent-decoded, valid UTF-8, starts with '/'
  const Query& query;
  std::map<std::string, std::string, std::less<>> params;  // "{id}" segments of the route
  // The client's address: the peer, or the X-Forwarded-For client when the peer is a
  // trusted proxy (TRUSTED_PROXY). For audit and rate limits.
  std::string client_address = {};
  bool https = false;  // the client's connection was TLS (ours, or a trusted proxy's)
  // Who is signing this request, once the Guard has found out: the router's gate and the
  // handler share one session lookup.
  mutable std::any signed_in_user = {};
};

}  // namespace server::http
