#pragma once
// The client's state and its UI, drawn as a function of that state each frame.
#include "wasm/app/context.hpp"
#include "wasm/app/server_status.hpp"
#include "wasm/screens/home/home_screen.hpp"

namespace app {

class App {
 public:
  explicit App(fonts::Set fonts) { context_.fonts = fonts; }

  void start();           // first requests: is the server there, in which mode
  void draw(double now);  // one frame of the whole UI, filling the window
  double wake_at() const;  // the next timer a screen needs (search debounce), or never

  void set_fonts(fonts::Set fonts) { context_.fonts = fonts; }

 private:
  void draw_top_bar();
  void draw_banners();

  Context context_;
  ServerStatus server_;
  home::HomeScreen home_{server_};
};

}  // namespace app
