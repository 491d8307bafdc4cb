// The desktop platform (developers, kiosks): SDL2 + OpenGL 3.2 core, HTTP(S) on a worker
// thread (native_http), downloads saved to a folder, zenity's file chooser or dropped files,
// the route from START_ROUTE or the command line, the system clipboard through SDL.
#include <SDL.h>

#include <algorithm>
#include <cctype>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>
#include <unistd.h>

#include "wasm/app/clock.hpp"
#include "wasm/app/frame_pacer.hpp"
#include "wasm/platform/image_codec.hpp"
#include "wasm/platform/key_frames.hpp"
#include "wasm/platform/native_file_dialog.hpp"
#include "wasm/platform/native_http.hpp"
#include "wasm/platform/native_print.hpp"
#include "wasm/platform/native_settings.hpp"
#include "wasm/platform/platform.hpp"
#include "wasm/widgets/test_hook.hpp"

namespace platform {
namespace {

// SDL event that wakes the loop when a reply is ready (any event makes frames).
Uint32 wake_event = 0;
// Ends a timed wait (wait_event); not activity: the pacer decides whether a timer is due.
Uint32 timer_event = 0;

// Where downloads go: DOWNLOAD_DIR, else ~/Downloads when it exists, else the working folder.
std::filesystem::path download_dir() {
  if (const char* d = std::getenv("DOWNLOAD_DIR"); d && *d) return d;
  if (const char* home = std::getenv("HOME"); home && *home) {
    std::filesystem::path p = std::filesystem::path(home) / "Downloads";
    if (std::filesystem::is_directory(p)) return p;
  }
  return std::filesystem::current_path();
}

std::vector<std::filesystem::path> saved_files;  // this process's downloads, for a kiosk's reset
std::function<void(const Printed&)> on_printed;  // set: a kiosk, downloads are printed

// Saves without overwriting: "letter.pdf", then "letter (1).pdf", ...
std::string save_download(const std::string& file_name, const std::string& bytes) {
  std::filesystem::path name = std::filesystem::path(file_name).filename();
  if (name.empty()) name = "download";
  std::filesystem::path dir = download_dir(), path = dir / name;
  for (int n = 1; std::filesystem::exists(path); ++n)
    path = dir / (name.stem().string() + " (" + std::to_string(n) + ")" + name.extension().string());
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), std::streamsize(bytes.size()));
  out.close();
  saved_files.push_back(path);
  return out ? path.string() : std::string();
}

// One worker thread does the requests in order; finished callbacks wait in `done` for
// the UI thread. Never destroyed: the process exit ends the worker.
struct HttpWorker {
  struct Job {
    HttpRequest request;
    std::function<void(HttpResponse)> finished;  // on the worker; queues the UI callback
    ProgressCallback progress;
  };
  std::mutex mutex;
  std::condition_variable wake;
  std::deque<Job> jobs;
  std::deque<std::function<void()>> done;
  native::Server server = native::server_from_env();

  void to_ui(std::function<void()> f) {
    {
      std::lock_guard lock(mutex);
      done.push_back(std::move(f));
    }
    request_redraw();
  }

  HttpWorker() {
    std::thread([this] {
      for (;;) {
        std::unique_lock lock(mutex);
        wake.wait(lock, [this] { return !jobs.empty(); });
        Job job = std::move(jobs.front());
        jobs.pop_front();
        lock.unlock();
        std::function<void(double, double)> progress;
        if (job.progress)
          progress = [this, p = job.progress](double sent, double total) {
            to_ui([p, sent, total] { p(sent, total); });
          };
        job.finished(native::blocking_request(server, job.request, progress));
      }
    }).detach();
  }

  void add(Job job) {
    {
      std::lock_guard lock(mutex);
      jobs.push_back(std::move(job));
    }
    wake.notify_one();
  }

  void run_finished() {
    std::deque<std::function<void()>> ready;
    {
      std::lock_guard lock(mutex);
      ready.swap(done);
    }
    for (auto& f : ready) f();
  }
};

HttpWorker& worker() {
  static HttpWorker* w = new HttpWorker;
  return *w;
}

std::string route = [] {
  const char* r = std::getenv("START_ROUTE");
  return std::string(r && *r ? r : "");
}();
std::string dropped_file;
SDL_Window* main_window = nullptr;  // the file dialog's parent
bool kiosk = false;                 // enter_kiosk() was called

}  // namespace

