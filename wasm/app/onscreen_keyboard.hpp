#pragma once
// A kiosk's on-screen keyboard (layouts in shared/kiosk/keyboard): over the bottom of the
// screen while a text field is edited, in the layout the field needs. Its keys are drawn,
// not ImGui items, and presses on it never reach ImGui (main.cpp asks take() first): a
// click anywhere else would end the editing of the field.
#include <imgui.h>

#include <string>
#include <vector>

#include "shared/kiosk/keyboard.hpp"

namespace app {

struct Context;

class OnScreenKeyboard {
 public:
  void draw(Context& ctx);  // each frame, last
  float height() const { return shown_ ? panel_max_.y - panel_min_.y : 0; }
  // A press (`down`) or release at `at` (ImGui units): true when it was the keyboard's.
  bool take(ImVec2 at, bool down);
  // A finger or the mouse button is down on a key: ImGui must not see that button (its SDL
  // backend reads the button's state itself each frame).
  bool holding() const { return pressed_ >= 0; }

 private:
  struct Placed {
    domain::Key key;
    ImVec2 min, max;
  };
  void act(const domain::Key& key);

  std::vector<Placed> placed_;
  ImVec2 panel_min_, panel_max_;
  bool shown_ = false;
  bool shifted_ = false;
  domain::KeyboardLayout layout_ = domain::KeyboardLayout::thai;
  std::string field_;  // the widget it opened for
  int pressed_ = -1;   // the key under a finger
  int release_key_ = -1;  // a key (ImGui's KeysDown index) to let go of in the next frame
};

}  // namespace app
