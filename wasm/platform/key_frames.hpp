#pragma once
// ImGui 1.86 reads keys as up/down state once per frame (no input queue), so a key
// pressed and released between two frames (a quick tap on a slow device, a test's key
// press) would never be seen. The event loops feed each frame's events through this: a
// second change of one key in a frame (its release after its press, a press after a
// release), and every event after it, wait for the next frame, in order.
#include <SDL.h>

#include <algorithm>
#include <utility>
#include <vector>

namespace platform {

class KeyFrames {
 public:
  // The events of a new frame: those held back from the last one, then `more()`'s.
  template <class Poll>
  std::vector<SDL_Event> take(Poll more) {
    std::vector<SDL_Event> batch = std::exchange(held_, {});
    SDL_Event e;
    while (more(e)) batch.push_back(e);
    return batch;
  }
  // Calls `handle` on the events of this frame; keeps the rest for the next frame.
  template <class Handle>
  void feed(const std::vector<SDL_Event>& batch, Handle handle) {
    std::vector<SDL_Scancode> seen;  // keys pressed or released in this frame
    for (size_t i = 0; i < batch.size(); ++i) {
      const SDL_Event& e = batch[i];
      const bool key = e.type == SDL_KEYDOWN || e.type == SDL_KEYUP;
      if (key && !e.key.repeat) {
        if (std::find(seen.begin(), seen.end(), e.key.keysym.scancode) != seen.end()) {
          held_.assign(batch.begin() + long(i), batch.end());
          return;
        }
        seen.push_back(e.key.keysym.scancode);
      }
      if (!handle(e)) return;
    }
  }
  bool holding() const { return !held_.empty(); }

 private:
  std::vector<SDL_Event> held_;
};

}  // namespace platform
