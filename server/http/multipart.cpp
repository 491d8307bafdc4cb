#include "server/http/multipart.hpp"

#include "shared/core/text.hpp"

namespace server::http {

namespace {

// The value of `key` in a header's parameters: `form-data; name="file"; filename="a.jpg"`.
std::optional<std::string> parameter(std::string_view header, std::string_view key) {
  std::size_t at = 0;
  while ((at = header.find(key, at)) != std::string_view::npos) {
    const bool starts = at == 0 || header[at - 1] == ';' || header[at - 1] == ' ';
    const std::size_t eq = at + key.size();
    if (!starts || eq >= header.size() || header[eq] != '=') {
      at = eq;
      continue;
    }
    std::size_t v = eq + 1;
    if (v < header.size() && header[v] == '"') {
      std::string out;
      for (++v; v < header.size() && header[v] != '"'; ++v) {
        if (header[v] == '\\' && v + 1 < header.size()) ++v;
        out += header[v];
      }
      return out;
    }
    std::size_t end = header.find(';', v);
    return domain::trim(header.substr(v, end == std::string_view::npos ? std::string_view::npos : end - v));
  }
  return std::nullopt;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && domain::ascii_lower(s.substr(0, prefix.size())) == prefix;
}

}  // namespace

std::optional<std::vector<FormPart>> parse_multipart(std::string_view content_type, std::string_view body) {
  if (!starts_with_ci(content_type, "multipart/form-data")) return std::nullopt;
  auto boundary = parameter(content_type, "boundary");
  if (!boundary || boundary->empty() || boundary->size() > 200) return std::nullopt;
  const std::string delimiter = "--" + *boundary;
  std::size_t at = body.find(delimiter);
  if (at == std::string_view::npos) return std::nullopt;
  std::vector<FormPart> parts;
  for (;;) {
    at += delimiter.size();
    if (body.substr(at, 2) == "--") return parts;  // the closing delimiter
    if (body.substr(at, 2) != "\r\n") return std::nullopt;
    at += 2;
    const std::size_t headers_end = body.find("\r\n\r\n", at);
    if (headers_end == std::string_view::npos) return std::nullopt;
    FormPart part;
    std::string_view headers = body.substr(at, headers_end - at);
    while (!headers.empty()) {
      std::size_t eol = headers.find("\r\n");
      std::string_view line = headers.substr(0, eol);
      headers = eol == std::string_view::npos ? std::string_view() : headers.substr(eol + 2);
      if (starts_with_ci(line, "content-disposition:")) {
        part.name = parameter(line, "name").value_or("");
        part.filename = parameter(line, "filename");
      } else if (starts_with_ci(line, "content-type:")) {
        part.content_type = domain::trim(line.substr(13));
      }
    }
    const std::size_t data_start = headers_end + 4;
    const std::size_t next = body.find("\r\n" + delimiter, data_start);
    if (next == std::string_view::npos) return std::nullopt;
    part.data = body.substr(data_start, next - data_start);
    parts.push_back(std::move(part));
    at = next + 2;
  }
}

const FormPart* find_part(const std::vector<FormPart>& parts, std::string_view name) {
  for (const auto& p : parts)
    if (p.name == name) return &p;
  return nullptr;
}

}  // namespace server::http
