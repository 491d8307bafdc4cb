#pragma once
// What the static site and the API share to spare bytes on the wire: content coding
// negotiation (Accept-Encoding) and validators (ETag, If-None-Match).
#include <string>
#include <string_view>

namespace server::http {

// Does "Accept-Encoding: gzip, deflate, br;q=0.5" allow `coding`? (q=0 means "never")
bool accepts_coding(std::string_view accept_encoding, std::string_view coding);

// A strong validator of these bytes: "<16 hex digits of BLAKE2b>" (and "-br"/"-gzip" for a
// compressed copy, which is another representation). The same bytes give the same tag in
// every server process and after a restart.
std::string content_etag(std::string_view bytes, std::string_view coding = {});

// If-None-Match against our tag, by weak comparison (RFC 9110 13.1.2: W/"x" matches "x").
bool etag_matches(std::string_view if_none_match, std::string_view etag);

}  // namespace server::http
