#pragma once
// Method + path pattern -> handler. Patterns are literal segments and "{name}" captures,
// e.g. "/api/v1/registrations/{id}". Unknown /api paths get a JSON 404, a known path with
// the wrong method a JSON 405; everything else goes to the fallback (the static site).
#include <functional>
#include <string>
#include <vector>

#include "server/http/message.hpp"

namespace server::http {

using Handler = std::function<Reply(const RequestContext&)>;

class Router {
 public:
  // A GET route also answers HEAD (the session sends the headers only).
  void add(Verb method, std::string pattern, Handler handler);
  // A route that takes a larger body than the server's default (an upload).
  void add_upload(Verb method, std::string pattern, std::uint64_t max_body_bytes, Handler handler);
  // The body limit of the route `raw_path` matches, or `fallback` (the default limit).
  std::uint64_t body_limit(Verb method, std::string_view raw_path, std::uint64_t fallback) const;
  // The largest limit of any route, at least `fallback`: what the parser allows until the
  // path is known.
  std::uint64_t largest_body_limit(std::uint64_t fallback) const;
  void set_fallback(Handler handler) { fallback_ = std::move(handler); }

  Reply dispatch(RequestContext& context) const;

 private:
  struct Route {
    Verb method;
    std::vector<std::string> segments;
    Handler handler;
    std::uint64_t max_body_bytes = 0;  // 0: the server's default
  };
  std::vector<Route> routes_;
  Handler fallback_;
};

}  // namespace server::http