void http_send(HttpRequest request, HttpCallback done, ProgressCallback progress) {
  auto& w = worker();
  w.add({std::move(request),
         [&w, done = std::move(done)](HttpResponse r) {
           w.to_ui([done, r = std::move(r)] { done(r); });
         },
         std::move(progress)});
}

void http_download(HttpRequest request, std::string file_name, DownloadCallback done) {
  auto& w = worker();
  w.add({std::move(request),
         [&w, file_name = std::move(file_name), done = std::move(done), printing = bool(on_printed)](HttpResponse r) {
           std::string saved;
           std::optional<Printed> printed;
           if (r.status >= 200 && r.status < 300) {
             if (printing) printed = native::print_pdf(r.body, file_name);
             else saved = save_download(file_name, r.body);
             r.body.clear();
           }
           w.to_ui([done, r = std::move(r), saved, printed] {
             done(r, saved);
             if (printed && on_printed) on_printed(*printed);
           });
         },
         {}});
}

void print_downloads(std::function<void(const Printed&)> printed) { on_printed = std::move(printed); }

// Off the UI thread (a phone photo takes a while); the result waits with the replies.
void decode_image(std::string bytes, std::function<void(Image)> done) {
  auto& w = worker();
  std::thread([&w, bytes = std::move(bytes), done = std::move(done)]() mutable {
    auto image = std::make_shared<Image>(decode_image_now(bytes));
    w.to_ui([done = std::move(done), image] { done(std::move(*image)); });
  }).detach();
}

// Never in a kiosk: the public must not browse the kiosk's disk.
bool has_file_dialog() { return !kiosk && native::zenity_found(); }

void pick_file(const std::string& accept, std::function<void(PickedFile)> done, const std::string& title) {
  if (!has_file_dialog()) return;
  const std::string folder = download_dir().string();  // where the letter to sign went
  native::choose_file(native::zenity_arguments(accept, title, folder, native::x11_window(main_window)),
                      [](std::function<void()> f) { worker().to_ui(std::move(f)); }, std::move(done));
}

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in || std::filesystem::is_directory(path)) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string take_dropped_file() { return std::exchange(dropped_file, {}); }

std::string current_route() { return route; }

void navigate(const std::string& r) {
  route = r;
  request_redraw();
}

void open_page(const std::string& path) {
  const auto s = native::server_from_env();
  const std::string url = s.origin() + s.base_path + path;
  if (SDL_OpenURL(url.c_str()) != 0) std::fprintf(stderr, "open %s: %s\n", url.c_str(), SDL_GetError());
}

void leave_to(const std::string& path) { open_page(path); }

void open_file(const std::string& path) {
  // A file: URL, its path percent-encoded (spaces, Thai names).
  std::string url = "file://";
  static const char* hex = "0123456789ABCDEF";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') url += char(c);
    else url += {'%', hex[c >> 4], hex[c & 15]};
  }
  if (SDL_OpenURL(url.c_str()) != 0) std::fprintf(stderr, "open %s: %s\n", url.c_str(), SDL_GetError());
}

bool downloads_to_folder() { return true; }

Window open_window(const char* title) {
  Window w;
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS | SDL_INIT_TIMER) != 0) {
    SDL_Log("SDL_Init: %s", SDL_GetError());
    return w;
  }
  wake_event = SDL_RegisterEvents(2);
  timer_event = wake_event + 1;
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 2);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  w.sdl = SDL_CreateWindow(title, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1024, 720,
                           SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
  if (!w.sdl) {
    SDL_Log("SDL_CreateWindow: %s", SDL_GetError());
    return w;
  }
  w.gl_context = SDL_GL_CreateContext(w.sdl);
  if (!w.gl_context) {
    SDL_Log("SDL_GL_CreateContext: %s", SDL_GetError());
    SDL_DestroyWindow(w.sdl);
    w.sdl = nullptr;
    return w;
  }
  SDL_GL_MakeCurrent(w.sdl, w.gl_context);
  SDL_GL_SetSwapInterval(1);
  main_window = w.sdl;
  w.glsl_version = "#version 150";
  return w;
}

std::string font_path(std::string_view file_name) {
  // Debian's fonts-thai-tlwg; FONT_DIR overrides it for other systems.
  const char* dir = std::getenv("FONT_DIR");
  return std::string(dir && *dir ? dir : "/usr/share/fonts/truetype/tlwg") + "/" +
         std::string(file_name);
}

