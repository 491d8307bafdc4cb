#include "server/routes.hpp"

#include "server/directory/institutions_handler.hpp"
#include "server/http/errors.hpp"

namespace server {

void add_routes(http::Router& router, const Config& /*config: dev endpoints will check the mode*/,
                storage::Storage& storage, const http::StaticSite& site) {
  router.add(http::Verb::get, "/api/v1/health", [](const http::RequestContext&) {
    return http::json_reply(http::Status::ok, {{"status", "ok"}, {"version", version}});
  });
  directory::add_directory_routes(router, storage.institutions());
  router.set_fallback([&site](const http::RequestContext& rq) { return site.serve(rq); });
}

}  // namespace server
