// The top bar: the product's name and the language; for a signed-in user who they are
// (name, organisation), notifications, "my account" and the way out. Wide: the title and
// the language on one line, the user's items right-aligned under it. Narrow (a phone): the
// title beside one menu button; the user's items open under it as a column of full-size
// targets, so nothing runs off a 360 px screen and no text is cut.
#include <imgui.h>

#include <algorithm>

#include "shared/ui/preferences.hpp"
#include "shared/ui/strings_client.hpp"
#include "shared/ui/strings_kpi_report.hpp"
#include "wasm/app/app.hpp"
#include "wasm/app/style.hpp"
#include "wasm/widgets/test_hook.hpp"
#include "wasm/platform/platform.hpp"
#include "wasm/widgets/widgets.hpp"

namespace app {
namespace {

// Below this width (the window's content) the narrow layout: 640 leaves tablets the wide one.
constexpr float narrow_below = 640;

float button_width(std::string_view label) {
  return widgets::text_size(label).x + 2 * ImGui::GetStyle().FramePadding.x;
}

float right_edge() { return ImGui::GetWindowContentRegionMax().x; }

std::string who_text(const User& user) {
  return user.display_name + (user.org_name.empty() ? "" : " · " + user.org_name);
}

// The user's name and organisation, muted, wrapped at `width`; in the test hook as
// "topbar.user" (a text, so tests can see it is not cut).
void draw_who(const std::string& who, float width) {
  ImGui::BeginGroup();
  ImGui::PushStyleColor(ImGuiCol_Text, style::muted_text);
  widgets::text_wrapped(who, width);
  ImGui::PopStyleColor();
  ImGui::EndGroup();
  test_hook::record_item("topbar.user", "text", who);
}

}  // namespace

// The language, and the text size (ก+): both kept on this device for the next visit.
void App::draw_language_switch() {
  using namespace ui::text;
  auto choose = [this](ui::Language l) {
    context_.language = l;
    platform::save_setting(ui::language_key, ui::language_code(l));
  };
  if (widgets::choice("lang.th", language_th.th, context_.language == ui::Language::th)) choose(ui::Language::th);
  ImGui::SameLine();
  if (widgets::choice("lang.en", language_en.en, context_.language == ui::Language::en)) choose(ui::Language::en);
  ImGui::SameLine();
  const int percent = int(context_.text_zoom * 100 + 0.5f);
  if (widgets::button("text.size", text_size_label)) {
    const int next = ui::next_text_size(percent);
    context_.text_zoom = next / 100.0f;
    platform::save_setting(ui::text_size_key, std::to_string(next));
  }
  test_hook::record_item("text.zoom", "text", std::string(context_.tr(text_size)), std::to_string(percent));
}

float App::language_switch_width() const {
  using namespace ui::text;
  return button_width(language_th.th) + button_width(language_en.en) + button_width(text_size_label) +
         2 * ImGui::GetStyle().ItemSpacing.x;
}

void App::draw_top_bar() {
  if (context_.nav.current() != menu_route_) menu_open_ = false;  // a tap on an item moved on
  if (ImGui::GetContentRegionAvail().x < narrow_below) draw_top_bar_narrow();
  else draw_top_bar_wide();
  ImGui::Separator();
}

void App::draw_top_bar_wide() {
  using namespace ui::text;
  const ImGuiStyle& st = ImGui::GetStyle();
  const float switch_width = language_switch_width();
  const float title_width = std::max(120.0f, ImGui::GetContentRegionAvail().x - switch_width - 2 * st.ItemSpacing.x);
  ImGui::BeginGroup();
  ImGui::PushFont(context_.fonts.title);
  ImGui::PushStyleColor(ImGuiCol_Text, style::brand);
  widgets::text_wrapped(context_.tr(app_title), title_width);
  ImGui::PopStyleColor();
  ImGui::PopFont();
  ImGui::EndGroup();
  ImGui::SameLine(std::max(0.0f, right_edge() - switch_width));
  draw_language_switch();

  // Second line: home, then the user's items right-aligned, with their name and
  // organisation before them, or on the next line when they do not fit there.
  const bool at_home = parse_route(context_.nav.current()).segments.empty();
  bool on_line = false;  // something drawn on this line already: SameLine, not a new one
  if (!at_home) {
    if (widgets::link("app.home", context_.tr(nav_home))) context_.nav.go("#/");
    on_line = true;
  }
  const User* user = context_.session.user();
  if (!user) return;
  const bool settled = !user->first_login_pending();  // nothing to open before the profile is done
  constexpr float gap = 24;
  float items = button_width(context_.tr(nav_sign_out));
  if (settled)
    items += widgets::text_size(notifications_.label(context_)).x + widgets::text_size(context_.tr(topbar_account)).x +
             2 * gap;
  const std::string who = who_text(*user);
  const float who_width = widgets::text_size(who).x + gap;
  const float left = on_line ? ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + st.ItemSpacing.x
                             : ImGui::GetCursorPosX();
  const bool one_line = left + who_width + items <= right_edge();
  auto at = [&](float x) {
    if (on_line) ImGui::SameLine(x);
    else ImGui::SetCursorPosX(x);
    on_line = true;
  };
  if (one_line) {
    at(right_edge() - items - who_width);
    ImGui::AlignTextToFramePadding();
    draw_who(who, who_width);
  }
  at(std::max(left, right_edge() - items));
  if (settled) {
    notifications_.draw_link(context_);
    ImGui::SameLine(0, gap);
    if (widgets::link("topbar.account", context_.tr(topbar_account))) context_.nav.go("#/account");
    ImGui::SameLine(0, gap);
  }
  if (widgets::button("app.signout", context_.tr(nav_sign_out)))
    context_.session.sign_out([this] { context_.nav.go("#/"); });
  if (!one_line) {
    const float width = std::min(widgets::text_size(who).x, ImGui::GetContentRegionAvail().x);
    ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), right_edge() - width));
    draw_who(who, width);
  }
}