// Waits for an event, at most `ms` (-1: forever). SDL 2.26's SDL_WaitEventTimeout never
// returned under X11 once the client had drawn (it kept polling past its timeout), so a
// timer (a kiosk's countdown, a search's pause) pushes an event that ends the wait instead.
static bool wait_event(SDL_Event& event, int ms) {
  SDL_TimerID timer = 0;
  if (ms > 0)
    timer = SDL_AddTimer(Uint32(ms), [](Uint32, void*) -> Uint32 {
      SDL_Event e{};
      e.type = timer_event;
      SDL_PushEvent(&e);
      return 0;
    }, nullptr);
  const bool got = SDL_WaitEvent(&event) == 1;
  if (timer) SDL_RemoveTimer(timer);
  return got;
}

void run(Loop loop) {
  app::FramePacer pacer;
  KeyFrames keys;
  for (;;) {
    SDL_Event first;
    int wait = keys.holding() ? 0 : pacer.wait_ms(app::now());
    bool got = wait == 0 ? SDL_PollEvent(&first) == 1 : wait_event(first, wait);
    bool pending = got;
    auto batch = keys.take([&](SDL_Event& e) {
      if (pending) {
        pending = false;
        e = first;
        return true;
      }
      return SDL_PollEvent(&e) == 1;
    });
    std::erase_if(batch, [](const SDL_Event& e) { return e.type == timer_event; });
    bool quit = false;
    keys.feed(batch, [&](const SDL_Event& e) {
      if (e.type == SDL_DROPFILE) {  // for the file picker widget's path field
        dropped_file = e.drop.file;
        SDL_free(e.drop.file);
        return true;
      }
      quit = !loop.on_event(e);
      return !quit;
    });
    if (quit) return;
    if (!batch.empty()) pacer.on_activity();
    worker().run_finished();
    pacer.set_timer(loop.wake_at());
    if (pacer.take_frame(app::now())) {
      loop.draw();
      pacer.set_timer(loop.wake_at());
    }
  }
}

void request_redraw() {
  SDL_Event e{};
  e.type = wake_event;
  SDL_PushEvent(&e);  // thread-safe; wakes SDL_WaitEvent
}

void install_clipboard() {}  // ImGui's SDL backend already uses the SDL clipboard

domain::KioskSettings kiosk_settings(bool flag) {
  auto env = [](const char* name) {
    const char* v = std::getenv(name);
    return std::string(v ? v : "");
  };
  return {flag ? "1" : env("KIOSK"), env("KIOSK_IDLE_SECONDS"), env("KIOSK_WAYS"), env("KIOSK_OFFICE"),
          env("KIOSK_EXIT_PIN")};
}

void enter_kiosk(const Window& window) {
  kiosk = true;
  SDL_SetHint(SDL_HINT_GRAB_KEYBOARD, "1");
  SDL_SetWindowBordered(window.sdl, SDL_FALSE);
  // Many kiosks run X with no window manager, which would ignore the full-screen request:
  // the window is also placed over the whole screen by hand.
  SDL_DisplayMode desktop;
  if (SDL_GetDesktopDisplayMode(SDL_GetWindowDisplayIndex(window.sdl), &desktop) == 0) {
    SDL_SetWindowPosition(window.sdl, 0, 0);
    SDL_SetWindowSize(window.sdl, desktop.w, desktop.h);
  }
  SDL_SetWindowFullscreen(window.sdl, SDL_WINDOW_FULLSCREEN_DESKTOP);
  SDL_SetWindowKeyboardGrab(window.sdl, SDL_TRUE);
}

void restart_clean() {
  std::error_code ec;
  for (const auto& file : saved_files) std::filesystem::remove(file, ec);
  if (const auto file = native::settings_file(); !file.empty()) std::filesystem::remove(file, ec);
  SDL_Quit();
  char self[] = "school-client", kiosk[] = "--kiosk";
  char* args[] = {self, kiosk, nullptr};
  execv("/proc/self/exe", args);  // the environment (SERVER_URL, KIOSK_*) carries over
  std::perror("kiosk restart");
  std::_Exit(1);  // never go on with the last person's data in memory
}

void quit() {
  SDL_Event e{};
  e.type = SDL_QUIT;
  SDL_PushEvent(&e);
}

void publish_frame() {
  static const char* path = std::getenv("SCHOOL_CLIENT_HOOK_FILE");
  if (!path || !*path) return;
  std::string tmp = std::string(path) + ".tmp";
  std::ofstream(tmp) << "{\"frames\":" << test_hook::frames_drawn()
                     << ",\"widgets\":" << test_hook::last_frame_json() << "}\n";
  std::rename(tmp.c_str(), path);  // readers never see half a file
}

}  // namespace platform
