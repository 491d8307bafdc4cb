// The client's entry point, the same for the browser and the desktop: the platform layer
// opens the window and runs the loop; everything drawn comes from App.
#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include <string>

#include "shared/ui/strings.hpp"
#include "wasm/app/app.hpp"
#include "wasm/app/clock.hpp"
#include "wasm/app/fonts.hpp"
#include "wasm/app/style.hpp"
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

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1) platform::navigate(argv[1]);  // natively: a start route, "#/signin"
  const std::string title(ui::text::app_title.th);
  platform::Window window = platform::open_window(title.c_str());
  if (!window.sdl) return 1;

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;                // nothing worth persisting, no file writes
  io.ConfigInputTextCursorBlink = false;   // a blinking caret would need frames while idle
  style::apply();
  ImGui_ImplSDL2_InitForOpenGL(window.sdl, window.gl_context);
  ImGui_ImplOpenGL3_Init(window.glsl_version);
  platform::install_clipboard();

  static float font_ratio = pixel_ratio(window.sdl);
  static app::App app(load_fonts(font_ratio));  // static: on the web the loop outlives main()
  app.start();

  platform::run({
      .on_event =
          [](const SDL_Event& e) {
            ImGui_ImplSDL2_ProcessEvent(&e);
            return e.type != SDL_QUIT;
          },
      .draw =
          [sdl = window.sdl] {
            if (float ratio = pixel_ratio(sdl); ratio != font_ratio) {
              font_ratio = ratio;
              app.set_fonts(load_fonts(ratio));
              ImGui_ImplOpenGL3_DestroyFontsTexture();
              ImGui_ImplOpenGL3_CreateFontsTexture();
            }
            ImGui_ImplOpenGL3_NewFrame();
            ImGui_ImplSDL2_NewFrame();
            ImGui::NewFrame();
            test_hook::begin_frame();
            app.draw(app::now());
            ImGui::Render();
            glClearColor(0.97f, 0.97f, 0.98f, 1.0f);
            glClear(0x00004000);  // GL_COLOR_BUFFER_BIT
            ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
            SDL_GL_SwapWindow(sdl);
            test_hook::end_frame();
            platform::publish_frame();
          },
      .wake_at = [] { return app.wake_at(); },
  });
  return 0;
}
