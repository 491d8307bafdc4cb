#include "wasm/app/app.hpp"

#include <imgui.h>

#include <algorithm>

#include "shared/audit/audit_filter.hpp"
#include "shared/ui/strings_client.hpp"
#include "shared/ui/strings_kpi_report.hpp"
#include "shared/ui/strings_my_account.hpp"
#include "wasm/app/style.hpp"
#include "wasm/screens/accounts/access_request_screen.hpp"
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

App::App(fonts::Set fonts) {
  context_.fonts = fonts;
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
  return std::min(shown_ ? shown_->screen->wake_at() : FramePacer::never, notifications_.wake_at());
}

void App::draw(double now) {
  context_.now = now;
  context_.nav.poll();
  notifications_.update(context_);
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  ImGui::Begin("###app", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
  draw_top_bar();

  // Content column: readable width on wide screens, full width on phones.
  const float avail = ImGui::GetContentRegionAvail().x;
  const float width = std::min(avail, 960.0f);
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - width) / 2);
  ImGui::BeginChild("###content", ImVec2(width, 0), false);
  draw_banners();
  draw_screen();
  ImGui::EndChild();
  ImGui::End();
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
    entry->screen->open(context_, route);
  }
  entry->screen->draw(context_);
}

void App::draw_message(const ui::Text& title, const ui::Text& help) {
  widgets::heading(context_.tr(title), context_.fonts.title);
  widgets::text_wrapped(context_.tr(help));
  if (widgets::link("app.home", context_.tr(ui::text::nav_home))) context_.nav.go("#/");
}

void App::draw_top_bar() {
  using namespace ui::text;
  const ImGuiStyle& st = ImGui::GetStyle();
  const float switch_width = widgets::text_size(language_th.th).x +
                             widgets::text_size(language_en.en).x + 4 * st.FramePadding.x +
                             st.ItemSpacing.x;
  const float title_width =
      std::max(120.0f, ImGui::GetContentRegionAvail().x - switch_width - 2 * st.ItemSpacing.x);

  ImGui::BeginGroup();
  ImGui::PushFont(context_.fonts.title);
  ImGui::PushStyleColor(ImGuiCol_Text, style::brand);
  widgets::text_wrapped(context_.tr(app_title), title_width);
  ImGui::PopStyleColor();
  ImGui::PopFont();
  ImGui::EndGroup();

  ImGui::SameLine(std::max(0.0f, ImGui::GetWindowContentRegionMax().x - switch_width));
  if (widgets::choice("lang.th", language_th.th, context_.language == ui::Language::th))
    context_.language = ui::Language::th;
  ImGui::SameLine();
  if (widgets::choice("lang.en", language_en.en, context_.language == ui::Language::en))
    context_.language = ui::Language::en;

  // Second line: home, and who is signed in with the way out (or the way in).
  const bool at_home = parse_route(context_.nav.current()).segments.empty();
  if (!at_home && widgets::link("app.home", context_.tr(nav_home))) context_.nav.go("#/");
  if (const User* user = context_.session.user()) {
    const std::string who = std::string(context_.tr(signed_in_as)) + ": " + user->display_name;
    const float out_width = widgets::text_size(context_.tr(nav_sign_out)).x + 2 * st.FramePadding.x;
    const float bell_width = widgets::text_size(context_.tr(ui::text::kpi_report::notifications)).x + 48;
    const float account_width = widgets::text_size(context_.tr(ui::text::my_account::nav_account)).x + 24;
    const float row = out_width + widgets::text_size(who).x + bell_width + account_width + 3 * st.ItemSpacing.x;
    // One row at the right when it fits; on a phone each piece goes beside the last while
    // it fits, else below it.
    const bool one_row = row <= ImGui::GetWindowContentRegionMax().x;
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    const auto next = [&](float width, float spacing) {
      if (one_row || ImGui::GetItemRectMax().x + spacing + width <= right) ImGui::SameLine(0, spacing);
    };
    const float x = std::max(0.0f, ImGui::GetWindowContentRegionMax().x - row);
    if (at_home) ImGui::SetCursorPosX(x);
    else if (one_row) ImGui::SameLine(x);
    if (!user->first_login_pending()) {  // nothing to open before the profile is done
      ImGui::AlignTextToFramePadding();
      notifications_.draw_link(context_);
      next(widgets::text_size(who).x, 24);
    }
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, style::muted_text);
    if (one_row) widgets::text(who);
    else widgets::text_wrapped(who);  // a long name on a phone
    ImGui::PopStyleColor();
    if (!user->first_login_pending()) {
      next(account_width, 24);
      ImGui::AlignTextToFramePadding();
      if (widgets::link("topbar.account", context_.tr(ui::text::my_account::nav_account))) context_.nav.go("#/account");
    }
    next(out_width, st.ItemSpacing.x);
    if (widgets::button("app.signout", context_.tr(nav_sign_out)))
      context_.session.sign_out([this] { context_.nav.go("#/"); });
  }
  ImGui::Separator();
}

void App::draw_banners() {
  using namespace ui::text;
  if (context_.server.development_mode())
    style::banner(style::banner_dev_bg, style::banner_dev_text, [&] {
      widgets::text_wrapped(context_.tr(development_mode));
    });
  if (context_.server.reach() == ServerStatus::Reach::unreachable)
    style::banner(style::banner_error_bg, style::banner_error_text, [&] {
      widgets::text_wrapped(context_.tr(server_unreachable));
      if (widgets::button("server.retry", context_.tr(retry))) {
        context_.server.check();
        if (context_.session.state() == Session::State::unknown) context_.session.check();
        if (shown_) shown_->screen->retry();
      }
    });
}

}  // namespace app
