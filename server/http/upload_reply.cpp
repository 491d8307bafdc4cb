#include "server/http/upload_reply.hpp"

namespace server::http {

std::string content_disposition(std::string_view file_name, bool show_inline) {
  std::string ascii, encoded;
  static constexpr char hex[] = "0123456789ABCDEF";
  for (unsigned char c : file_name) {
    // RFC 8187 attr-char goes as it is; everything else percent-encoded.
    const bool attr_char = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                           std::string_view("!#$&+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
    if (attr_char) {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += hex[c >> 4];
      encoded += hex[c & 15];
    }
    // The fallback: printable ASCII without the characters a quoted string or an old
    // browser's decoding would trip on; a UTF-8 character becomes one '_'.
    if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%' && c != ';' && c != '/') ascii += static_cast<char>(c);
    else if (c < 0x80 || (c & 0xC0) == 0xC0) ascii += '_';
  }
  if (ascii.empty()) ascii = "file";
  return std::string(show_inline ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" +
         (encoded.empty() ? "file" : encoded);
}

Reply upload_reply(std::string bytes, std::string_view content_type, std::string_view file_name, bool show_inline) {
  StringResponse res{Status::ok, 11};
  res.set(beast::http::field::content_type, content_type);
  res.set(beast::http::field::content_disposition, content_disposition(file_name, show_inline));
  res.set("Content-Security-Policy", "default-src 'none'; sandbox; frame-ancestors 'none'");
  res.body() = std::move(bytes);
  res.prepare_payload();
  return res;
}

}  // namespace server::http
