#include "server/http/query.hpp"

#include "shared/core/text.hpp"

namespace server::http {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<std::string> percent_decode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '%') {
      if (i + 2 >= s.size()) return std::nullopt;  // needs two hex digits
      int hi = hex_value(s[i + 1]), lo = hex_value(s[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

Query::Query(std::string_view raw) : raw_(raw) {
  std::string_view rest = raw_;
  while (!rest.empty()) {
    std::size_t amp = rest.find('&');
    std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
    if (pair.empty()) continue;
    std::size_t eq = pair.find('=');
    std::string_view name = pair.substr(0, eq);
    std::string_view value = eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1);
    // A name that does not decode cannot match any parameter we read: it is ignored.
    if (auto decoded = percent_decode(name, true)) pairs_.emplace_back(std::move(*decoded), value);
  }
}

std::optional<domain::Checked<std::string>> Query::get(std::string_view name) const {
  for (const auto& [n, raw] : pairs_) {
    if (n != name) continue;
    auto decoded = percent_decode(raw, true);
    if (!decoded)
      return domain::Checked<std::string>(domain::FieldError{
          "bad_encoding", std::string(name), "รูปแบบการเข้ารหัสของค่านี้ไม่ถูกต้อง",
          "This value's percent-encoding is malformed"});
    if (!domain::is_valid_utf8(*decoded))
      return domain::Checked<std::string>(domain::FieldError{
          "bad_encoding", std::string(name), "ค่านี้ไม่ใช่ข้อความ UTF-8 ที่ถูกต้อง",
          "This value is not valid UTF-8 text"});
    return domain::Checked<std::string>(std::move(*decoded));
  }
  return std::nullopt;
}

Target split_target(std::string_view target) {
  std::size_t q = target.find('?');
  if (q == std::string_view::npos) return {target, {}};
  return {target.substr(0, q), target.substr(q + 1)};
}

}  // namespace server::http
