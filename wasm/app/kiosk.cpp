#include "wasm/app/kiosk.hpp"

#include <imgui.h>

#include <algorithm>
#include <string_view>

#include "shared/ui/strings_client.hpp"
#include "shared/ui/strings_kiosk.hpp"
#include "wasm/app/context.hpp"
#include "wasm/app/style.hpp"
#include "wasm/platform/platform.hpp"
#include "wasm/widgets/test_hook.hpp"
#include "wasm/widgets/widgets.hpp"

namespace app {

namespace {
constexpr float corner = 48;          // the top-left square (ImGui units) the operator taps
constexpr int corner_taps_to_exit = 5;
constexpr double corner_tap_window = 4;  // seconds for all five
constexpr double sign_out_wait = 5;

// What became of the last download: printed (collect it), refused (not a PDF), or failed.
void draw_printed(Context& ctx, const platform::Printed& p) {
  using namespace ui::text;
  const bool ok = !p.job.empty();
  const auto& said = ok ? kiosk_printed : p.printable ? kiosk_print_failed : kiosk_not_printable;
  const std::string text = std::string(ctx.tr(said)) + " " + p.file_name + (p.error.empty() ? "" : " (" + p.error + ")");
  style::banner(ok ? style::banner_info_bg : style::banner_error_bg, ok ? style::banner_info_text : style::banner_error_text,
                [&] { widgets::text_wrapped(text); });
  test_hook::record_item(ok ? "kiosk.printed" : "kiosk.print_failed", ok ? "text" : "error", text, ok ? p.job : p.error);
}
}  // namespace

KioskControls::KioskControls(const domain::KioskConfig& config) : idle_(config.idle_seconds) {
  platform::print_downloads([this](const platform::Printed& p) { printed_ = p; });
}

void KioskControls::update(Context& ctx) {
  drawn_at_ = ctx.now;
  if (resetting_) {
    if (ctx.now >= reset_deadline_) restart();
    return;
  }
  const ImGuiIO& io = ImGui::GetIO();
  if (ImGui::IsMouseClicked(0) && io.MousePos.x < corner && io.MousePos.y < corner &&
      !ctx.kiosk.exit_pin.empty()) {
    if (corner_taps_ == 0 || ctx.now - first_corner_tap_ > corner_tap_window) {
      corner_taps_ = 0;
      first_corner_tap_ = ctx.now;
    }
    if (++corner_taps_ >= corner_taps_to_exit) {
      corner_taps_ = 0;
      exit_shown_ = true;
      pin_.clear();
      pin_wrong_ = false;
    }
  }
  if (idle_.phase(ctx.now) == domain::KioskIdle::Phase::expired) reset(ctx);
}

void KioskControls::draw_strip(Context& ctx) {
  using namespace ui::text;
  if (resetting_) {
    style::banner(style::banner_info_bg, style::banner_info_text, [&] {
      widgets::text(ctx.tr(kiosk_resetting));
      test_hook::record_item("kiosk.resetting", "text", std::string(ctx.tr(kiosk_resetting)));
    });
    return;
  }
  if (idle_.phase(ctx.now) == domain::KioskIdle::Phase::counting_down) {
    style::banner(style::banner_error_bg, style::banner_error_text, [&] {
      const std::string said = std::string(ctx.tr(kiosk_countdown)) + " " +
                               std::to_string(idle_.seconds_left(ctx.now)) + " " + std::string(ctx.tr(kiosk_seconds));
      widgets::text_wrapped(said);
      test_hook::record_item("kiosk.countdown", "text", said, std::to_string(idle_.seconds_left(ctx.now)));
      // Any touch keeps the session; the button says so.
      widgets::primary_button("kiosk.continue", ctx.tr(kiosk_continue));
    });
  }
  if (printed_) draw_printed(ctx, *printed_);
  std::string label(ctx.tr(kiosk_label));
  if (!ctx.kiosk.office.empty()) label += " " + std::string(ctx.tr(kiosk_of_office)) + " " + ctx.kiosk.office;
  widgets::text_colored(style::muted_text, label);
  test_hook::record_item("kiosk.office", "text", label, ctx.kiosk.office);
  ImGui::SameLine();
  const float width = widgets::text_size(ctx.tr(kiosk_finish)).x + 2 * ImGui::GetStyle().FramePadding.x;
  ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - width));
  if (widgets::button("kiosk.finish", ctx.tr(kiosk_finish))) reset(ctx);
  ImGui::Separator();
}

bool KioskControls::draw_exit(Context& ctx) {
  using namespace ui::text;
  if (!exit_shown_) return false;
  widgets::heading(ctx.tr(kiosk_exit_title), ctx.fonts.title);
  std::string shown;
  for (std::size_t i = 0; i < pin_.size(); ++i) shown += "\xE2\x97\x8F ";  // ●
  widgets::text(shown.empty() ? " " : shown);
  test_hook::record_item("kiosk.pin.value", "password", "", std::string(pin_.size(), '*'));
  if (pin_wrong_) {
    widgets::text_colored(style::banner_error_text, ctx.tr(kiosk_exit_wrong));
    test_hook::record_item("kiosk.pin.wrong", "error", std::string(ctx.tr(kiosk_exit_wrong)));
  }
  // A digit pad of touch-sized keys: kiosks have no keyboard.
  const ImVec2 key(72, 56);
  const std::string_view digits = "1234567890";  // three to a row, 0 under 7
  for (std::size_t i = 0; i < digits.size(); ++i) {
    const char digit[2] = {digits[i], 0};
    const std::string id = std::string("kiosk.pin.") + digit;
    if (i % 3) ImGui::SameLine();
    ImGui::PushID(id.c_str());
    if (ImGui::Button(digit, key) && pin_.size() < 12) pin_ += digit;
    ImGui::PopID();
    test_hook::record_item(id, "button", digit);
  }
  ImGui::SameLine();
  if (widgets::button("kiosk.pin.clear", ctx.tr(kiosk_exit_clear))) pin_.clear();
  ImGui::Spacing();
  if (widgets::primary_button("kiosk.pin.ok", ctx.tr(kiosk_exit_ok), !pin_.empty())) {
    pin_wrong_ = pin_ != ctx.kiosk.exit_pin;
    pin_.clear();
    if (!pin_wrong_) {
      quit_ = true;
      platform::quit();
    }
  }
  ImGui::SameLine();
  if (widgets::button("kiosk.pin.cancel", ctx.tr(confirm_cancel))) {
    exit_shown_ = false;
    pin_.clear();
  }
  return true;
}

double KioskControls::wake_at() const {
  if (resetting_) return reset_deadline_;
  return idle_.next_change(drawn_at_);
}

void KioskControls::reset(Context& ctx) {
  resetting_ = true;
  exit_shown_ = false;
  reset_deadline_ = ctx.now + sign_out_wait;
  if (ctx.session.user()) ctx.session.sign_out([this] { restart(); });
  else restart();
}

void KioskControls::restart() {
  ImGui::SetClipboardText("");  // what the last person copied
  platform::restart_clean();
}

}  // namespace app
