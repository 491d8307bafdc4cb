#include "server/http/router.hpp"

#include "server/http/errors.hpp"

namespace server::http {

namespace {

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> segments;
  std::size_t start = 1;  // paths start with '/'
  while (start <= path.size()) {
    std::size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    segments.emplace_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return segments;
}

bool is_capture(const std::string& s) { return s.size() > 2 && s.front() == '{' && s.back() == '}'; }

bool match(const std::vector<std::string>& pattern, const std::vector<std::string>& path,
           std::map<std::string, std::string, std::less<>>& params) {
  if (pattern.size() != path.size()) return false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (is_capture(pattern[i])) {
      if (path[i].empty()) return false;
      params[pattern[i].substr(1, pattern[i].size() - 2)] = path[i];
    } else if (pattern[i] != path[i]) {
      return false;
    }
  }
  return true;
}

bool is_api(std::string_view path) { return path == "/api" || path.rfind("/api/", 0) == 0; }

}  // namespace

Access anyone() { return {}; }

Access token_holder(std::string param) { return {Access::Who::token, {}, Scope::object, std::move(param)}; }

Access signed_in(Access::Scope scope, std::string param) {
  return {Access::Who::signed_in, {}, scope, std::move(param)};
}

Access permission(std::vector<std::string> any_of, Access::Scope scope, std::string param) {
  return {Access::Who::permission, std::move(any_of), scope, std::move(param)};
}

void Router::Added::slow() { routes_[index_].slow = true; }

Router::Added Router::add(Verb method, std::string pattern, Access access, Handler handler) {
  return add_upload(method, std::move(pattern), 0, std::move(access), std::move(handler));
}

Router::Added Router::add_upload(Verb method, std::string pattern, std::uint64_t max_body_bytes, Access access,
                                 Handler handler) {
  auto segments = split_path(pattern);
  largest_body_bytes_ = std::max(largest_body_bytes_, max_body_bytes);
  if (max_body_bytes) upload_methods_.insert(method);
  routes_.push_back({method, std::move(segments), std::move(pattern), std::move(access), std::move(handler),
                     max_body_bytes});
  return Added(routes_, routes_.size() - 1);
}

nlohmann::json Router::describe() const {
  static const char* who[] = {"anyone", "signed_in", "permission", "token"};
  static const char* scope[] = {"none", "path", "object", "query", "body", "subtree", "exact", "root"};
  auto list = nlohmann::json::array();
  for (const Route& r : routes_)
    list.push_back({{"method", std::string(beast::http::to_string(r.method))},
                    {"pattern", r.pattern},
                    {"who", who[static_cast<int>(r.access.who)]},
                    {"permissions", r.access.permissions},
                    {"scope", scope[static_cast<int>(r.access.scope)]},
                    {"param", r.access.param}});
  return list;
}

std::uint64_t Router::body_limit(Verb method, std::string_view raw_path, std::uint64_t fallback) const {
  // Asked for every request: most (every GET) have no upload route, and the path is not split.
  if (raw_path.empty() || raw_path.front() != '/' || !upload_methods_.contains(method)) return fallback;
  const auto path = split_path(raw_path);
  for (const Route& route : routes_) {
    std::map<std::string, std::string, std::less<>> params;
    if (route.max_body_bytes && route.method == method && match(route.segments, path, params))
      return route.max_body_bytes;
  }
  return fallback;
}

std::uint64_t Router::largest_body_limit(std::uint64_t fallback) const {
  return std::max(fallback, largest_body_bytes_);
}

Routed Router::route(RequestContext& context) const {
  const Verb method = context.request.method();
  const std::vector<std::string> path = split_path(context.path);
  Routed routed;
  for (const Route& route : routes_) {
    std::map<std::string, std::string, std::less<>> params;
    if (!match(route.segments, path, params)) continue;
    if (route.method == method || (route.method == Verb::get && method == Verb::head)) {
      context.params = std::move(params);
      return {&route, {}, route.slow || route.method != Verb::get};
    }
    std::string name(beast::http::to_string(route.method));
    if (routed.allow.find(name) == std::string::npos) routed.allow += (routed.allow.empty() ? "" : ", ") + name;
    if (route.method == Verb::get && routed.allow.find("HEAD") == std::string::npos) routed.allow += ", HEAD";
  }
  return routed;
}

Reply Router::run(const Routed& routed, RequestContext& context) const {
  if (const Route* route = routed.route) {
    if (gate_ && (route->access.who == Access::Who::signed_in || route->access.who == Access::Who::permission))
      if (auto refused = gate_(context, route->access)) return std::move(*refused);
    return route->handler(context);
  }
  if (!routed.allow.empty()) return method_not_allowed(routed.allow);
  if (is_api(context.path) || !fallback_) return not_found();
  return fallback_(context);
}

}  // namespace server::http
