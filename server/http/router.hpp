#pragma once
// Method + path pattern -> handler. Patterns are literal segments and "{name}" captures,
// e.g. "/api/v1/registrations/{id}". Unknown /api paths get a JSON 404, a known path with
// the wrong method a JSON 405; everything else goes to the fallback (the static site).
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "server/http/message.hpp"

namespace server::http {

using Handler = std::function<Reply(const RequestContext&)>;

// Who may call a route, declared with it: a route without a rule does not compile. Before
// the handler runs, the router's gate refuses what the rule alone decides (no session: 401;
// no grant of any of the permissions anywhere: 403); the handler then decides which
// organisation or object, as `scope` says. The authorisation matrix test reads these rules
// (GET /api/v1/dev/routes) and tries every role against them.
struct Access {
  // token: no session needed, the holder of the object's bearer token (a registrant).
  enum class Who { anyone, signed_in, permission, token };
  // Which organisation the handler judges: none (the caller's own things), a path capture
  // naming an organisation, the object a path capture names, a query parameter naming an
  // organisation (else the caller's own), the body's organisation, a list filtered to the
  // caller's subtree, a path capture naming the caller's very own organisation (a grant on
  // an ancestor is not enough), or the root of the tree (a national setting).
  enum class Scope { none, path, object, query, body, subtree, exact, root };
  Who who = Who::anyone;
  std::vector<std::string> permissions;  // any of these (wire ids, e.g. "users.manage")
  Scope scope = Scope::none;
  std::string param;  // Scope::path / Scope::object: the capture's name
};
using Scope = Access::Scope;
Access anyone();
Access token_holder(std::string param);
Access signed_in(Access::Scope scope = Access::Scope::none, std::string param = {});
Access permission(std::vector<std::string> any_of, Access::Scope scope, std::string param = {});
inline Access permission(std::string one, Access::Scope scope, std::string param = {}) {
  return permission(std::vector<std::string>{std::move(one)}, scope, std::move(param));
}
// The reply that refuses the request, or nullopt to let the handler run.
using Gate = std::function<std::optional<Reply>(const RequestContext&, const Access&)>;

struct Route {
  Verb method;
  std::vector<std::string> segments;
  std::string pattern;
  Access access;
  Handler handler;
  std::uint64_t max_body_bytes = 0;  // 0: the server's default
  bool slow = false;
};

struct Route;

// What a request was matched to, found once: Router::run gives its reply.
struct Routed {
  const Route* route = nullptr;  // none: a 405 (allow set), a 404 or the fallback
  std::string allow;
  // Run it off the I/O loops (Server): a write, or a route added as slow.
  bool slow = false;
};

class Router {
 public:
  // Returned by add: how to say more of the route just added.
  class Added {
   public:
    Added(std::vector<Route>& routes, std::size_t index) : routes_(routes), index_(index) {}
    // A GET that takes long (renders a document, waits on another server): it runs on the
    // server's workers, as every write does, not on an I/O loop where it would hold up the
    // loop's other connections.
    void slow();

   private:
    std::vector<Route>& routes_;
    std::size_t index_;
  };

  // A GET route also answers HEAD (the session sends the headers only).
  Added add(Verb method, std::string pattern, Access access, Handler handler);
  // A route that takes a larger body than the server's default (an upload).
  Added add_upload(Verb method, std::string pattern, std::uint64_t max_body_bytes, Access access, Handler handler);
  // The body limit of the route `raw_path` matches, or `fallback` (the default limit).
  std::uint64_t body_limit(Verb method, std::string_view raw_path, std::uint64_t fallback) const;
  // The largest limit of any route, at least `fallback`: what the parser allows until the
  // path is known.
  std::uint64_t largest_body_limit(std::uint64_t fallback) const;
  void set_fallback(Handler handler) { fallback_ = std::move(handler); }
  void set_gate(Gate gate) { gate_ = std::move(gate); }
  // Every route's method, pattern and rule, for the matrix test.
  nlohmann::json describe() const;

  // Matches the request (sets context.params); run gives the reply. dispatch does both.
  Routed route(RequestContext& context) const;
  Reply run(const Routed& routed, RequestContext& context) const;
  Reply dispatch(RequestContext& context) const { return run(route(context), context); }

 private:
  std::vector<Route> routes_;
  std::uint64_t largest_body_bytes_ = 0;  // of any route
  std::set<Verb> upload_methods_;          // of the routes with a limit of their own
  Handler fallback_;
  Gate gate_;
};

}  // namespace server::http
