// The platform functions client_core calls, for tests (no window, no network).
#include "tests/client/fake_platform.hpp"

namespace platform {

void http_get(const std::string& path, HttpCallback done) {
  fake_platform::requests.push_back({path, std::move(done)});
}
Window open_window(const char*) { return {}; }
std::string font_path(std::string_view file_name) { return "/usr/share/fonts/truetype/tlwg/" + std::string(file_name); }
void run(Loop) {}
void request_redraw() {}
void install_clipboard() {}
void publish_frame() {}

}  // namespace platform
