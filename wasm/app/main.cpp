// The client's entry point, the same for the browser and the desktop: the platform layer
// opens the window and runs the loop; everything drawn comes from App.
#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include <algorithm>
#include <cfloat>
#include <string>
#include <string_view>

#include "shared/kiosk/kiosk.hpp"
#include "shared/ui/strings.hpp"
#include "wasm/app/app.hpp"
#include "wasm/app/clock.hpp"
#include "wasm/app/fonts.hpp"
#include "wasm/app/style.hpp"
#include "wasm/app/touch.hpp"
#include "wasm/platform/platform.hpp"
#include "wasm/widgets/test_hook.hpp"

// The two GL calls made here exist in WebGL2 and desktop GL alike; declared by hand so
// this file needs neither GL header.
extern "C" void glClearColor(float r, float g, float b, float a);
extern "C" void glClear(unsigned int mask);

namespace {

float pixel_ratio(SDL_Window* window) {
  int w = 0, h = 0, pw = 0, ph = 0;
  SDL_GetWindowSize(window, &w, &h);
  SDL_GL_GetDrawableSize(window, &pw, &ph);
  return w > 0 && pw > 0 ? float(pw) / float(w) : 1.0f;
}

// Rasterises the fonts for the screen's pixel ratio (again after browser zoom or a move
// to another screen), so text stays sharp.
fonts::Set load_fonts(float ratio) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  io.FontDefault = nullptr;  // it pointed into the atlas just cleared
  const std::string path = platform::font_path("Loma.ttf");
  fonts::Set set = fonts::load(io, path, ratio);
  if (!set.body) {
    SDL_Log("Thai font not found at %s; Thai text will not show", path.c_str());
    io.FontGlobalScale = 1.0f;
    set.body = set.title = io.Fonts->AddFontDefault();
  }
  return set;
}

// The zoom that draws the chosen text size (and a kiosk's touch scale): never so large that
// the UI would have fewer than 320 px of width (a 360 px phone at 125 % still gets its whole
// layout).
float zoom_for(SDL_Window* window, const app::App& app) {
  int w = 0, h = 0;
  SDL_GetWindowSize(window, &w, &h);
  const float touch = app.in_kiosk() ? domain::kiosk_touch_scale(w, h) : 1.0f;
  return std::max(1.0f, std::min(app.text_zoom() * touch, float(w) / 320.0f));
}

// Draws everything `zoom` times larger, like a browser's zoom: ImGui sees a smaller screen
// and the pointer in its units; the framebuffer keeps its size.
void apply_zoom(ImGuiIO& io, float zoom) {
  if (zoom == 1.0f) return;
  io.DisplaySize = ImVec2(io.DisplaySize.x / zoom, io.DisplaySize.y / zoom);
  io.DisplayFramebufferScale = ImVec2(io.DisplayFramebufferScale.x * zoom, io.DisplayFramebufferScale.y * zoom);
  if (io.MousePos.x > -FLT_MAX) io.MousePos = ImVec2(io.MousePos.x / zoom, io.MousePos.y / zoom);
}

// Fingers on a touch screen go to app::Touch (swipes scroll, taps click); mouse events
// from a real mouse give it the pointer back. True when the event was a finger's.
bool take_touch(app::Touch& touch, const SDL_Event& e) {
  switch (e.type) {
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP: {
      if (SDL_GetTouchDeviceType(e.tfinger.touchId) != SDL_TOUCH_DEVICE_DIRECT) return true;  // touchpads
      const ImVec2 size = ImGui::GetIO().DisplaySize;
      const ImVec2 at(e.tfinger.x * size.x, e.tfinger.y * size.y);
      // When the finger moved, not when the loop got to it: a slow frame takes several
      // moves at once, and the glide's speed comes from their times.
      const double now = app::now() - double(SDL_GetTicks() - e.tfinger.timestamp) / 1000.0;
      if (e.type == SDL_FINGERDOWN) touch.down(e.tfinger.fingerId, at, now);
      else if (e.type == SDL_FINGERMOTION) touch.move(e.tfinger.fingerId, at, now);
      else touch.up(e.tfinger.fingerId, at, now);
      return true;
    }
    case SDL_MOUSEMOTION:
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEWHEEL:
      touch.mouse_used();
      return false;
    default:
      return false;
  }
}

