// The browser platform: SDL2 on a WebGL2 canvas, same-origin XMLHttpRequest (upload
// progress, downloads, the browser's cookies), the browser's file picker, location.hash,
// the system clipboard through the DOM, text from a hidden textarea, the test hook
// exported to JavaScript. The JavaScript half is platform_web.js (linked with --post-js).
#include <SDL.h>
#include <emscripten.h>
#include <imgui.h>

#include <cstring>
#include <map>

#include "wasm/app/clock.hpp"
#include "wasm/api/wire.hpp"
#include "wasm/app/frame_pacer.hpp"
#include "wasm/platform/key_frames.hpp"
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

bool sleeping = false;  // the main loop is paused (step found nothing to do)

// platform_web.js wakes the loop after `ms` (-1: only on an event).
EM_JS(void, js_sleep, (int ms), { Module.sleep(ms); });

EM_JS(void, js_mark, (const char* name), { performance.mark(UTF8ToString(name)); });

EM_JS(void, js_text_input, (int wanted, float x, float y, float w, float h), {
  Module.textInput && Module.textInput(!!wanted, x, y, w, h);
});

// Requests on their way, by id: what to call with the reply.
struct Call {
  HttpCallback done;
  ProgressCallback progress;
  DownloadCallback downloaded;
  std::string file_name;
};
std::map<int, Call> calls;
std::map<int, std::function<void(PickedFile)>> picks;
std::map<int, std::function<void(Image)>> decodes;
int next_id = 1;

// Headers as "name\nvalue\n..." for JavaScript.
std::string header_lines(const Headers& headers) {
  std::string out;
  for (const auto& [k, v] : headers) out += k + "\n" + v + "\n";
  return out;
}

EM_JS(void, js_http_send, (int id, const char* method, const char* path, const char* headers,
                           const char* body, int body_length, int with_progress,
                           const char* download_name), {
  Module.httpSend(id, UTF8ToString(method), UTF8ToString(path), UTF8ToString(headers),
                  body_length ? HEAPU8.slice(body, body + body_length) : null, !!with_progress,
                  download_name ? UTF8ToString(download_name) : null);
});

EM_JS(void, js_pick_file, (int id, const char* accept), {
  Module.pickFile(id, UTF8ToString(accept));
});

EM_JS(void, js_decode_image, (int id, const char* bytes, int length, int max_side), {
  Module.decodeImage(id, HEAPU8.slice(bytes, bytes + length), max_side);
});

EM_JS(int, js_route, (char* buffer, int size), {
  var hash = location.hash;
  stringToUTF8(hash, buffer, size);
  return lengthBytesUTF8(hash);
});

EM_JS(void, js_navigate, (const char* route), { location.hash = UTF8ToString(route); });

// Private browsing or a full store refuses: the choice then lasts for this visit only.
EM_JS(int, js_load_setting, (const char* key, char* buffer, int size), {
  var v = null;
  try { v = localStorage.getItem('school.' + UTF8ToString(key)); } catch (e) {}
  if (v === null || lengthBytesUTF8(v) >= size) return 0;
  stringToUTF8(v, buffer, size);
  return 1;
});
EM_JS(void, js_save_setting, (const char* key, const char* value), {
  try { localStorage.setItem('school.' + UTF8ToString(key), UTF8ToString(value)); } catch (e) {}
});

EM_JS(int, js_query, (const char* name, char* buffer, int size), {
  var v = new URLSearchParams(location.search).get(UTF8ToString(name)) || '';
  if (lengthBytesUTF8(v) >= size) return 0;
  stringToUTF8(v, buffer, size);
  return 1;
});
// A kiosk's reset: the page's storage goes, the page reloads at home (the session cookie
// went with the sign-out; the wasm memory with the reload).
EM_JS(void, js_restart_clean, (), {
  try { sessionStorage.clear(); localStorage.clear(); } catch (e) {}
  history.replaceState(null, '', location.pathname + location.search + '#/');
  location.reload();
});

