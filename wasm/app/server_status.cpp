#include "wasm/app/server_status.hpp"

#include <nlohmann/json.hpp>

#include "wasm/platform/platform.hpp"

namespace app {

void ServerStatus::check() {
  platform::http_get("/api/v1/health", [this](const platform::HttpResponse& r) {
    saw_reply(r.status, r.untrusted);
    auto body = nlohmann::json::parse(r.body, nullptr, false);
    if (r.status == 200 && body.is_object()) {
      // "mode" may be absent (older servers): then no banner.
      if (auto m = body.find("mode"); m != body.end() && m->is_string()) mode_ = *m;
      if (auto v = body.find("version"); v != body.end() && v->is_string()) version_ = *v;
    }
  });
}

void ServerStatus::saw_reply(int http_status, bool untrusted) {
  if (untrusted) reach_ = Reach::untrusted;
  // Another request's failure says less than the health check's refused certificate.
  else if (http_status == 0) reach_ = reach_ == Reach::untrusted ? reach_ : Reach::unreachable;
  else reach_ = Reach::ok;
}

}  // namespace app
