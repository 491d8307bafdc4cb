#include "wasm/widgets/image.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "shared/ui/strings_client.hpp"
#include "wasm/app/style.hpp"
#include "wasm/widgets/test_hook.hpp"
#include "wasm/widgets/widgets.hpp"

namespace widgets {

Texture::Texture(const platform::Image& image) : id_(platform::create_texture(image)) {
  if (id_) width_ = image.width, height_ = image.height;
}

Texture& Texture::operator=(Texture&& other) noexcept {
  if (this != &other) {
    reset();
    id_ = std::exchange(other.id_, 0u);
    width_ = std::exchange(other.width_, 0);
    height_ = std::exchange(other.height_, 0);
  }
  return *this;
}

void Texture::reset() {
  platform::destroy_texture(id_);
  id_ = 0;
  width_ = height_ = 0;
}

ImVec2 fit_size(int width, int height, float max_width, float max_height, bool enlarge) {
  if (width <= 0 || height <= 0) return {0, 0};
  float scale = enlarge ? 1e9f : 1.0f;
  if (max_width > 0) scale = std::min(scale, max_width / float(width));
  if (max_height > 0) scale = std::min(scale, max_height / float(height));
  if (scale >= 1e9f) scale = 1.0f;  // enlarge with no limit: as it is
  return {std::max(1.0f, float(width) * scale), std::max(1.0f, float(height) * scale)};
}

bool image(const char* id, const Texture& texture, float max_width, float max_height, bool enlarge) {
  if (max_width <= 0) max_width = ImGui::GetContentRegionAvail().x;
  const ImVec2 size = fit_size(texture.width(), texture.height(), max_width, max_height, enlarge);
  if (size.x <= 0) return false;
  const bool clicked = ImGui::InvisibleButton(id, size);
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddImage(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(texture.id())), min, max);
  draw->AddRect(min, max, ImGui::IsItemHovered() ? style::brand : ImGui::GetColorU32(ImGuiCol_Border));
  if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  test_hook::record_item(id, "image", "",
                         std::to_string(texture.width()) + "x" + std::to_string(texture.height()));
  return clicked;
}

void RemoteImage::load(api::Client& api, std::string path, std::string bearer) {
  clear();
  api_ = &api;
  path_ = std::move(path);
  bearer_ = std::move(bearer);
  loading_ = true;
  api.fetch_image(path_, [this, alive = pending_.alive()](const api::Reply& reply, platform::Image pixels) {
    if (!alive.lock()) return;  // cleared, reloaded or gone since
    loading_ = false;
    if (reply.error) {
      error_ = *reply.error;
      return;
    }
    texture_ = Texture(pixels);
    if (!texture_)
      error_ = domain::FieldError{"image_no_texture", "", std::string(ui::text::image_no_texture.th),
                                  std::string(ui::text::image_no_texture.en)};
  }, bearer_);
}

void RemoteImage::clear() {
  pending_.reset();
  texture_.reset();
  error_.reset();
  loading_ = zoomed_ = false;
}

bool RemoteImage::draw(const char* id, ui::Language language, float max_width, float max_height) {
  const std::string base(id);
  if (loading_) {
    text_colored(style::muted_text, ui::text::image_loading.in(language));
    test_hook::record_item(base + ".loading", "progress", std::string(ui::text::image_loading.in(language)));
    return false;
  }
  if (error_) {
    error_banner((base + ".error").c_str(), &*error_, language);
    if (api_ && button((base + ".retry").c_str(), ui::text::image_retry.in(language))) {
      load(*api_, path_, bearer_);
      return false;
    }
    ImGui::SameLine();
    return button((base + ".download").c_str(), ui::text::image_download.in(language));
  }
  if (!texture_) return false;
  bool open = image(id, texture_, max_width, max_height);
  open |= link((base + ".zoom").c_str(), ui::text::image_zoom.in(language));
  if (open && !zoomed_) zoomed_ = zoom_opening_ = true;
  if (zoomed_) draw_zoomed(base, language);
  return false;
}

// A window of its own over the whole viewport (the app's window never comes to the front),
// the image at its full width (a scan's handwriting becomes readable), scrolling down a
// tall page. A plain window, not a modal: it simply goes when no screen draws it.
void RemoteImage::draw_zoomed(const std::string& id, ui::Language language) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  if (std::exchange(zoom_opening_, false)) ImGui::SetNextWindowFocus();
  ImGui::Begin(("###" + id + ".zoomed.window").c_str(), nullptr,
               ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings);
  const bool close = button((id + ".close").c_str(), ui::text::image_close.in(language)) ||
                     ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
  image((id + ".zoomed").c_str(), texture_, ImGui::GetContentRegionAvail().x, 0, true);
  ImGui::End();
  if (close) zoomed_ = false;
}

}  // namespace widgets
