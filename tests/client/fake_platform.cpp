// The platform functions client_core calls, for tests (no window, no network).
#include "tests/client/fake_platform.hpp"

namespace platform {

void http_send(HttpRequest request, HttpCallback done, ProgressCallback progress) {
  std::string path = request.path;
  fake_platform::requests.push_back({path, std::move(done), std::move(request), std::move(progress)});
}
void http_download(HttpRequest request, std::string file_name, DownloadCallback done) {
  std::string path = request.path;
  fake_platform::requests.push_back(
      {path, [done, file_name](const HttpResponse& r) { done(r, r.status == 200 ? file_name : ""); },
       std::move(request), {}});
}
void print_downloads(std::function<void(const Printed&)>) {}
void decode_image(std::string bytes, std::function<void(Image)> done) {
  fake_platform::decodes.push_back({std::move(bytes), std::move(done)});
}
unsigned create_texture(const Image& image) {
  if (image.empty()) return 0;
  fake_platform::textures.insert(++fake_platform::last_texture);
  return fake_platform::last_texture;
}
void destroy_texture(unsigned texture) { fake_platform::textures.erase(texture); }
bool has_file_dialog() { return false; }
void pick_file(const std::string&, std::function<void(PickedFile)>, const std::string&) {}
std::optional<std::string> read_file(const std::string&) { return std::nullopt; }
std::string take_dropped_file() { return {}; }
std::string current_route() { return fake_platform::route; }
void navigate(const std::string& route) { fake_platform::route = route; }
void open_page(const std::string& path) { fake_platform::opened_pages.push_back(path); }
void leave_to(const std::string& path) { fake_platform::opened_pages.push_back(path); }
void open_file(const std::string& path) { fake_platform::opened_pages.push_back("file:" + path); }
bool downloads_to_folder() { return true; }
Window open_window(const char*) { return {}; }
std::string font_path(std::string_view file_name) { return "/usr/share/fonts/truetype/tlwg/" + std::string(file_name); }
void run(Loop) {}
void request_redraw() {}
void install_clipboard() {}
domain::KioskSettings kiosk_settings(bool) { return {}; }
void enter_kiosk(const Window&) {}
void restart_clean() {}
void quit() {}
void publish_frame() {}

}  // namespace platform
