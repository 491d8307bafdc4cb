#pragma once
// A kiosk: a shared touch screen in the lobby of an education-area office or an LGO. The
// operator's settings (environment natively, the query string in a browser), which routes
// a kiosk offers, and the idle clock that starts the next person afresh.
#include <string>
#include <string_view>
#include <vector>

#include "shared/core/field_error.hpp"

namespace domain {

// The ways in an operator may offer (KIOSK_WAYS); the home screen shows only these.
enum class KioskWay { register_school, registration_status, kpi, stats };
std::string_view to_string(KioskWay way);  // "register", "registration_status", "kpi", "stats"

inline constexpr int kiosk_default_idle_seconds = 120;
inline constexpr int kiosk_min_idle_seconds = 5;
inline constexpr int kiosk_max_idle_seconds = 3600;
inline constexpr std::size_t kiosk_pin_min_length = 4;

struct KioskConfig {
  bool enabled = false;
  int idle_seconds = kiosk_default_idle_seconds;
  std::vector<KioskWay> ways;  // in the order the home screen offers them
  std::string office;          // the office the kiosk stands in (its code), or empty
  std::string exit_pin;        // empty: the operator cannot leave from the screen
  bool offers(KioskWay way) const;
};

// The settings as given, each empty when not set. Names are those of the environment.
struct KioskSettings {
  std::string kiosk;         // KIOSK: "1", "true", "yes" (or --kiosk)
  std::string idle_seconds;  // KIOSK_IDLE_SECONDS
  std::string ways;          // KIOSK_WAYS: comma-separated; empty = all
  std::string office;        // KIOSK_OFFICE: a 10-digit office code
  std::string exit_pin;      // KIOSK_EXIT_PIN: 4 to 12 digits
};

// A wrong setting is refused with its name, so the operator knows what to fix before the
// kiosk opens to the public; with KIOSK unset the rest is not looked at.
Checked<KioskConfig> parse_kiosk(const KioskSettings& settings);

// Whether a kiosk offers the screen of a route path ("" home, "register/resume",
// "kpi/report/12/2026-1", ...). Everything an office's staff do at their own desk (user
// administration, reviews, audit, local education data) is not offered.
bool kiosk_allows(const KioskConfig& kiosk, std::string_view route_path);

// How much larger a kiosk draws its UI on a screen of width x height pixels: as on the
// 1366x768 touch screen it was laid out for, so a finger's targets keep their size on a
// 1920x1080 one (1.4); never smaller, at most 2.
float kiosk_touch_scale(int width, int height);

// The countdown shown before an idle reset: the last 20 s, or the last third when the idle
// time is shorter than a minute.
int kiosk_countdown_seconds(int idle_seconds);

// The idle clock: any input restarts it; a reset is due idle_seconds after the last input.
class KioskIdle {
 public:
  enum class Phase { active, counting_down, expired };
  explicit KioskIdle(int idle_seconds) : idle_(idle_seconds) {}

  void input(double now) { last_input_ = now; }
  Phase phase(double now) const;
  int seconds_left(double now) const;  // whole seconds to the reset, rounded up
  double next_change(double now) const;  // when the shown state changes next (a frame is due)

 private:
  int idle_;
  double last_input_ = 0;
};

}  // namespace domain
