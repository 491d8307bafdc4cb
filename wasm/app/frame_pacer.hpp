#pragma once
// Decides when to draw. ImGui has no power-save mode: left alone it redraws 60 times a
// second, and a browser tab left open all day must cost nothing. So: draw a few frames
// after any activity (an input event, a server reply), when a timer falls due, and
// never otherwise. A few frames, not one: ImGui 1.86 has no input queue, so a quick
// click needs a frame for the press and another for the release, and layout settles
// in the frame after a change.
#include <algorithm>
#include <cmath>
#include <limits>

namespace app {

class FramePacer {
 public:
  static constexpr int frames_after_activity = 3;
  static constexpr double never = std::numeric_limits<double>::infinity();

  void on_activity() { frames_left_ = frames_after_activity; }
  // The earliest clock time the UI wants a frame at (never: no timer).
  void set_timer(double at) { timer_ = at; }

  // True when a frame should be drawn now; counts it.
  bool take_frame(double now) {
    if (now >= timer_) {
      timer_ = never;
      on_activity();
    }
    if (frames_left_ == 0) return false;
    --frames_left_;
    return true;
  }

  // How long a native loop may sleep waiting for events: -1 forever, 0 not at all.
  int wait_ms(double now) const {
    if (frames_left_ > 0) return 0;
    if (timer_ == never) return -1;
    return int(std::clamp(std::ceil((timer_ - now) * 1000.0), 0.0, 60000.0));
  }

 private:
  int frames_left_ = frames_after_activity;  // draw the first frames at start
  double timer_ = never;
};

}  // namespace app
