#pragma once
// An uploaded file sent back: never run, never sniffed, never shown in place unless it is an
// image the server decoded when it took it.
#include <string>
#include <string_view>

#include "server/http/message.hpp"

namespace server::http {

// `attachment` (or `inline` for a decoded image) with an RFC 6266 file name: an ASCII
// fallback in `filename` and the exact UTF-8 name in `filename*` (RFC 8187).
std::string content_disposition(std::string_view file_name, bool show_inline);

// 200 with `bytes`, that disposition, and a CSP that sandboxes whatever a browser makes of
// it (`default-src 'none'; sandbox`). X-Content-Type-Options: nosniff and, under /api/,
// Cache-Control: private, no-store come with every reply (session.cpp).
Reply upload_reply(std::string bytes, std::string_view content_type, std::string_view file_name, bool show_inline);

// A file the server made (an export, a printable list) to save: attachment, that name.
inline Reply download_reply(std::string bytes, std::string_view content_type, std::string_view file_name) {
  return upload_reply(std::move(bytes), content_type, file_name, false);
}

}  // namespace server::http