// What a person does (not window or timer events): a kiosk's idle clock starts again.
bool is_input(const SDL_Event& e) {
  switch (e.type) {
    case SDL_KEYDOWN:
    case SDL_TEXTINPUT:
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEMOTION:
    case SDL_MOUSEWHEEL:
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
      return true;
    default:
      return false;
  }
}

// Presses on a kiosk's on-screen keyboard are its own, never ImGui's (app::OnScreenKeyboard).
bool to_keyboard(app::App& app, const SDL_Event& e, float zoom) {
  switch (e.type) {
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
      return e.button.button == SDL_BUTTON_LEFT &&
             app.keyboard_takes(ImVec2(float(e.button.x) / zoom, float(e.button.y) / zoom),
                                e.type == SDL_MOUSEBUTTONDOWN);
    case SDL_FINGERDOWN:
    case SDL_FINGERUP: {
      const ImVec2 size = ImGui::GetIO().DisplaySize;
      return app.keyboard_takes(ImVec2(e.tfinger.x * size.x, e.tfinger.y * size.y), e.type == SDL_FINGERDOWN);
    }
    default:
      return false;
  }
}

}  // namespace

int main(int argc, char** argv) {
  bool kiosk_flag = false;
  for (int i = 1; i < argc; ++i) {
    if (std::string_view(argv[i]) == "--kiosk") kiosk_flag = true;
    else platform::navigate(argv[i]);  // natively: a start route, "#/signin"
  }
  static const auto kiosk = domain::parse_kiosk(platform::kiosk_settings(kiosk_flag));
  if (!kiosk) SDL_Log("%s / %s", kiosk.error().message_en.c_str(), kiosk.error().message_th.c_str());
  // A kiosk refuses to quit from the screen, but its service manager's SIGTERM still ends it:
  // SDL would turn the signal into the quit event the kiosk ignores.
  if (kiosk && kiosk.value().enabled) SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
  SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");  // fingers go to app::Touch, not to a fake mouse
  const std::string title(ui::text::app_title.th);
  platform::Window window = platform::open_window(title.c_str());
  if (!window.sdl) return 1;
  if (kiosk && kiosk.value().enabled) platform::enter_kiosk(window);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;                // nothing worth persisting, no file writes
  io.ConfigInputTextCursorBlink = false;   // a blinking caret would need frames while idle
  style::apply();
  ImGui_ImplSDL2_InitForOpenGL(window.sdl, window.gl_context);
  ImGui_ImplOpenGL3_Init(window.glsl_version);
  platform::install_clipboard();

  static float font_ratio = pixel_ratio(window.sdl);  // the fonts' raster density: pixels x zoom
  static app::App app(load_fonts(font_ratio), kiosk);  // static: on the web the loop outlives main()
  static app::Touch touch;
  app.start();

  platform::run({
      .on_event =
          [sdl = window.sdl](const SDL_Event& e) {
            if (is_input(e)) app.input(app::now());
            if (to_keyboard(app, e, zoom_for(sdl, app))) return true;
            if (!take_touch(touch, e)) ImGui_ImplSDL2_ProcessEvent(&e);
            return e.type != SDL_QUIT || !app.may_quit();  // false: quit
          },
      .draw =
          [sdl = window.sdl] {
            const float zoom = zoom_for(sdl, app);
            if (float ratio = pixel_ratio(sdl) * zoom; ratio != font_ratio) {
              font_ratio = ratio;
              app.set_fonts(load_fonts(ratio));
              ImGui_ImplOpenGL3_DestroyFontsTexture();
              ImGui_ImplOpenGL3_CreateFontsTexture();
            }
            ImGui_ImplOpenGL3_NewFrame();
            ImGui_ImplSDL2_NewFrame();
            apply_zoom(ImGui::GetIO(), zoom);
            if (app.keyboard_holds()) ImGui::GetIO().MouseDown[0] = false;  // the press is the on-screen key's
            test_hook::set_scale(zoom);
            const double now = app::now();
            touch.feed(ImGui::GetIO(), now);
            ImGui::NewFrame();
            touch.scroll(now);
            test_hook::begin_frame();
            app.draw(now);
            ImGui::Render();
            glClearColor(0.97f, 0.97f, 0.98f, 1.0f);
            glClear(0x00004000);  // GL_COLOR_BUFFER_BIT
            ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
            SDL_GL_SwapWindow(sdl);
            test_hook::end_frame();
            platform::publish_frame();
          },
      .wake_at = [] { return std::min(app.wake_at(), touch.wake_at()); },
  });
  return 0;
}
