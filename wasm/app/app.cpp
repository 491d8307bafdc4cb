#include "wasm/app/app.hpp"

#include "wasm/widgets/test_hook.hpp"

#include <imgui.h>

#include <algorithm>

#include "shared/audit/audit_filter.hpp"
#include "shared/ui/preferences.hpp"
#include "shared/ui/strings_client.hpp"
#include "shared/ui/strings_kiosk.hpp"
#include "wasm/app/clock.hpp"
#include "wasm/app/style.hpp"
#include "wasm/screens/accounts/access_request_screen.hpp"
#include "wasm/screens/accounts/identity_failed_screen.hpp"
#include "wasm/screens/accounts/account_screen.hpp"
#include "wasm/screens/accounts/activation_screen.hpp"
#include "wasm/screens/accounts/first_login_screen.hpp"
#include "wasm/screens/accounts/forgot_password_screen.hpp"
#include "wasm/screens/accounts/qr_signin_screen.hpp"
#include "wasm/screens/accounts/signin_screen.hpp"
#include "wasm/screens/accounts/users_screen.hpp"
#include "wasm/screens/audit/audit_screen.hpp"
#include "wasm/screens/dev/widgets_screen.hpp"
#include "wasm/screens/home/home_screen.hpp"
#include "wasm/screens/registration/register_screen.hpp"
#include "wasm/screens/registration/review_screen.hpp"
#include "wasm/screens/kpi/kpi_editor_screen.hpp"
#include "wasm/screens/kpi/manage_screen.hpp"
#include "wasm/screens/kpi/notifications_screen.hpp"
#include "wasm/screens/kpi/overview_screen.hpp"
#include "wasm/screens/kpi/queue_screen.hpp"
#include "wasm/screens/kpi/report_screen.hpp"
#include "wasm/screens/kpi/review_screen.hpp"
#include "wasm/screens/kpi/school_kpis_screen.hpp"
#include "wasm/screens/kpi/stats_screen.hpp"
#include "wasm/screens/kpi/units_screen.hpp"
#include "wasm/screens/lec/progress_screen.hpp"
#include "wasm/screens/lec/register_screen.hpp"
#include "wasm/platform/platform.hpp"
#include "wasm/widgets/widgets.hpp"

