#pragma once
// What the client needs from where it runs. One implementation per target, chosen by the
// build: platform_web.cpp (Emscripten, browser) or platform_native.cpp (desktop, kiosk).
// The UI code above it has no #ifdefs. Screens do not call this for HTTP: they use
// wasm/api (JSON, CSRF, errors), which sits on http_send().
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "shared/kiosk/kiosk.hpp"

struct SDL_Window;
union SDL_Event;

namespace platform {

// --- Talking to the server ---------------------------------------------------------------
using Headers = std::vector<std::pair<std::string, std::string>>;  // names lower-case in replies

struct HttpRequest {
  std::string method = "GET";
  std::string path;  // "/api/v1/health": same origin on the web, SERVER_URL natively
  Headers headers;
  std::string body;
};
struct HttpResponse {
  int status = 0;  // 0: no answer (server down, network error)
  std::string body;
  Headers headers;
  std::string header(std::string_view lower_case_name) const;
  bool untrusted = false;  // HTTPS: no answer, because the server's certificate failed verification
};
using HttpCallback = std::function<void(const HttpResponse&)>;
using ProgressCallback = std::function<void(double sent, double total)>;  // bytes

// Sends a request. `done` runs later, on the UI thread, and a frame is drawn after it;
// `progress` (optional) reports the request body going out. Web: XMLHttpRequest, same
// origin, the browser's cookies. Native: SERVER_URL (default http://127.0.0.1:8080), one
// worker thread, its own cookie jar.
void http_send(HttpRequest request, HttpCallback done, ProgressCallback progress = {});
inline void http_get(const std::string& path, HttpCallback done) {
  HttpRequest request;
  request.path = path;
  http_send(std::move(request), std::move(done));
}

// Fetches a file and saves it for the user: web, a download by the browser (<a download>);
// native, a file in DOWNLOAD_DIR (default ~/Downloads, else the working folder). `done`
// gets the reply (its body only when the status is not 2xx, for the error) and where the
// file went (the file name on the web, the full path natively; empty when not saved).
using DownloadCallback = std::function<void(const HttpResponse&, const std::string& saved_as)>;
void http_download(HttpRequest request, std::string file_name, DownloadCallback done);

// A kiosk keeps no downloads: once this is called, natively, a downloaded PDF goes to the
// printer (CUPS `lp`, its default destination; LPDEST or PRINTER choose another) through a
// pipe, never a file, and anything else is refused; `done` of http_download gets an empty
// `saved_as` and `printed` (on the UI thread) says what became of it. Web: nothing (a
// browser kiosk's downloads are the browser's).
struct Printed {
  std::string file_name;
  std::string job;    // CUPS's request id ("kiosk-7"), when printed
  bool printable = true;  // false: not a PDF, refused
  std::string error;  // what lp said when it failed
};
void print_downloads(std::function<void(const Printed&)> printed);

// --- Files the user picks ------------------------------------------------------------------
struct PickedFile {
  std::string name;  // without folders
  std::string bytes;
};
// True when pick_file() opens a dialog: on the web, the browser's own file picker; natively,
// zenity's file chooser when zenity is installed, never in a kiosk (enter_kiosk(): the
// public must not browse its disk). Otherwise the file picker widget shows a path field and
// takes dropped files.
bool has_file_dialog();
// Opens the file dialog (`accept`: ".pdf,.jpg,image/jpeg"; `title`: natively, the dialog's
// title in the user's language); `done` runs later, on the UI thread, with the file, or not
// at all when the user cancels. Must follow a click (user activation). Natively one dialog
// is up at a time, and it opens in the downloads folder.
void pick_file(const std::string& accept, std::function<void(PickedFile)> done, const std::string& title = {});
// Natively: reads a file from disk (nullopt: cannot be read).
std::optional<std::string> read_file(const std::string& path);
// The path of a file dropped on the window since the last call (native), or empty.
std::string take_dropped_file();

// --- Images --------------------------------------------------------------------------------
// Pixels for a texture: 4 bytes per pixel (R, G, B, A, not premultiplied), rows top down.
struct Image {
  int width = 0, height = 0;
  std::string rgba;
  bool empty() const { return width <= 0 || height <= 0; }
};
// Larger images are scaled down to fit this (textures beyond it fail on some GPUs).
inline constexpr int max_image_side = 4096;
// Decodes JPEG or PNG bytes. `done` runs later, on the UI thread, with the image, or with an
// empty one when the bytes are no image this can read. Web: the browser's own decoder
// (createImageBitmap, EXIF orientation applied); native: libjpeg-turbo and libpng.
void decode_image(std::string bytes, std::function<void(Image)> done);

// A GPU texture (WebGL2 / OpenGL 3.2) holding `image`, for ImGui::Image; 0 when it cannot
// be made (no GL context). Free it with destroy_texture(). widgets::Texture owns one.
unsigned create_texture(const Image& image);
void destroy_texture(unsigned texture);

// --- Where the user is: the hash route -----------------------------------------------------
// "#/signin", "#/activate/<token>"... Web: location.hash (links in SMS open the right
// screen; the back button works; a change draws a frame). Native: START_ROUTE, or the
// first argument (`school-client '#/signin'`), then whatever navigate() set.
std::string current_route();
void navigate(const std::string& route);
// A page of the site beside the app ("/help/kpi.html"), for reading and printing: web, a new
// tab; native, the system's browser at SERVER_URL.
void open_page(const std::string& path);
// A page of the server that takes over and comes back to the app (an identity provider's
// sign-in): web, this tab goes there; native, the system's browser, where the proof ends
// in the web client.
void leave_to(const std::string& path);
// A file the client saved (a download), in the system's viewer for its kind: native, the
// desktop's opener (xdg-open); web, nothing (the browser shows its downloads itself).
void open_file(const std::string& path);
// Whether downloads land in a folder the user must then find (native), where the client
// offers to open them; false on the web.
bool downloads_to_folder();

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

// --- Settings kept across visits (the language, the text size) ---------------------------
// Web: this site's localStorage; native: settings.json in SCHOOL_CLIENT_SETTINGS_DIR, else
// SDL's preference folder. "" when never saved or not readable.
std::string load_setting(std::string_view key);
void save_setting(std::string_view key, std::string_view value);

// --- Kiosk ---------------------------------------------------------------------------------
// The operator's settings: natively KIOSK (or `flag`, from --kiosk), KIOSK_IDLE_SECONDS,
// KIOSK_WAYS, KIOSK_OFFICE, KIOSK_EXIT_PIN; in a browser ?kiosk=1&idle=&ways=&office=
// (no PIN: a browser kiosk is left the browser's way).
domain::KioskSettings kiosk_settings(bool flag);
// Natively: full screen without window chrome, the keyboard grabbed (no Alt+Tab to the
// desktop), no file dialog. Web: nothing (the browser's own kiosk mode does it).
void enter_kiosk(const Window& window);
// Forgets everything of the last person and starts again at home: natively the files it
// saved (DOWNLOAD_DIR, the settings file) are removed and the process replaces itself;
// in a browser the page's storage is cleared and it reloads.
void restart_clean();
// Ends the client (the operator's exit from a kiosk).
void quit();

// --- Test hook ---------------------------------------------------------------------------
// Publishes the frame just drawn (widgets, frame count) to the test harness: JavaScript
// (window.__app) on the web, the file in $SCHOOL_CLIENT_HOOK_FILE natively.
void publish_frame();

}  // namespace platform
