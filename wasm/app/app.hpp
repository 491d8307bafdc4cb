#pragma once
// The client's state and its UI, drawn as a function of that state each frame: the top
// bar, the banners, and the screen of the current hash route.
#include <optional>

#include "wasm/app/context.hpp"
#include "wasm/app/kiosk.hpp"
#include "wasm/app/onscreen_keyboard.hpp"
#include "wasm/app/notifications.hpp"
#include "wasm/app/screen.hpp"

namespace app {

class App {
 public:
  // `kiosk`: the operator's kiosk settings as parsed (a refusal is shown, and the client
  // runs as a normal one).
  App(fonts::Set fonts, const domain::Checked<domain::KioskConfig>& kiosk);

  void start();           // first requests: is the server there, in which mode, who is signed in
  void draw(double now);  // one frame of the whole UI, filling the window
  double wake_at() const;  // the next timer the shown screen needs, or never
  void input(double now);  // a person touched, clicked or typed (a kiosk's idle clock)
  // A press or release at `at` (ImGui units) that a kiosk's on-screen keyboard takes.
  bool keyboard_takes(ImVec2 at, bool down) { return kiosk_ && keyboard_.take(at, down); }
  bool keyboard_holds() const { return keyboard_.holding(); }
  bool may_quit() const { return !kiosk_ || kiosk_->quit_requested(); }  // a kiosk: only its operator

  void set_fonts(fonts::Set fonts) { context_.fonts = fonts; }
  float text_zoom() const { return context_.text_zoom; }
  bool in_kiosk() const { return kiosk_.has_value(); }

 private:
  void register_screens();
  void draw_top_bar();  // top_bar.cpp
  void draw_top_bar_wide();
  void draw_top_bar_narrow();
  void draw_language_switch();
  float language_switch_width() const;
  void draw_banners();
  void keep_field_above_keyboard();
  void draw_screen();
  void draw_message(const ui::Text& title, const ui::Text& help);

  Context context_;
  Notifications notifications_;
  Screens screens_;
  const Screens::Entry* shown_ = nullptr;
  std::string opened_;  // the route shown_ was opened with
  std::optional<KioskControls> kiosk_;
  std::optional<domain::FieldError> kiosk_error_;
  OnScreenKeyboard keyboard_;
  std::string saved_file_;  // the last download natively, offered to open
  bool menu_open_ = false;  // the phone's top-bar menu
  std::string menu_route_;  // the route it was opened on: leaving it closes the menu
};

}  // namespace app
