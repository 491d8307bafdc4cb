// The browser platform: SDL2 on a WebGL2 canvas, same-origin fetch, the system clipboard
// through the DOM, text from a hidden textarea, the test hook exported to JavaScript.
// The JavaScript half is platform_web.js (linked with --post-js).
#include <SDL.h>
#include <emscripten.h>
#include <emscripten/fetch.h>
#include <imgui.h>

#include <cstring>

#include "wasm/app/clock.hpp"
#include "wasm/app/frame_pacer.hpp"
#include "wasm/platform/platform.hpp"
#include "wasm/widgets/test_hook.hpp"

namespace platform {
namespace {

bool redraw_requested = false;
std::string clipboard;    // what ImGui last copied (paste comes from DOM paste events)
std::string widgets_json;  // kept alive for app_widgets_json()
std::string pending_text;  // from app_insert_text(), for ImGui when it will take it

EM_JS(void, js_clipboard_write, (const char* text), {
  // Needs a recent user gesture: copying follows a key press or a click.
  if (navigator.clipboard && navigator.clipboard.writeText)
    navigator.clipboard.writeText(UTF8ToString(text)).catch(function() {});
});

EM_JS(void, js_text_input, (int wanted, float x, float y, float w, float h), {
  Module.textInput && Module.textInput(!!wanted, x, y, w, h);
});

void fetch_finished(emscripten_fetch_t* fetch) {
  auto* done = static_cast<HttpCallback*>(fetch->userData);
  HttpResponse response{int(fetch->status), std::string(fetch->data, size_t(fetch->numBytes))};
  emscripten_fetch_close(fetch);
  (*done)(response);
  delete done;
  request_redraw();
}

// Keeps the hidden textarea focused, over the field being edited, while ImGui wants
// text: mobile keyboards, IMEs and dictation type into it, and the paste lands there.
void sync_text_input() {
  float x = 0, y = 0, w = 0, h = 0;
  for (const auto& widget : test_hook::last_frame())
    if (widget.kind == "input" && widget.active) x = widget.x, y = widget.y, w = widget.w, h = widget.h;
  js_text_input(ImGui::GetIO().WantTextInput, x, y, w, h);
}

struct WebLoop {
  Loop loop;
  app::FramePacer pacer;
};

void step(void* arg) {
  auto& web = *static_cast<WebLoop*>(arg);
  SDL_Event e;
  bool active = redraw_requested;
  redraw_requested = false;
  while (SDL_PollEvent(&e)) {
    web.loop.on_event(e);  // no quitting a web page from inside
    active = true;
  }
  // ImGui drops typed characters while Ctrl is down (shortcuts), and a Ctrl+V paste
  // arrives while it is: hand the text over once Ctrl is up.
  ImGuiIO& io = ImGui::GetIO();
  if (!pending_text.empty() && !(io.KeyCtrl && !io.KeyAlt)) {
    io.AddInputCharactersUTF8(pending_text.c_str());
    pending_text.clear();
    active = true;
  }
  if (active) web.pacer.on_activity();
  web.pacer.set_timer(web.loop.wake_at());
  if (!web.pacer.take_frame(app::now())) return;  // idle: nothing happened, draw nothing
  web.loop.draw();
  sync_text_input();
}

}  // namespace

void http_get(const std::string& path, HttpCallback done) {
  emscripten_fetch_attr_t attr;
  emscripten_fetch_attr_init(&attr);
  std::strcpy(attr.requestMethod, "GET");
  attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY;
  static const char* headers[] = {"Accept", "application/json", nullptr};
  attr.requestHeaders = headers;
  attr.userData = new HttpCallback(std::move(done));
  attr.onsuccess = fetch_finished;
  attr.onerror = fetch_finished;  // HTTP errors and no answer (status 0) alike
  emscripten_fetch(&attr, path.c_str());  // relative: the site and the API share an origin
}

Window open_window(const char* title) {
  Window w;
  if (SDL_Init(SDL_INIT_VIDEO) != 0) return w;
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);  // WebGL2
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  // The page sizes the canvas with CSS; SDL follows it, and with ALLOW_HIGHDPI sets the
  // backing store to CSS size x devicePixelRatio.
  w.sdl = SDL_CreateWindow(title, SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, 1024, 720,
                           SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
  if (!w.sdl) return w;
  w.gl_context = SDL_GL_CreateContext(w.sdl);
  if (!w.gl_context) {
    SDL_DestroyWindow(w.sdl);
    w.sdl = nullptr;
    return w;
  }
  w.glsl_version = "#version 300 es";
  return w;
}

std::string font_path(std::string_view file_name) {
  return "/fonts/" + std::string(file_name);  // --preload-file <tlwg>@/fonts
}

void run(Loop loop) {
  static WebLoop web{std::move(loop), {}};
  // 0 fps: the browser's animation frames; `step` skips the frame when nothing happened.
  emscripten_set_main_loop_arg(step, &web, 0, true);
}

void request_redraw() { redraw_requested = true; }

void install_clipboard() {
  ImGuiIO& io = ImGui::GetIO();
  io.SetClipboardTextFn = [](void*, const char* text) {
    clipboard = text;
    js_clipboard_write(text);
  };
  // Ctrl+V never reaches ImGui (platform_web.js turns it into a DOM paste, inserted as
  // text), so this only serves ImGui's own copy-then-paste.
  io.GetClipboardTextFn = [](void*) { return clipboard.c_str(); };
}

void publish_frame() {}  // JavaScript pulls: app_frames_drawn(), app_widgets_json()

}  // namespace platform

// The test hook and the text entry point, called from platform_web.js.
extern "C" {

EMSCRIPTEN_KEEPALIVE unsigned long app_frames_drawn() { return test_hook::frames_drawn(); }

EMSCRIPTEN_KEEPALIVE const char* app_widgets_json() {
  platform::widgets_json = test_hook::last_frame_json();
  return platform::widgets_json.c_str();
}

// Text that came without key events (paste, IME, dictation, mobile keyboards).
EMSCRIPTEN_KEEPALIVE void app_insert_text(const char* utf8) {
  platform::pending_text += utf8;
  platform::request_redraw();
}

}