EM_JS(void, js_open_page, (const char* path), { window.open(UTF8ToString(path), '_blank', 'noopener'); });
EM_JS(void, js_leave_to, (const char* path), { window.location.assign(UTF8ToString(path)); });

void send(HttpRequest request, Call call, const char* download_name) {
  const int id = next_id++;
  const bool with_progress = bool(call.progress);
  calls[id] = std::move(call);
  js_http_send(id, request.method.c_str(), request.path.c_str(), header_lines(request.headers).c_str(),
               request.body.data(), int(request.body.size()), with_progress, download_name);
}

// Keeps the hidden textarea focused, over the field being edited, while ImGui wants
// text: mobile keyboards, IMEs and dictation type into it, and the paste lands there.
void sync_text_input() {
  const test_hook::Widget* field = test_hook::active_text_field();
  js_text_input(ImGui::GetIO().WantTextInput, field ? field->x : 0, field ? field->y : 0, field ? field->w : 0,
                field ? field->h : 0);
}

struct WebLoop {
  Loop loop;
  app::FramePacer pacer;
  KeyFrames keys;
};

void wake() {
  if (!sleeping) return;
  sleeping = false;
  emscripten_resume_main_loop();  // the next animation frame runs `step`
}

void step(void* arg) {
  auto& web = *static_cast<WebLoop*>(arg);
  bool active = redraw_requested || web.keys.holding();
  redraw_requested = false;
  auto batch = web.keys.take([](SDL_Event& e) { return SDL_PollEvent(&e) == 1; });
  web.keys.feed(batch, [&](const SDL_Event& e) {
    web.loop.on_event(e);  // no quitting a web page from inside
    return true;
  });
  active |= !batch.empty();
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
  if (web.pacer.take_frame(app::now())) {
    const bool first = test_hook::frames_drawn() == 0;
    if (first) js_mark("app:frame-begin");  // bench/first-frame.mjs: where the start's time goes
    web.loop.draw();
    if (first) js_mark("app:frame-end");
    sync_text_input();
    web.pacer.set_timer(web.loop.wake_at());  // the frame may have started a timer
  }
  // Nothing to draw next frame: stop asking for animation frames (each one would wake the
  // wasm for nothing) until an input event, a reply or the next timer (platform_web.js).
  if (redraw_requested || web.keys.holding()) return;
  const int wait = web.pacer.wait_ms(app::now());
  if (wait == 0) return;
  sleeping = true;
  emscripten_pause_main_loop();
  js_sleep(wait);
}

}  // namespace

void http_send(HttpRequest request, HttpCallback done, ProgressCallback progress) {
  send(std::move(request), {std::move(done), std::move(progress), {}, {}}, nullptr);
}

void http_download(HttpRequest request, std::string file_name, DownloadCallback done) {
  std::string name = file_name;
  send(std::move(request), {{}, {}, std::move(done), std::move(file_name)}, name.c_str());
}

void print_downloads(std::function<void(const Printed&)>) {}  // a browser kiosk's downloads are the browser's

bool has_file_dialog() { return true; }

void pick_file(const std::string& accept, std::function<void(PickedFile)> done, const std::string&) {
  const int id = next_id++;
  picks[id] = std::move(done);
  js_pick_file(id, accept.c_str());
}

void decode_image(std::string bytes, std::function<void(Image)> done) {
  const int id = next_id++;
  decodes[id] = std::move(done);
  js_decode_image(id, bytes.data(), int(bytes.size()), max_image_side);
}

std::optional<std::string> read_file(const std::string&) { return std::nullopt; }
std::string take_dropped_file() { return {}; }

std::string current_route() {
  std::string route(256, '\0');
  int n = js_route(route.data(), int(route.size()));
  if (n >= int(route.size())) {
    route.resize(size_t(n) + 1);
    js_route(route.data(), int(route.size()));
  }
  route.resize(size_t(n));
  return route;
}

void open_page(const std::string& path) { js_open_page(path.c_str()); }
void leave_to(const std::string& path) { js_leave_to(path.c_str()); }
void open_file(const std::string&) {}
bool downloads_to_folder() { return false; }

