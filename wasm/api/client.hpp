#pragma once
// The API client every screen uses: JSON requests to /api/v1, the CSRF header once signed
// in, an optional bearer token, multipart uploads with progress, file downloads, and
// replies decoded (status, JSON, the api.md error as a domain::FieldError).
//
//   ctx.api.post("/api/v1/auth/login", {{"username", u}, {"password", p}},
//                [this](const api::Reply& r) { if (!r.ok()) errors_.set(*r.error); });
//
// Callbacks run on the UI thread, later (never inside the call), and a frame follows.
// A screen that may be gone when the reply comes keeps a api::Pending (below).
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "wasm/api/wire.hpp"

namespace api {

using Done = std::function<void(const Reply&)>;

struct Request {
  std::string method = "GET";
  std::string path;                       // "/api/v1/me" (build queries with api::query)
  std::optional<nlohmann::json> json;     // the body, sent as application/json
  std::string bearer;                     // "Authorization: Bearer <token>" when not empty
};

class Client {
 public:
  void send(Request request, Done done);
  void get(std::string path, Done done) { send({"GET", std::move(path), {}, {}}, std::move(done)); }
  void post(std::string path, nlohmann::json body, Done done) {
    send({"POST", std::move(path), std::move(body), {}}, std::move(done));
  }
  void put(std::string path, nlohmann::json body, Done done) {
    send({"PUT", std::move(path), std::move(body), {}}, std::move(done));
  }
  void del(std::string path, Done done) { send({"DELETE", std::move(path), {}, {}}, std::move(done)); }

  // POST multipart/form-data; `progress(sent, total)` follows the upload.
  void upload(std::string path, std::vector<FormPart> parts, Done done,
              platform::ProgressCallback progress = {}, std::string bearer = {});

  // GET a file and save it for the user (web: the browser's download; native: a file in
  // DOWNLOAD_DIR). `done` gets the reply (its error when it failed) and where it went.
  void download(std::string path, std::string file_name,
                std::function<void(const Reply&, const std::string& saved_as)> done,
                std::string bearer = {});

  // GET an image (JPEG or PNG) and decode it for a texture (widgets::RemoteImage does
  // this and shows the states). `done` gets the reply and the pixels; a 2xx reply whose
  // bytes are no readable image has `error` "image_unreadable" (Thai and English).
  void fetch_image(std::string path, std::function<void(const Reply&, platform::Image)> done,
                   std::string bearer = {});

  // From the login reply: sent as X-CSRF-Token on every state-changing request after.
  void set_csrf_token(std::string token) { csrf_ = std::move(token); }
  const std::string& csrf_token() const { return csrf_; }

  // Sees every reply before the screen does (server reachability, an ended session).
  std::function<void(const Reply&)> observer;
  // Told of every file a download saved (its path natively): the app offers to open it.
  std::function<void(const std::string& saved_as)> saved;

  // The headers every request of `method` carries (Accept, CSRF, bearer).
  platform::Headers headers_for(std::string_view method, const std::string& bearer) const;

 private:
  platform::HttpCallback finish(Done done);
  std::string csrf_;
};

// Ties replies to a screen's lifetime: a callback wrapped by guard() does nothing once the
// Pending is destroyed or reset() (a newer request replaces an older one).
class Pending {
 public:
  Done guard(Done done) {
    std::weak_ptr<int> alive = token_;
    return [alive, done = std::move(done)](const Reply& r) {
      if (alive.lock()) done(r);
    };
  }
  void reset() { token_ = std::make_shared<int>(0); }
  // For callbacks of other shapes: expires with the next reset() or the Pending.
  std::weak_ptr<const int> alive() const { return token_; }

 private:
  std::shared_ptr<int> token_ = std::make_shared<int>(0);
};

}  // namespace api
