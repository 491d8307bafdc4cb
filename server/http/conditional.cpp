#include "server/http/conditional.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>

#include "shared/core/text.hpp"

namespace server::http {

bool accepts_coding(std::string_view header, std::string_view coding) {
  bool star = false;
  while (!header.empty()) {
    std::size_t comma = header.find(',');
    std::string_view item = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
    std::size_t semi = item.find(';');
    std::string name = domain::ascii_lower(domain::trim(item.substr(0, semi)));
    bool zero = false;
    if (semi != std::string_view::npos) {
      std::string params = domain::trim(item.substr(semi + 1));
      params.erase(std::remove(params.begin(), params.end(), ' '), params.end());
      zero = params.rfind("q=0", 0) == 0 && params.find_first_not_of("0.", 2) == std::string::npos;
    }
    if (name == coding) return !zero;
    if (name == "*") star = !zero;
  }
  return star;
}

std::string content_etag(std::string_view bytes, std::string_view coding) {
  std::array<unsigned char, 8> digest{};
  crypto_generichash(digest.data(), digest.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                     nullptr, 0);
  static constexpr char hex[] = "0123456789abcdef";
  std::string tag = "\"";
  for (unsigned char b : digest) {
    tag += hex[b >> 4];
    tag += hex[b & 15];
  }
  if (!coding.empty()) tag.append("-").append(coding);
  return tag += '"';
}

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  if (domain::trim(if_none_match) == "*") return true;
  if (etag.starts_with("W/")) etag.remove_prefix(2);
  while (!if_none_match.empty()) {
    std::size_t comma = if_none_match.find(',');
    std::string tag = domain::trim(if_none_match.substr(0, comma));
    if_none_match = comma == std::string_view::npos ? std::string_view{} : if_none_match.substr(comma + 1);
    if (tag.rfind("W/", 0) == 0) tag.erase(0, 2);
    if (tag == etag) return true;
  }
  return false;
}

}  // namespace server::http
