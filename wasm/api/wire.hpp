#pragma once
// The API's wire details, without I/O (unit-tested natively): replies decoded into the
// api.md error shape, multipart bodies, header blocks, query strings, cookies.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "shared/core/field_error.hpp"
#include "wasm/platform/platform.hpp"

namespace api {

// A reply as screens see it.
struct Reply {
  int status = 0;         // 0: no answer
  nlohmann::json body;    // the JSON body (discarded: null when the body is not JSON)
  // Set when status is not 2xx: the api.md error ({"error":{code,message_th,message_en,
  // field}}), or one made here for no answer ("network") or an unreadable reply
  // ("unexpected_reply"), so every failure has a Thai and English message.
  std::optional<domain::FieldError> error;
  int retry_after = 0;    // seconds, from Retry-After (429)
  bool ok() const { return status >= 200 && status < 300; }
  // The error's code, or "" (shorthand for screens: reply.code() == "otp_wrong").
  std::string_view code() const { return error ? std::string_view(error->code) : std::string_view(); }
};

Reply decode_reply(const platform::HttpResponse& r);

// A string member of a JSON object, or "" (no exceptions: the web build has none).
std::string text_of(const nlohmann::json& j, std::string_view key);
// An integer member, or `fallback`.
std::int64_t int_of(const nlohmann::json& j, std::string_view key, std::int64_t fallback = 0);

// "Retry-After: 120" (seconds; an HTTP date counts as 60 s).
int parse_retry_after(std::string_view value);

// "name: value\r\n..." (XMLHttpRequest.getAllResponseHeaders()) -> lower-case names.
platform::Headers parse_header_block(std::string_view block);

// One part of a multipart/form-data body: a field, or a file when `file_name` is set.
struct FormPart {
  std::string name;
  std::string value;  // the text, or the file's bytes
  std::string file_name;
  std::string content_type;  // for files; default application/octet-stream
};
// The body; its Content-Type is "multipart/form-data; boundary=" + boundary.
std::string encode_multipart(const std::vector<FormPart>& parts, std::string_view boundary);
// A boundary that does not occur in any part (tries counter-derived candidates).
std::string pick_boundary(const std::vector<FormPart>& parts);
// "image/jpeg" for "scan.JPG", "application/pdf" for ".pdf", ...; octet-stream otherwise.
std::string content_type_for(std::string_view file_name);

// Percent-encoded UTF-8 for a path segment or a query value (RFC 3986 unreserved kept).
std::string percent_encode(std::string_view s);
std::string percent_decode(std::string_view s);  // invalid escapes are kept as they are
// "?a=1&b=x%20y" from pairs, empty values left out; "" when none is left.
std::string query(const std::vector<std::pair<std::string, std::string>>& params);

// The cookies a server set, kept per name, sent back on every request (the native client:
// the browser does this itself). The client talks to one server, so domains and paths do
// not matter; Max-Age/Expires in the past delete. Secure is not enforced: the native
// client talks to a local server or through a local TLS proxy.
class CookieJar {
 public:
  void store(std::string_view set_cookie);  // one Set-Cookie header value
  std::string header() const;               // "a=1; b=2", or "" when empty
  std::optional<std::string> get(const std::string& name) const;
  void clear() { cookies_.clear(); }

 private:
  std::map<std::string, std::string> cookies_;
};

}  // namespace api