namespace app {

// Every screen of the client, by its hash route. Add yours here (see wasm/README.md).
void App::register_screens() {
  screens_.add("", std::make_unique<home::HomeScreen>(context_.server));
  screens_.add("dev/widgets", std::make_unique<dev::WidgetsScreen>());
  screens_.add("register", std::make_unique<registration::RegisterScreen>());
  screens_.add("review/registrations", std::make_unique<registration::ReviewScreen>(),
               Access::holding(domain::Permission::registrations_review));
  screens_.add("signin", std::make_unique<accounts::SignInScreen>());
  screens_.add("first-login", std::make_unique<accounts::FirstLoginScreen>(), app::Access::user());
  screens_.add("account", std::make_unique<accounts::AccountScreen>(), Access::user());
  screens_.add("activate", std::make_unique<accounts::ActivationScreen>());
  screens_.add("qr", std::make_unique<accounts::QrSignInScreen>());
  screens_.add("forgot-password", std::make_unique<accounts::ForgotPasswordScreen>());
  screens_.add("access-request", std::make_unique<accounts::AccessRequestScreen>());
  screens_.add("identity-failed", std::make_unique<accounts::IdentityFailedScreen>());
  screens_.add("admin/users", std::make_unique<accounts::UsersScreen>(),
               Access::holding(domain::Permission::users_manage));
  screens_.add("audit", std::make_unique<audit_screens::AuditScreen>(), Access::holding(domain::audit_permission));
  screens_.add("stats", std::make_unique<kpi_screens::StatsScreen>());
  screens_.add("kpi", std::make_unique<kpi_screens::OverviewScreen>(), Access::user());
  screens_.add("kpi/manage", std::make_unique<kpi_screens::ManageScreen>(),
               Access::holding(domain::Permission::kpi_manage));
  screens_.add("kpi/edit", std::make_unique<kpi_screens::KpiEditorScreen>(),
               Access::holding(domain::Permission::kpi_manage));
  screens_.add("kpi/units", std::make_unique<kpi_screens::UnitsScreen>(),
               Access::holding(domain::Permission::kpi_manage));
  screens_.add("kpi/school", std::make_unique<kpi_screens::SchoolKpisScreen>(),
               Access::holding(domain::Permission::report_submit));
  screens_.add("kpi/report", std::make_unique<kpi_screens::ReportScreen>(),
               Access::holding(domain::Permission::report_submit));
  screens_.add("kpi/queue", std::make_unique<kpi_screens::QueueScreen>(),
               Access::holding(domain::Permission::report_review));
  screens_.add("kpi/review", std::make_unique<kpi_screens::ReviewScreen>(),
               Access::holding(domain::Permission::report_review));
  screens_.add("lec", std::make_unique<lec_screens::LecHomeScreen>(), Access::user());
  screens_.add("lec/inst", std::make_unique<lec_screens::RegisterScreen>(), Access::user());
  screens_.add("lec/org", std::make_unique<lec_screens::ProgressScreen>(), Access::user());
  screens_.add("notifications", std::make_unique<kpi_screens::NotificationsScreen>(notifications_), Access::user());
}

App::App(fonts::Set fonts, const domain::Checked<domain::KioskConfig>& kiosk) {
  context_.fonts = fonts;
  if (!kiosk) kiosk_error_ = kiosk.error();
  else if (kiosk.value().enabled) {
    context_.kiosk = kiosk.value();
    kiosk_.emplace(kiosk.value());
    kiosk_->input(now());
  }
  const ui::Preferences saved = ui::parse_preferences(platform::load_setting(ui::language_key),
                                                      platform::load_setting(ui::text_size_key));
  context_.language = saved.language;
  context_.text_zoom = saved.text_percent / 100.0f;
  // Natively a download lands in a folder: the banner names it and opens it. (A kiosk
  // prints instead and saves nothing.)
  if (platform::downloads_to_folder()) context_.api.saved = [this](const std::string& path) { saved_file_ = path; };
  context_.api.observer = [this](const api::Reply& r) {
    context_.server.saw_reply(r.status);
    if (r.status == 401 && (r.code() == "not_signed_in" || r.code() == "session_expired"))
      context_.session.ended();
  };
  register_screens();
}

void App::start() {
  context_.server.check();
  context_.session.check();
}

double App::wake_at() const {
  const double kiosk = kiosk_ ? kiosk_->wake_at() : FramePacer::never;
  return std::min({shown_ ? shown_->screen->wake_at() : FramePacer::never, notifications_.wake_at(), kiosk});
}

void App::input(double now) {
  if (kiosk_) kiosk_->input(now);
}

void App::draw(double now) {
  context_.now = now;
  context_.wall = wall_now();
  context_.nav.poll();
  notifications_.update(context_);
  if (kiosk_) kiosk_->update(context_);
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x, vp->WorkSize.y - keyboard_.height()));  // a kiosk's keys below
  // A phone's every pixel of width counts: narrower margins there.
  const ImVec2 padding = ImGui::GetStyle().WindowPadding;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(vp->WorkSize.x < 600 ? 10 : padding.x, padding.y));
  ImGui::Begin("###app", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
  ImGui::PopStyleVar();
  draw_top_bar();

  // Content column: readable width on wide screens, full width on phones.
  const float avail = ImGui::GetContentRegionAvail().x;
  const float width = std::min(avail, 960.0f);
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - width) / 2);
  ImGui::BeginChild("###content", ImVec2(width, 0), false);
  if (kiosk_) kiosk_->draw_strip(context_);
  draw_banners();
  if (!kiosk_ || !kiosk_->draw_exit(context_)) draw_screen();
  if (keyboard_.height() > 0) keep_field_above_keyboard();
  ImGui::EndChild();
  ImGui::End();
  context_.confirm.draw(context_.language, context_.fonts.body);
  if (kiosk_) keyboard_.draw(context_);
}

