#pragma once
// The client's state and its UI, drawn as a function of that state each frame.
#include "shared/ui/strings.hpp"
#include "wasm/app/fonts.hpp"
#include "wasm/app/server_status.hpp"
#include "wasm/screens/home/home_screen.hpp"

namespace app {

// What every screen draws with.
struct Context {
  ui::Language language = ui::Language::th;
  fonts::Set fonts;
  double now = 0;
  std::string_view tr(const ui::Text& t) const { return t.in(language); }
};

class App {
 public:
  explicit App(fonts::Set fonts) { context_.fonts = fonts; }

  void start();           // first requests: is the server there, in which mode
  void draw(double now);  // one frame of the whole UI, filling the window
  double wake_at() const;  // the next timer a screen needs (search debounce), or never

  ui::Language language() const { return context_.language; }
  void set_fonts(fonts::Set fonts) { context_.fonts = fonts; }

 private:
  void draw_top_bar();
  void draw_banners();

  Context context_;
  ServerStatus server_;
  home::HomeScreen home_{server_};
};

}  // namespace app
