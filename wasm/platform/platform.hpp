#pragma once
// What the client needs from where it runs. One implementation per target, chosen by the
// build: platform_web.cpp (Emscripten, browser) or platform_native.cpp (desktop, kiosk).
// The UI code above it has no #ifdefs.
#include <functional>
#include <string>
#include <string_view>

struct SDL_Window;
union SDL_Event;

namespace platform {

// --- Talking to the server ---------------------------------------------------------------
struct HttpResponse {
  int status = 0;  // 0: no answer (server down, network error)
  std::string body;
};
using HttpCallback = std::function<void(const HttpResponse&)>;

// GETs an API path ("/api/v1/health"). `done` runs later, on the UI thread, and a frame
// is drawn after it. Web: same-origin fetch. Native: SERVER_URL (default
// http://127.0.0.1:8080), on a worker thread.
void http_get(const std::string& path, HttpCallback done);

// --- The window and its loop -------------------------------------------------------------
struct Window {
  SDL_Window* sdl = nullptr;
  void* gl_context = nullptr;
  const char* glsl_version = nullptr;  // "#version 300 es" (WebGL2) or "#version 150" (GL 3.2)
};
Window open_window(const char* title);

// Where the fonts the client ships with are.
std::string font_path(std::string_view file_name);

// The UI loop. `on_event` returns false to quit; `draw` draws one frame; `wake_at` is the
// clock time (seconds, app::now()) of the next timer the UI needs, or infinity.
struct Loop {
  std::function<bool(const SDL_Event&)> on_event;
  std::function<void()> draw;
  std::function<double()> wake_at;
};
// Draws only when something happens (input, a reply, a timer): an idle client costs
// nothing. Web: returns at once and keeps running from the browser's animation frames.
void run(Loop loop);

// Asks for a few frames soon, for changes that do not come from input events.
void request_redraw();

// --- Clipboard ---------------------------------------------------------------------------
// Connects ImGui's copy and paste to the system clipboard (call after the SDL backend).
void install_clipboard();

// --- Test hook ---------------------------------------------------------------------------
// Publishes the frame just drawn (widgets, frame count) to the test harness: JavaScript
// (window.__app) on the web, the file in $SCHOOL_CLIENT_HOOK_FILE natively.
void publish_frame();

}  // namespace platform