// The field being typed into stays in the part of the screen a kiosk's on-screen keyboard
// leaves (the window ends above the keys): scrolled up into view, a line of room below it.
// Measured in this frame, so the next frame, already scrolled, asks for nothing more.
void App::keep_field_above_keyboard() {
  const test_hook::Widget* field = test_hook::active_text_field(true);
  if (!field) return;
  const float unit = test_hook::pixels_per_unit();
  const float top = field->y / unit, bottom = (field->y + field->h) / unit;
  const float room = ImGui::GetStyle().ItemSpacing.y * 2;
  const float visible_top = ImGui::GetWindowPos().y, visible_bottom = visible_top + ImGui::GetWindowHeight();
  float by = 0;
  if (bottom + room > visible_bottom) by = bottom + room - visible_bottom;
  else if (top < visible_top) by = -(visible_top - top) - room;
  if (by == 0) return;
  ImGui::SetScrollY(ImGui::GetScrollY() + by);
  platform::request_redraw();  // the scroll shows in the next frame: nothing else may ask for it
}

// The screen of the current route, after its access rules: signed in (else to sign-in,
// coming back here after), first login finished (else to it), the permission it needs.
void App::draw_screen() {
  using namespace ui::text;
  Route route = parse_route(context_.nav.current());
  const Screens::Entry* entry = screens_.match(route);
  if (!entry) {
    shown_ = nullptr;
    draw_message(page_not_found, page_not_found_help);
    return;
  }
  if (!context_.offers(context_.nav.current())) {
    shown_ = nullptr;
    draw_message(kiosk_not_offered, kiosk_not_offered_help);
    return;
  }
  const Access& access = entry->access;
  const User* user = context_.session.user();
  if (access.signed_in || access.permission) {
    if (context_.session.state() == Session::State::unknown) {  // GET /me still on its way
      widgets::text_colored(style::muted_text, context_.tr(working));
      return;
    }
    if (!user) {
      context_.nav.go(route_string({"signin"}, {{"next", context_.nav.current()}}));
      return;
    }
    if (user->first_login_pending() && (entry->prefix.empty() || entry->prefix[0] != "first-login")) {
      context_.nav.go("#/first-login");
      return;
    }
    if (access.permission && !user->can(*access.permission)) {
      shown_ = nullptr;
      draw_message(not_permitted, page_not_found_help);
      return;
    }
  }
  if (entry != shown_ || opened_ != context_.nav.current()) {
    shown_ = entry;
    opened_ = context_.nav.current();
    context_.confirm.dismiss();
    entry->screen->open(context_, route);
  }
  entry->screen->draw(context_);
}

void App::draw_message(const ui::Text& title, const ui::Text& help) {
  widgets::heading(context_.tr(title), context_.fonts.title);
  test_hook::record_item("app.message", "text", std::string(context_.tr(title)));
  widgets::text_wrapped(context_.tr(help));
  if (widgets::link("app.home", context_.tr(ui::text::nav_home))) context_.nav.go("#/");
}

void App::draw_banners() {
  using namespace ui::text;
  if (kiosk_error_)
    style::banner(style::banner_error_bg, style::banner_error_text, [&] {
      widgets::text_wrapped(std::string(context_.tr(kiosk_setting_wrong)) + " " +
                            std::string(context_.tr(*kiosk_error_)));
    });
  if (context_.server.development_mode())
    style::banner(style::banner_dev_bg, style::banner_dev_text, [&] {
      widgets::text_wrapped(context_.tr(development_mode));
    });
  if (!saved_file_.empty())
    style::banner(style::banner_info_bg, style::banner_info_text, [&] {
      widgets::text_wrapped(std::string(context_.tr(download_saved)) + " " + saved_file_);
      test_hook::record_item("download.saved", "text", std::string(context_.tr(download_saved)), saved_file_);
      if (widgets::button("download.open", context_.tr(download_open))) platform::open_file(saved_file_);
      ImGui::SameLine();
      if (widgets::button("download.dismiss", context_.tr(download_dismiss))) saved_file_.clear();
    });
  const auto reach = context_.server.reach();
  if (reach == ServerStatus::Reach::unreachable || reach == ServerStatus::Reach::untrusted)
    style::banner(style::banner_error_bg, style::banner_error_text, [&] {
      if (reach == ServerStatus::Reach::untrusted) {
        widgets::text_wrapped(context_.tr(server_untrusted));
        test_hook::record_item("server.untrusted", "text", std::string(context_.tr(server_untrusted)));
      } else {
        widgets::text_wrapped(context_.tr(server_unreachable));
      }
      if (widgets::button("server.retry", context_.tr(retry))) {
        context_.server.check();
        if (context_.session.state() == Session::State::unknown) context_.session.check();
        if (shown_) shown_->screen->retry();
      }
    });
}

}  // namespace app
