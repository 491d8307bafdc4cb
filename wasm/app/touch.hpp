#pragma once
// Fingers, the way phones work: ImGui 1.86 knows only a mouse, and SDL's own touch-to-mouse
// turns a swipe into a press and a drag (nothing scrolls; what the finger started on may be
// clicked). So the client takes the fingers itself (main.cpp turns SDL's touch-made mouse
// off and hands the SDL_FINGER* events here):
// - a tap (the finger moved less than `slop`) is a click where it landed;
// - a swipe scrolls the region under the finger (a child window, a table with ScrollY, a
//   multi-line field; what it cannot take goes to the region around it) and never presses
//   anything; lifted while moving, the region glides on and slows down (momentum);
// - a finger held still for `long_press` seconds presses there: then it drags like a mouse
//   (selects text, moves a slider) until lifted.
// Screens do nothing for this: it works on every window ImGui scrolls.
#include <imgui.h>

#include <cstdint>
#include <deque>

namespace app {

class Touch {
 public:
  static constexpr float slop = 10;             // px a tap may wander
  static constexpr double long_press = 0.5;     // s held still: a press
  static constexpr double glide_time = 0.35;    // s: momentum decays as exp(-t / glide_time)
  static constexpr float glide_stop = 20;       // px/s: below this the glide ends

  // Fingers, in ImGui's coordinates; `now` in seconds (app::now()). Only the first finger
  // down counts until it is lifted.
  void down(std::int64_t finger, ImVec2 at, double now);
  void move(std::int64_t finger, ImVec2 at, double now);
  void up(std::int64_t finger, ImVec2 at, double now);
  // A real mouse moved or clicked: it drives ImGui's pointer again.
  void mouse_used() { owns_pointer_ = false; }

  // Between the backend's NewFrame and ImGui::NewFrame: the pointer for this frame.
  void feed(ImGuiIO& io, double now);
  // After ImGui::NewFrame (the hovered window is known), before the windows are drawn:
  // scrolls by what the finger or the glide moved since the last frame.
  void scroll(double now);

  // When a frame is wanted without input: now while gliding, the long press while a
  // finger rests; infinity otherwise (the app goes idle).
  double wake_at() const;
  bool gliding() const { return state_ == State::gliding; }

 private:
  enum class State { idle, resting, swiping, pressing, gliding };
  struct Pointer {
    ImVec2 at;
    bool down;
  };
  struct Sample {
    ImVec2 at;
    double t;
  };

  ImVec2 velocity(double now) const;
  bool apply(ImVec2 delta);  // true when some window moved

  State state_ = State::idle;
  bool owns_pointer_ = false;
  std::int64_t finger_ = 0;
  ImVec2 start_, last_;
  double down_at_ = 0, glide_at_ = 0;
  int axis_ = 1;                  // 0: horizontal, 1: vertical (chosen when the swipe starts)
  ImGuiID target_ = 0;            // the innermost window under the finger when it landed
  bool want_target_ = false;      // set on the next frame, once ImGui knows what is hovered
  bool fed_start_ = false;        // this frame's pointer is where the finger landed
  bool stopped_glide_ = false;    // the finger landed on a glide: it stops it, it taps not
  ImVec2 pending_;                // finger movement not yet scrolled
  ImVec2 glide_;                  // px/s
  std::deque<Pointer> queued_;    // one per frame: a tap is a press then a release
  std::deque<Sample> samples_;    // the finger's last positions, for the glide's speed
};

}  // namespace app
