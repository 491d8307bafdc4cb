#pragma once
// The web client's files (--site): index.html, app.js, app.wasm, app.data, icons...
// Serves the precompressed <file>.br / <file>.gz when the browser accepts it, with an ETag
// so an unchanged file costs one round trip and no bytes.
#include <filesystem>
#include <string_view>

#include "server/http/message.hpp"

namespace server::http {

// The security policy of every static file: no inline scripts, WebAssembly allowed.
extern const char* const content_security_policy;

std::string_view mime_type(const std::filesystem::path& file);

class StaticSite {
 public:
  explicit StaticSite(std::filesystem::path root);  // a missing root just serves 404s
  Reply serve(const RequestContext& context) const;

 private:
  std::filesystem::path root_;
};

}  // namespace server::http
