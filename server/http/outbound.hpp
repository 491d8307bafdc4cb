#pragma once
// Requests the server itself makes (an SMS gateway, an identity provider), through libcurl:
// one place for timeouts, allowed protocols and the size of what is read back.
#include <chrono>
#include <string>
#include <vector>

namespace server::http {

struct OutboundRequest {
  std::string method = "GET";  // GET or POST
  std::string url;
  std::string body;                  // POST only
  std::vector<std::string> headers;  // "Name: value"
  std::string username, password;    // HTTP Basic when username is set
  std::chrono::milliseconds timeout{10000};
  std::size_t max_body = 1 << 20;  // bytes kept of the answer
};

struct OutboundReply {
  bool reached = false;  // false: no HTTP answer at all (see error)
  long status = 0;
  std::string body, error;
};

OutboundReply send_outbound(const OutboundRequest& request);

// application/x-www-form-urlencoded value (RFC 3986 unreserved kept).
std::string form_encode(std::string_view s);

}  // namespace server::http
