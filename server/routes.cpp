#include "server/routes.hpp"

#include "server/directory/institutions_handler.hpp"
#include "server/http/errors.hpp"

namespace server {

void add_routes(http::Router& router, const Config& config,
                storage::Storage& storage, const http::StaticSite& site) {
  router.add(http::Verb::get, "/api/v1/health", [mode = std::string(to_string(config.mode))](const http::RequestContext&) {
    return http::json_reply(http::Status::ok, {{"status", "ok"}, {"version", version}, {"mode", mode}});
  });
  directory::add_directory_routes(router, storage.institutions());
  router.set_fallback([&site](const http::RequestContext& rq) { return site.serve(rq); });
}

}  // namespace server