void navigate(const std::string& route) {
  js_navigate(route.c_str());
  request_redraw();
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
  static WebLoop web{std::move(loop), {}, {}};
  // 0 fps: the browser's animation frames; `step` skips the frame when nothing happened.
  emscripten_set_main_loop_arg(step, &web, 0, true);
}

void request_redraw() {
  redraw_requested = true;
  wake();
}

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

std::string load_setting(std::string_view key) {
  char buffer[64];
  return js_load_setting(std::string(key).c_str(), buffer, sizeof buffer) ? std::string(buffer) : std::string();
}

void save_setting(std::string_view key, std::string_view value) {
  js_save_setting(std::string(key).c_str(), std::string(value).c_str());
}

domain::KioskSettings kiosk_settings(bool) {
  auto query = [](const char* name) {
    char buffer[256];
    return js_query(name, buffer, sizeof buffer) ? std::string(buffer) : std::string();
  };
  return {query("kiosk"), query("idle"), query("ways"), query("office"), {}};
}
void enter_kiosk(const Window&) {}
void restart_clean() { js_restart_clean(); }
void quit() {}

void publish_frame() {}  // JavaScript pulls: app_frames_drawn(), app_widgets_json()

}  // namespace platform

// The test hook and the text entry point, called from platform_web.js.
extern "C" {

EMSCRIPTEN_KEEPALIVE unsigned long app_frames_drawn() { return test_hook::frames_drawn(); }

EMSCRIPTEN_KEEPALIVE const char* app_widgets_json() {
  platform::widgets_json = test_hook::last_frame_json();
  return platform::widgets_json.c_str();
}

// A reply (platform_web.js, Module.httpSend): the body (or nothing for a download that
// was saved), the header block, and for downloads whether the browser saved the file.
EMSCRIPTEN_KEEPALIVE void app_http_done(int id, int status, const char* body, int body_length,
                                        const char* headers, int saved) {
  auto it = platform::calls.find(id);
  if (it == platform::calls.end()) return;
  platform::Call call = std::move(it->second);
  platform::calls.erase(it);
  platform::HttpResponse response{status, std::string(body, size_t(body_length)),
                                  api::parse_header_block(headers)};
  if (call.downloaded) call.downloaded(response, saved ? call.file_name : std::string());
  else if (call.done) call.done(response);
  platform::request_redraw();
}

EMSCRIPTEN_KEEPALIVE void app_http_progress(int id, double sent, double total) {
  auto it = platform::calls.find(id);
  if (it == platform::calls.end() || !it->second.progress) return;
  it->second.progress(sent, total);
  platform::request_redraw();
}

EMSCRIPTEN_KEEPALIVE void app_file_picked(int id, const char* name, const char* bytes, int length) {
  auto it = platform::picks.find(id);
  if (it == platform::picks.end()) return;
  auto done = std::move(it->second);
  platform::picks.erase(it);
  done({name, std::string(bytes, size_t(length))});
  platform::request_redraw();
}

// A decoded image (platform_web.js, Module.decodeImage); width 0 when it could not be read.
EMSCRIPTEN_KEEPALIVE void app_image_decoded(int id, int width, int height, const char* rgba, int length) {
  auto it = platform::decodes.find(id);
  if (it == platform::decodes.end()) return;
  auto done = std::move(it->second);
  platform::decodes.erase(it);
  platform::Image image;
  if (width > 0 && height > 0 && length == width * height * 4) {
    image.width = width;
    image.height = height;
    image.rgba.assign(rgba, size_t(length));
  }
  done(std::move(image));
  platform::request_redraw();
}

EMSCRIPTEN_KEEPALIVE void app_request_redraw() { platform::request_redraw(); }

// An input event or the sleep's timer (platform_web.js): `step` looks at what came.
EMSCRIPTEN_KEEPALIVE void app_wake() { platform::wake(); }

// Text that came without key events (paste, IME, dictation, mobile keyboards).
EMSCRIPTEN_KEEPALIVE void app_insert_text(const char* utf8) {
  platform::pending_text += utf8;
  platform::request_redraw();
}

}
