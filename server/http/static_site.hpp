#pragma once
// The web client's files (--site): index.html, app.<hash>.js, app.<hash>.wasm, icons...
// Held in memory with their precompressed <file>.br / <file>.gz copies (loaded at start),
// so serving one costs no disk I/O; the brotli or gzip copy goes to a browser that accepts
// it. Content-hashed names (app.3f9c1a2b.wasm, scripts/make-site.sh) are immutable: kept a
// year by browsers, never looked at on disk again. Other names (index.html, which names the
// current hashed files) are revalidated by browsers (ETag, 304) and by the server: a file
// rebuilt on disk (its size or time changed) is read again on its next request.
#include <filesystem>
#include <map>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>

#include "server/http/message.hpp"

namespace server::http {

// The security policy of every static file: no inline scripts, WebAssembly allowed.
extern const char* const content_security_policy;

std::string_view mime_type(const std::filesystem::path& file);

class StaticSite {
 public:
  // A file larger than this is streamed from disk on every request instead.
  static constexpr std::uintmax_t max_held_bytes = 32 * 1024 * 1024;

  explicit StaticSite(std::filesystem::path root);  // a missing root just serves 404s
  ~StaticSite();
  Reply serve(const RequestContext& context) const;

 private:
  struct File;  // one file and its compressed copies, in memory
  std::shared_ptr<const File> held(const std::string& relative) const;
  std::shared_ptr<const File> load(const std::string& relative) const;

  std::filesystem::path root_;
  mutable std::shared_mutex mutex_;
  mutable std::map<std::string, std::shared_ptr<const File>, std::less<>> files_;
};

}  // namespace server::http
