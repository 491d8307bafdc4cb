// Idle costs nothing: frames only after activity or when a timer falls due.
#include <catch2/catch.hpp>

#include "wasm/app/frame_pacer.hpp"

TEST_CASE("frames are drawn after activity and timers, never when idle", "[pacer]") {
  app::FramePacer pacer;
  int drawn = 0;
  auto run = [&](double now) { while (pacer.take_frame(now)) ++drawn; };

  run(0);
  CHECK(drawn == app::FramePacer::frames_after_activity);  // the first frames at start
  CHECK(pacer.wait_ms(0) == -1);                           // then sleep until an event
  run(100);
  CHECK(drawn == app::FramePacer::frames_after_activity);

  // A click: enough frames for ImGui to see the press and then the release.
  pacer.on_activity();
  run(101);
  CHECK(drawn == 2 * app::FramePacer::frames_after_activity);
  CHECK(app::FramePacer::frames_after_activity >= 2);

  // A debounce timer 300 ms ahead: sleep until then, then draw.
  pacer.set_timer(101.3);
  CHECK(pacer.wait_ms(101.0) == 300);
  CHECK_FALSE(pacer.take_frame(101.2));
  CHECK(pacer.take_frame(101.3));
  CHECK(pacer.wait_ms(101.3) == 0);  // the rest of that burst
}
