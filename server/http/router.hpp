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
  void set_fallback(Handler handler) { fallback_ = std::move(handler); }

  Reply dispatch(RequestContext& context) const;

 private:
  struct Route {
    Verb method;
    std::vector<std::string> segments;
    Handler handler;
  };
  std::vector<Route> routes_;
  Handler fallback_;
};

}  // namespace server::http
