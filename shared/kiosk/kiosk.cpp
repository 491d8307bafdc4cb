#include "shared/kiosk/kiosk.hpp"

#include <algorithm>
#include <cmath>

#include "shared/core/text.hpp"

namespace domain {

namespace {

struct WayName {
  KioskWay way;
  std::string_view name;
};
constexpr WayName way_names[] = {{KioskWay::register_school, "register"},
                                 {KioskWay::registration_status, "registration_status"},
                                 {KioskWay::kpi, "kpi"},
                                 {KioskWay::stats, "stats"}};

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

FieldError setting_error(std::string field, std::string th, std::string en) {
  return {"kiosk_setting", std::move(field), std::move(th), std::move(en)};
}

}  // namespace

std::string_view to_string(KioskWay way) {
  for (const auto& w : way_names)
    if (w.way == way) return w.name;
  return "";
}

bool KioskConfig::offers(KioskWay way) const { return std::find(ways.begin(), ways.end(), way) != ways.end(); }

Checked<KioskConfig> parse_kiosk(const KioskSettings& s) {
  KioskConfig k;
  const std::string on = ascii_lower(trim(s.kiosk));
  k.enabled = on == "1" || on == "true" || on == "yes";
  if (!k.enabled) return k;

  if (const auto idle = trim(s.idle_seconds); !idle.empty()) {
    const int most = kiosk_max_idle_seconds, least = kiosk_min_idle_seconds;
    if (!all_digits(idle) || idle.size() > 5 || std::stoi(idle) < least || std::stoi(idle) > most)
      return setting_error("KIOSK_IDLE_SECONDS",
                           "KIOSK_IDLE_SECONDS ต้องเป็นจำนวนวินาที " + std::to_string(least) + " ถึง " +
                               std::to_string(most),
                           "KIOSK_IDLE_SECONDS must be a number of seconds from " + std::to_string(least) + " to " +
                               std::to_string(most));
    k.idle_seconds = std::stoi(idle);
  }

  const std::string ways = trim(s.ways);
  std::size_t start = 0;
  while (!ways.empty() && start <= ways.size()) {
    const auto comma = std::min(ways.find(',', start), ways.size());
    const std::string name = ascii_lower(trim(std::string_view(ways).substr(start, comma - start)));
    start = comma + 1;
    if (name.empty()) continue;
    const auto* found = std::find_if(std::begin(way_names), std::end(way_names),
                                     [&](const WayName& w) { return w.name == name; });
    if (found == std::end(way_names))
      return setting_error("KIOSK_WAYS", "KIOSK_WAYS มีทางเข้าที่ไม่รู้จัก: " + name +
                                             " (ใช้ได้: register, registration_status, kpi, stats)",
                           "KIOSK_WAYS has an unknown way in: " + name +
                               " (known: register, registration_status, kpi, stats)");
    if (!k.offers(found->way)) k.ways.push_back(found->way);
  }
  if (k.ways.empty())
    for (const auto& w : way_names) k.ways.push_back(w.way);

  k.office = trim(s.office);
  if (!k.office.empty() && (!all_digits(k.office) || k.office.size() != 10))
    return setting_error("KIOSK_OFFICE", "KIOSK_OFFICE ต้องเป็นรหัสหน่วยงาน 10 หลัก",
                         "KIOSK_OFFICE must be a 10-digit office code");

  k.exit_pin = trim(s.exit_pin);
  if (!k.exit_pin.empty() && (!all_digits(k.exit_pin) || k.exit_pin.size() < kiosk_pin_min_length ||
                              k.exit_pin.size() > 12))
    return setting_error("KIOSK_EXIT_PIN", "KIOSK_EXIT_PIN ต้องเป็นตัวเลข 4 ถึง 12 หลัก",
                         "KIOSK_EXIT_PIN must be 4 to 12 digits");
  return k;
}

bool kiosk_allows(const KioskConfig& k, std::string_view route) {
  if (!k.enabled || route.empty()) return true;  // home
  const auto slash = route.find('/');
  const auto first = route.substr(0, slash);
  const auto second = slash == std::string_view::npos ? std::string_view{} : route.substr(slash + 1);
  const auto second_segment = second.substr(0, second.find('/'));
  if (first == "register")
    return second_segment == "resume"
               ? k.offers(KioskWay::registration_status) || k.offers(KioskWay::register_school)
               : k.offers(KioskWay::register_school);
  if (first == "stats") return k.offers(KioskWay::stats);
  // Reporting a KPI: signing in (also by the QR of a sign-in sheet) and a first login come first.
  if (first == "signin" || first == "qr" || first == "first-login" || first == "notifications")
    return k.offers(KioskWay::kpi);
  if (first == "kpi")
    return (second_segment.empty() || second_segment == "school" || second_segment == "report") &&
           k.offers(KioskWay::kpi);
  return false;
}

float kiosk_touch_scale(int width, int height) {
  if (width <= 0 || height <= 0) return 1.0f;
  const float scale = std::min(float(width) / 1366.0f, float(height) / 768.0f);
  return std::clamp(scale, 1.0f, 2.0f);
}

int kiosk_countdown_seconds(int idle_seconds) { return idle_seconds < 60 ? std::max(1, idle_seconds / 3) : 20; }

KioskIdle::Phase KioskIdle::phase(double now) const {
  const double idle_for = now - last_input_;
  if (idle_for >= idle_) return Phase::expired;
  if (idle_for >= idle_ - kiosk_countdown_seconds(idle_)) return Phase::counting_down;
  return Phase::active;
}

int KioskIdle::seconds_left(double now) const {
  return std::max(0, int(std::ceil(last_input_ + idle_ - now)));
}

double KioskIdle::next_change(double now) const {
  const double reset_at = last_input_ + idle_;
  const double countdown_at = reset_at - kiosk_countdown_seconds(idle_);
  if (now < countdown_at) return countdown_at;
  if (now >= reset_at) return now;
  // Each whole second of the countdown is a new number on screen.
  return std::min(reset_at, reset_at - std::floor(reset_at - now - 1e-9));
}

}  // namespace domain
