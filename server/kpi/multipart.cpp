#include "server/kpi/multipart.hpp"

#include <algorithm>

namespace server::kpi {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The value of `key=` in a header's parameters, quotes removed.
std::string parameter(std::string_view header, std::string_view key) {
  const std::string h = lower(header);
  std::size_t at = 0;
  while ((at = h.find(key, at)) != std::string::npos) {
    const bool starts_word = at == 0 || h[at - 1] == ';' || h[at - 1] == ' ';
    if (starts_word && at + key.size() < h.size() && h[at + key.size()] == '=') break;
    ++at;
  }
  if (at == std::string::npos) return "";
  std::size_t v = at + key.size() + 1;
  if (v < header.size() && header[v] == '"') {
    std::string out;
    for (++v; v < header.size() && header[v] != '"'; ++v) {
      if (header[v] == '\\' && v + 1 < header.size()) ++v;
      out += header[v];
    }
    return out;
  }
  const auto end = header.find(';', v);
  std::string out(header.substr(v, end == std::string_view::npos ? std::string_view::npos : end - v));
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

std::optional<std::vector<FormPart>> parse_multipart(std::string_view content_type, std::string_view body) {
  if (lower(content_type).rfind("multipart/form-data", 0) != 0) return std::nullopt;
  const std::string boundary = parameter(content_type, "boundary");
  if (boundary.empty() || boundary.size() > 70) return std::nullopt;
  const std::string delimiter = "--" + boundary;
  std::size_t pos = body.find(delimiter);
  if (pos == std::string_view::npos) return std::nullopt;
  std::vector<FormPart> parts;
  for (;;) {
    pos += delimiter.size();
    if (body.substr(pos, 2) == "--") return parts;  // the closing delimiter
    if (body.substr(pos, 2) != "\r\n") return std::nullopt;
    pos += 2;
    const auto headers_end = body.find("\r\n\r\n", pos);
    if (headers_end == std::string_view::npos) return std::nullopt;
    FormPart part;
    for (std::size_t line = pos; line < headers_end;) {
      auto eol = body.find("\r\n", line);
      if (eol == std::string_view::npos || eol > headers_end) eol = headers_end;
      const std::string_view header = body.substr(line, eol - line);
      const auto colon = header.find(':');
      if (colon != std::string_view::npos) {
        const std::string name = lower(header.substr(0, colon));
        std::string_view value = header.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
        if (name == "content-disposition") {
          part.name = parameter(value, "name");
          part.file_name = parameter(value, "filename");
        } else if (name == "content-type") {
          part.content_type = std::string(value);
        }
      }
      line = eol + 2;
    }
    const std::size_t start = headers_end + 4;
    const auto next = body.find("\r\n" + delimiter, start);
    if (next == std::string_view::npos) return std::nullopt;
    part.body = body.substr(start, next - start);
    parts.push_back(std::move(part));
    pos = next + 2;
  }
}

}  // namespace server::kpi
