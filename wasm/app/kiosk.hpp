#pragma once
// A kiosk's frame around the screens: a strip with the office and "finish", the idle
// countdown, and the operator's exit (five taps in the top-left corner, then the PIN on a
// digit pad). A reset signs out on the server and starts the client afresh
// (platform::restart_clean): a new process natively, a reloaded page in a browser, so that
// nothing typed, downloaded or drawn by the last person survives in memory.
#include <optional>
#include <string>

#include "shared/kiosk/kiosk.hpp"
#include "wasm/platform/platform.hpp"

namespace app {

struct Context;

class KioskControls {
 public:
  // Downloads are printed from now on (platform::print_downloads), never kept.
  explicit KioskControls(const domain::KioskConfig& config);

  void input(double now) { idle_.input(now); }  // any input of the person at the kiosk
  void update(Context& ctx);          // each frame, before drawing: corner taps, idle reset due
  void draw_strip(Context& ctx);      // above the screen
  bool draw_exit(Context& ctx);       // the PIN pad instead of the screen; true while shown
  double wake_at() const;             // countdown seconds, the sign-out's deadline
  bool quit_requested() const { return quit_; }

 private:
  void reset(Context& ctx);
  void restart();

  domain::KioskIdle idle_;
  bool resetting_ = false;
  double reset_deadline_ = 0;  // restart even when the sign-out gets no answer by then
  int corner_taps_ = 0;
  double first_corner_tap_ = 0;
  bool exit_shown_ = false;
  std::string pin_;
  bool pin_wrong_ = false;
  bool quit_ = false;
  std::optional<platform::Printed> printed_;  // the last download, shown on the strip
  // The clock of the last frame: the next change is counted from it, so a change that fell
  // due before this frame's timer was set still gets its frame.
  double drawn_at_ = 0;
};

}  // namespace app