void App::draw_top_bar_narrow() {
  using namespace ui::text;
  const ImGuiStyle& st = ImGui::GetStyle();
  const User* user = context_.session.user();
  const bool settled = user && !user->first_login_pending();
  std::string menu_label(context_.tr(menu_open_ ? topbar_close_menu : topbar_menu));
  if (const int n = settled ? notifications_.unseen() : 0; n > 0 && !menu_open_)
    menu_label += " (" + std::to_string(n) + ")";
  const float right_width = user ? button_width(menu_label) : language_switch_width();

  // The title in the body font: the title font would take half a phone's height.
  ImGui::BeginGroup();
  ImGui::PushStyleColor(ImGuiCol_Text, style::brand);
  widgets::text_wrapped(context_.tr(app_title),
                        std::max(80.0f, ImGui::GetContentRegionAvail().x - right_width - st.ItemSpacing.x));
  ImGui::PopStyleColor();
  ImGui::EndGroup();
  ImGui::SameLine(std::max(0.0f, right_edge() - right_width));
  if (!user) {
    draw_language_switch();
  } else if (widgets::button("topbar.menu", menu_label)) {
    menu_open_ = !menu_open_;
    menu_route_ = context_.nav.current();
  }

  const bool at_home = parse_route(context_.nav.current()).segments.empty();
  if (!user || !menu_open_) {
    if (!at_home && widgets::link("app.home", context_.tr(nav_home))) context_.nav.go("#/");
    return;
  }
  // The menu: who is signed in, then one target per line.
  ImGui::BeginGroup();
  widgets::text_wrapped(user->display_name);
  if (!user->org_name.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, style::muted_text);
    widgets::text_wrapped(user->org_name);
    ImGui::PopStyleColor();
  }
  ImGui::EndGroup();
  test_hook::record_item("topbar.user", "text", who_text(*user));
  if (!at_home && widgets::link("app.home", context_.tr(nav_home))) context_.nav.go("#/");
  if (settled) {
    notifications_.draw_link(context_);
    if (widgets::link("topbar.account", context_.tr(topbar_account))) context_.nav.go("#/account");
  }
  if (widgets::button("app.signout", context_.tr(nav_sign_out))) {
    menu_open_ = false;
    context_.session.sign_out([this] { context_.nav.go("#/"); });
  }
  draw_language_switch();
}

}  // namespace app
