#include "wasm/app/route.hpp"

#include "wasm/api/wire.hpp"

namespace app {

Route parse_route(std::string_view hash) {
  Route r;
  if (!hash.empty() && hash.front() == '#') hash.remove_prefix(1);
  std::string_view path = hash, q;
  if (size_t mark = hash.find('?'); mark != std::string_view::npos) {
    path = hash.substr(0, mark);
    q = hash.substr(mark + 1);
  }
  while (!path.empty()) {
    size_t slash = path.find('/');
    std::string_view seg = path.substr(0, slash);
    if (!seg.empty()) r.segments.push_back(api::percent_decode(seg));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  while (!q.empty()) {
    size_t amp = q.find('&');
    std::string_view kv = q.substr(0, amp);
    size_t eq = kv.find('=');
    if (!kv.empty())
      r.query[api::percent_decode(kv.substr(0, eq))] =
          eq == std::string_view::npos ? std::string() : api::percent_decode(kv.substr(eq + 1));
    if (amp == std::string_view::npos) break;
    q.remove_prefix(amp + 1);
  }
  return r;
}

std::string route_string(const std::vector<std::string>& segments,
                         const std::map<std::string, std::string>& query) {
  std::string out = "#/";
  for (size_t i = 0; i < segments.size(); ++i) {
    if (i) out += '/';
    out += api::percent_encode(segments[i]);
  }
  std::vector<std::pair<std::string, std::string>> pairs(query.begin(), query.end());
  return out + api::query(pairs);
}

}  // namespace app
