#include "wasm/api/client.hpp"

#include <memory>

#include "shared/ui/strings_client.hpp"

namespace api {

platform::Headers Client::headers_for(std::string_view method, const std::string& bearer) const {
  platform::Headers h{{"Accept", "application/json"}};
  if (method != "GET" && method != "HEAD" && !csrf_.empty()) h.emplace_back("X-CSRF-Token", csrf_);
  if (!bearer.empty()) h.emplace_back("Authorization", "Bearer " + bearer);
  return h;
}

platform::HttpCallback Client::finish(Done done) {
  return [this, done = std::move(done)](const platform::HttpResponse& r) {
    Reply reply = decode_reply(r);
    if (observer) observer(reply);
    if (done) done(reply);
  };
}

void Client::send(Request request, Done done) {
  platform::HttpRequest http{request.method, std::move(request.path),
                             headers_for(request.method, request.bearer), {}};
  if (request.json) {
    http.headers.emplace_back("Content-Type", "application/json");
    http.body = request.json->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  platform::http_send(std::move(http), finish(std::move(done)));
}

void Client::upload(std::string path, std::vector<FormPart> parts, Done done,
                    platform::ProgressCallback progress, std::string bearer) {
  for (auto& p : parts)
    if (!p.file_name.empty() && p.content_type.empty()) p.content_type = content_type_for(p.file_name);
  const std::string boundary = pick_boundary(parts);
  platform::HttpRequest http{"POST", std::move(path), headers_for("POST", bearer),
                             encode_multipart(parts, boundary)};
  http.headers.emplace_back("Content-Type", "multipart/form-data; boundary=" + boundary);
  platform::http_send(std::move(http), finish(std::move(done)), std::move(progress));
}

void Client::download(std::string path, std::string file_name,
                      std::function<void(const Reply&, const std::string&)> done,
                      std::string bearer) {
  platform::HttpRequest http{"GET", std::move(path), headers_for("GET", bearer), {}};
  http.headers[0].second = "*/*";
  platform::http_download(std::move(http), std::move(file_name),
                          [this, done = std::move(done)](const platform::HttpResponse& r,
                                                         const std::string& saved_as) {
                            Reply reply = decode_reply(r);
                            if (observer) observer(reply);
                            if (saved && !saved_as.empty()) saved(saved_as);
                            if (done) done(reply, saved_as);
                          });
}

void Client::fetch_image(std::string path, std::function<void(const Reply&, platform::Image)> done,
                         std::string bearer) {
  platform::HttpRequest http{"GET", std::move(path), headers_for("GET", bearer), {}};
  http.headers[0].second = "image/jpeg, image/png, */*";
  platform::http_send(std::move(http), [this, done = std::move(done)](const platform::HttpResponse& r) {
    if (r.status < 200 || r.status >= 300) {
      Reply reply = decode_reply(r);
      if (observer) observer(reply);
      if (done) done(reply, {});
      return;
    }
    // The body is the image, not JSON: not parsed, handed to the decoder.
    auto reply = std::make_shared<Reply>();
    reply->status = r.status;
    if (observer) observer(*reply);
    platform::decode_image(r.body, [reply, done](platform::Image image) {
      if (image.empty()) {
        reply->error = domain::FieldError{"image_unreadable", "", std::string(ui::text::image_unreadable.th),
                                          std::string(ui::text::image_unreadable.en)};
      }
      if (done) done(*reply, std::move(image));
    });
  });
}

}  // namespace api
