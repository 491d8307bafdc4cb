#pragma once
// The native client's HTTP: one request per connection on the worker thread, plain HTTP or
// HTTPS with the certificate verified (a kiosk at a district office talks to the national
// server over the internet).
#include <functional>
#include <string>

#include "wasm/platform/platform.hpp"

namespace platform::native {

// SERVER_URL (http:// or https://, default http://127.0.0.1:8080) and SERVER_CA_FILE (a PEM
// bundle trusted instead of the system's certificates).
struct Server {
  bool tls = false;
  std::string host = "127.0.0.1", port = "8080", base_path, ca_file;
  std::string origin() const;  // "https://host:port"
};
Server server_from_env();

// Status 0 when there was no answer; `untrusted` when the certificate failed verification.
HttpResponse blocking_request(const Server& server, const HttpRequest& request,
                              const std::function<void(double, double)>& progress);

}  // namespace platform::native
