// Fingers (app::Touch) on a real ImGui frame: a tap clicks, a swipe scrolls the region
// under the finger and clicks nothing, a fast swipe glides on and stops by itself, a
// finger held still presses.
#include <imgui.h>
#include <imgui_internal.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <string>

#include "wasm/app/fonts.hpp"
#include "wasm/app/touch.hpp"

namespace {

// A 400x600 window with a list of 40 buttons in a 300 px high child (scrollable).
struct Screen {
  app::Touch touch;
  double t = 1000;
  int clicked = -1, clicks = 0;

  Screen() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(400, 600);
    fonts::Set set = fonts::load(io, CLIENT_FONT, 1.0f);
    REQUIRE(set.body);
    unsigned char* pixels;
    int w, h;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    for (int i = 0; i < 3; ++i) frame();
  }
  ~Screen() { ImGui::DestroyContext(); }

  void frame(double dt = 1.0 / 60) {
    t += dt;
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = float(dt);
    touch.feed(io, t);
    ImGui::NewFrame();
    touch.scroll(t);
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("screen", nullptr, ImGuiWindowFlags_NoDecoration);
    ImGui::BeginChild("list", ImVec2(0, 300));
    for (int i = 0; i < 40; ++i)
      if (ImGui::Button(("row " + std::to_string(i)).c_str(), ImVec2(-1, 40))) clicked = i, ++clicks;
    ImGui::EndChild();
    ImGui::End();
    ImGui::Render();
  }
  static ImGuiWindow* list() {
    for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
      if (w->Flags & ImGuiWindowFlags_ChildWindow) return w;
    return nullptr;
  }
  // The finger moves in `steps` events, `step_dt` apart; rests `pause` s before it is lifted.
  void swipe(ImVec2 from, ImVec2 to, int steps, double step_dt = 1.0 / 60, double pause = 0) {
    touch.down(1, from, t);
    frame();
    for (int i = 1; i <= steps; ++i) {
      const float f = float(i) / float(steps);
      touch.move(1, ImVec2(from.x + (to.x - from.x) * f, from.y + (to.y - from.y) * f), t + step_dt);
      frame(step_dt);
    }
    if (pause > 0) frame(pause);
    touch.up(1, to, t);
    frame();
  }
};

}  // namespace

TEST_CASE("a tap clicks what it lands on, once", "[touch]") {
  Screen s;
  s.touch.down(7, ImVec2(100, 30), s.t);
  s.touch.up(7, ImVec2(103, 32), s.t + 0.08);  // a little wander is still a tap
  for (int i = 0; i < 4; ++i) s.frame();
  CHECK(s.clicks == 1);
  CHECK(s.clicked == 0);
  CHECK(Screen::list()->Scroll.y == 0);
  CHECK(std::isinf(s.touch.wake_at()));  // idle again
}

TEST_CASE("a swipe scrolls the region under the finger and clicks nothing", "[touch]") {
  Screen s;
  // The finger rests before it is lifted: no glide.
  s.swipe(ImVec2(100, 250), ImVec2(100, 130), 12, 0.05, 0.3);
  for (int i = 0; i < 3; ++i) s.frame(0.2);
  CHECK(s.clicks == 0);
  CHECK(Screen::list()->Scroll.y == Approx(120).margin(1));
  CHECK(std::isinf(s.touch.wake_at()));

  // Back down past the top: it stops at 0.
  s.swipe(ImVec2(100, 40), ImVec2(100, 290), 10, 0.05);
  for (int i = 0; i < 30; ++i) s.frame();
  CHECK(Screen::list()->Scroll.y == 0);
  CHECK(s.clicks == 0);
}

TEST_CASE("a fast swipe glides on, slows down and stops by itself", "[touch]") {
  Screen s;
  s.swipe(ImVec2(100, 280), ImVec2(100, 180), 4);  // 100 px in 4 frames: about 1500 px/s
  const float lifted = Screen::list()->Scroll.y;
  CHECK(lifted >= 100);
  REQUIRE(s.touch.gliding());
  CHECK(s.touch.wake_at() <= s.t);  // frames wanted while it moves
  float last_step = 1e9f, before = lifted;
  int frames = 0;
  while (s.touch.gliding() && frames < 600) {
    s.frame();
    const float step = Screen::list()->Scroll.y - before;
    CHECK(step <= last_step + 0.01f);  // never speeds up
    last_step = step, before = Screen::list()->Scroll.y;
    ++frames;
  }
  CHECK(frames < 300);  // it ends (the app goes idle again)
  CHECK(Screen::list()->Scroll.y > lifted + 50);
  CHECK(std::isinf(s.touch.wake_at()));
  CHECK(s.clicks == 0);

  // A finger landing on a glide stops it and clicks nothing.
  s.swipe(ImVec2(100, 280), ImVec2(100, 180), 4);
  REQUIRE(s.touch.gliding());
  s.touch.down(2, ImVec2(100, 100), s.t);
  s.frame();
  s.touch.up(2, ImVec2(100, 100), s.t + 0.05);
  const float stopped = Screen::list()->Scroll.y;
  for (int i = 0; i < 5; ++i) s.frame();
  CHECK(Screen::list()->Scroll.y == stopped);
  CHECK(s.clicks == 0);
}

TEST_CASE("a finger held still presses, and lifted releases", "[touch]") {
  Screen s;
  s.touch.down(3, ImVec2(100, 30), s.t);
  s.frame();
  CHECK_FALSE(ImGui::GetIO().MouseDown[0]);
  CHECK(s.touch.wake_at() == Approx(s.t - 1.0 / 60 + app::Touch::long_press));
  s.frame(app::Touch::long_press);
  CHECK(ImGui::GetIO().MouseDown[0]);
  s.touch.up(3, ImVec2(100, 30), s.t);
  s.frame();
  CHECK_FALSE(ImGui::GetIO().MouseDown[0]);
  CHECK(s.clicks == 1);
}
