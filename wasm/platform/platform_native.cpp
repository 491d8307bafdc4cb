// The desktop platform (developers, kiosks): SDL2 + OpenGL 3.2 core, HTTP on a worker
// thread with Boost.Beast, the system clipboard through SDL.
#include <SDL.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <fstream>
#include <mutex>
#include <thread>

#include "wasm/app/clock.hpp"
#include "wasm/app/frame_pacer.hpp"
#include "wasm/platform/platform.hpp"
#include "wasm/widgets/test_hook.hpp"

namespace platform {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
using tcp = boost::asio::ip::tcp;

// SDL event that wakes the loop when a reply is ready (any event makes frames).
Uint32 wake_event = 0;

struct Server {
  std::string host = "127.0.0.1", port = "8080", base_path;
};

// SERVER_URL, e.g. http://127.0.0.1:8080 (http only: a kiosk talks to a local server
// or through a TLS-terminating proxy on the same machine).
Server server_from_env() {
  Server s;
  const char* env = std::getenv("SERVER_URL");
  std::string url = env && *env ? env : "http://127.0.0.1:8080";
  if (url.rfind("http://", 0) == 0) url = url.substr(7);
  size_t slash = url.find('/');
  std::string authority = url.substr(0, slash);
  if (slash != std::string::npos) s.base_path = url.substr(slash);
  while (!s.base_path.empty() && s.base_path.back() == '/') s.base_path.pop_back();
  size_t colon = authority.rfind(':');
  s.host = authority.substr(0, colon);
  if (colon != std::string::npos) s.port = authority.substr(colon + 1);
  else s.port = "80";
  return s;
}

HttpResponse blocking_get(const Server& server, const std::string& path) {
  try {
    boost::asio::io_context io;
    tcp::resolver resolver(io);
    beast::tcp_stream stream(io);
    stream.expires_after(std::chrono::seconds(5));
    stream.connect(resolver.resolve(server.host, server.port));
    http::request<http::empty_body> req{http::verb::get, server.base_path + path, 11};
    req.set(http::field::host, server.host);
    req.set(http::field::user_agent, "school-client");
    req.set(http::field::accept, "application/json");
    http::write(stream, req);
    beast::flat_buffer buffer;
    http::response<http::string_body> res;
    http::read(stream, buffer, res);
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
    return {int(res.result_int()), std::move(res.body())};
  } catch (const std::exception&) {
    return {};  // status 0: no answer
  }
}

// One worker thread does the requests in order; finished callbacks wait in `done` for
// the UI thread. Never destroyed: the process exit ends the worker.
struct HttpWorker {
  std::mutex mutex;
  std::condition_variable wake;
  std::deque<std::pair<std::string, HttpCallback>> jobs;
  std::deque<std::function<void()>> done;
  Server server = server_from_env();

  HttpWorker() {
    std::thread([this] {
      for (;;) {
        std::unique_lock lock(mutex);
        wake.wait(lock, [this] { return !jobs.empty(); });
        auto [path, callback] = std::move(jobs.front());
        jobs.pop_front();
        lock.unlock();
        HttpResponse response = blocking_get(server, path);
        lock.lock();
        done.push_back([callback = std::move(callback), response = std::move(response)] {
          callback(response);
        });
        lock.unlock();
        request_redraw();
      }
    }).detach();
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

}  // namespace

void http_get(const std::string& path, HttpCallback done) {
  auto& w = worker();
  {
    std::lock_guard lock(w.mutex);
    w.jobs.emplace_back(path, std::move(done));
  }
  w.wake.notify_one();
}

Window open_window(const char* title) {
  Window w;
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
    SDL_Log("SDL_Init: %s", SDL_GetError());
    return w;
  }
  wake_event = SDL_RegisterEvents(1);
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
  w.glsl_version = "#version 150";
  return w;
}

std::string font_path(std::string_view file_name) {
  // Debian's fonts-thai-tlwg; FONT_DIR overrides it for other systems.
  const char* dir = std::getenv("FONT_DIR");
  return std::string(dir && *dir ? dir : "/usr/share/fonts/truetype/tlwg") + "/" +
         std::string(file_name);
}

void run(Loop loop) {
  app::FramePacer pacer;
  for (;;) {
    SDL_Event e;
    int wait = pacer.wait_ms(app::now());
    bool got = wait < 0 ? SDL_WaitEvent(&e) : SDL_WaitEventTimeout(&e, wait);
    if (got) {
      do {
        if (!loop.on_event(e)) return;
      } while (SDL_PollEvent(&e));
      pacer.on_activity();
    }
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

void publish_frame() {
  static const char* path = std::getenv("SCHOOL_CLIENT_HOOK_FILE");
  if (!path || !*path) return;
  std::string tmp = std::string(path) + ".tmp";
  std::ofstream(tmp) << "{\"frames\":" << test_hook::frames_drawn()
                     << ",\"widgets\":" << test_hook::last_frame_json() << "}\n";
  std::rename(tmp.c_str(), path);  // readers never see half a file
}

}  // namespace platform
