#include "server/routes.hpp"

#include "server/auth/auth_routes.hpp"
#include "server/directory/institutions_handler.hpp"
#include "server/http/errors.hpp"

namespace server {

void add_routes(http::Router& router, Services& s) {
  router.add(http::Verb::get, "/api/v1/health", [mode = std::string(to_string(s.config.mode))](const http::RequestContext&) {
    return http::json_reply(http::Status::ok, {{"status", "ok"}, {"version", version}, {"mode", mode}});
  });
  directory::add_directory_routes(router, s.storage.institutions());
  auth::add_auth_routes(router, s.config, s.guard, s.audit, s.accounts);
  router.set_fallback([&site = s.site](const http::RequestContext& rq) { return site.serve(rq); });
}

}  // namespace server
