#pragma once
// Images in the UI: a texture owned by the screen, a widget drawing it fitted to the space,
// and RemoteImage, an image from the server with its loading / failed / shown states and an
// enlarged view. Typical use (a screen member, loaded when a record is selected):
//
//   widgets::RemoteImage letter_;
//   letter_.load(ctx.api, "/api/v1/review/registrations/7/preview");   // on selection
//   if (letter_.draw("rev.letter", ctx.language, 480))                 // every frame
//     ctx.api.download(path, "letter.jpg", ...);                       // "download instead"
//   letter_.clear();                                                   // on leaving
#include <imgui.h>

#include <optional>
#include <string>

#include "shared/core/field_error.hpp"
#include "shared/ui/strings.hpp"
#include "wasm/api/client.hpp"
#include "wasm/platform/platform.hpp"

namespace widgets {

// An image on the GPU (platform::create_texture), freed when its owner lets go of it.
class Texture {
 public:
  Texture() = default;
  explicit Texture(const platform::Image& image);
  ~Texture() { reset(); }
  Texture(Texture&& other) noexcept { *this = std::move(other); }
  Texture& operator=(Texture&& other) noexcept;
  Texture(const Texture&) = delete;
  Texture& operator=(const Texture&) = delete;

  void reset();  // frees it now
  explicit operator bool() const { return id_ != 0; }
  unsigned id() const { return id_; }
  int width() const { return width_; }
  int height() const { return height_; }

 private:
  unsigned id_ = 0;
  int width_ = 0, height_ = 0;
};

// The size that fits `width` x `height` in `max_width` x `max_height` (0: no limit) keeping
// the aspect ratio; never larger than the image itself unless `enlarge`.
ImVec2 fit_size(int width, int height, float max_width, float max_height = 0, bool enlarge = false);

// Draws `texture` fitted to `max_width` (0: the width left) and `max_height` (0: no limit),
// with a thin border. Test hook: kind "image", value "<w>x<h>" (the image's own pixels),
// the rectangle as drawn. True when clicked.
bool image(const char* id, const Texture& texture, float max_width = 0, float max_height = 0,
           bool enlarge = false);

// An image fetched from the server (api::Client::fetch_image) and drawn by draw():
//  - loading: "<id>.loading" (kind "progress", the words "Loading the image…");
//  - failed: the error "<id>.error" (the server's, or network, or not an image; Thai and
//    English), a "<id>.retry" button and a "<id>.download" button (draw() returns true:
//    the screen downloads the file instead);
//  - shown: image("<id>") fitted to max_width, and "<id>.zoom"; a click on either opens it
//    over the whole window at its full width ("<id>.zoomed", closed by "<id>.close" or Esc).
// The texture is freed by clear(), by the next load(), and with the RemoteImage.
class RemoteImage {
 public:
  RemoteImage() = default;
  RemoteImage(const RemoteImage&) = delete;  // replies find it by address
  RemoteImage& operator=(const RemoteImage&) = delete;

  void load(api::Client& api, std::string path, std::string bearer = {});
  void clear();

  bool loading() const { return loading_; }
  bool shown() const { return bool(texture_); }
  const domain::FieldError* error() const { return error_ ? &*error_ : nullptr; }
  const std::string& path() const { return path_; }
  const Texture& texture() const { return texture_; }

  // Draws the state; true when the user asked to download the file instead.
  bool draw(const char* id, ui::Language language, float max_width = 0, float max_height = 0);

 private:
  void draw_zoomed(const std::string& id, ui::Language language);

  api::Client* api_ = nullptr;
  std::string path_, bearer_;
  api::Pending pending_;
  Texture texture_;
  std::optional<domain::FieldError> error_;
  bool loading_ = false;
  bool zoomed_ = false;
  bool zoom_opening_ = false;
};

}  // namespace widgets
