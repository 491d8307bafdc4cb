#include "wasm/screens/kpi/notifications_screen.hpp"

#include <imgui.h>

#include "shared/notifications/work_notice.hpp"
#include "shared/ui/strings_kpi_report.hpp"
#include "wasm/app/context.hpp"
#include "wasm/app/style.hpp"
#include "wasm/widgets/test_hook.hpp"
#include "wasm/widgets/widgets.hpp"

namespace kpi_screens {

using namespace ui::text::kpi_report;

void NotificationsScreen::open(app::Context& ctx, const app::Route&) { notifications_.fetch(ctx); }

void NotificationsScreen::draw(app::Context& ctx) {
  widgets::heading(ctx.tr(notifications), ctx.fonts.title);
  notifications_.seen();
  const auto& list = notifications_.list();
  if (list.empty()) return widgets::text(ctx.tr(no_notifications));
  for (const auto& n : list) {
    const std::string id = "notification." + std::to_string(n.value("id", std::int64_t{0}));
    const std::string text = n.value(ctx.language == ui::Language::th ? "text_th" : "text_en", "");
    ImGui::PushID(id.c_str());
    const std::string kind = n.value("kind", "");
    std::string when = ctx.when(n.value("created_at", ""));
    if (kind == domain::letter_uploaded_kind) when += "  ·  " + std::string(ctx.tr(notice_letter));
    if (kind == domain::access_request_kind) when += "  ·  " + std::string(ctx.tr(notice_access_request));
    widgets::text_colored(style::muted_text, when);
    widgets::text_wrapped(text);
    test_hook::record_item(id, "text", text, n.value("kind", ""));
    const std::string route = app::Notifications::route_of(n);
    if (!route.empty() && widgets::button((id + ".open").c_str(), ctx.tr(open_link))) ctx.nav.go(route);
    ImGui::Separator();
    ImGui::PopID();
  }
}

}  // namespace kpi_screens
