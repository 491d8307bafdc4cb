#include "wasm/screens/audit/audit_screen.hpp"

#include <algorithm>
#include <cstdio>

#include "shared/audit/audit_filter.hpp"
#include "shared/ui/strings_audit.hpp"
#include "wasm/app/context.hpp"
#include "wasm/app/style.hpp"
#include "wasm/widgets/test_hook.hpp"
#include "wasm/widgets/widgets.hpp"

namespace audit_screens {

using namespace ui::text::audit;

namespace {

// "2026-12-01T10:05:03.123Z" (UTC) as Thailand time: "1 ธ.ค. 2569 17:05" / "2026-12-01 17:05".
std::string thai_time(const std::string& at, ui::Language language) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0;
  if (std::sscanf(at.c_str(), "%d-%d-%dT%d:%d", &y, &mo, &d, &h, &mi) != 5) return at;
  domain::Date day{y, mo, d};
  if (!domain::is_valid_date(day)) return at;
  h += 7;
  if (h >= 24) h -= 24, day = domain::next_day(day);
  char clock[8];
  std::snprintf(clock, sizeof clock, "%02d:%02d", h, mi);
  return (language == ui::Language::th ? domain::format_thai_date_short(day) : domain::to_iso(day)) + " " + clock;
}

}  // namespace

void AuditScreen::open(app::Context& ctx, const app::Route& route) {
  person_ = route.get("person");
  action_ = route.get("action");
  notice_.clear();
  load(ctx, false);
}

// The same rules as the server: a bad date is named under its field before any request.
bool AuditScreen::check() {
  errors_.clear();
  auto f = domain::parse_audit_filter({person_, action_, from_, to_, "", ""});
  if (!f) errors_.set(f.error());
  return f.ok();
}

std::string AuditScreen::filters() const {
  return api::query({{"person", domain::trim(person_)}, {"action", domain::trim(action_)},
                     {"from", domain::trim(from_)}, {"to", domain::trim(to_)}});
}

void AuditScreen::load(app::Context& ctx, bool more) {
  if (!check()) return;
  pending_.reset();
  loading_ = true;
  std::string path = "/api/v1/audit" + filters();
  if (more && next_before_ > 0)
    path += std::string(path.find('?') == std::string::npos ? "?" : "&") + "before_id=" + std::to_string(next_before_);
  ctx.api.get(path, pending_.guard([this, more](const api::Reply& r) {
    loading_ = false;
    loaded_ = true;
    if (!more) entries_ = nlohmann::json::array();
    if (!r.ok()) {
      errors_.take(r);
      next_before_ = 0;
      return;
    }
    if (r.body.contains("entries") && r.body["entries"].is_array())
      for (const auto& e : r.body["entries"]) entries_.push_back(e);
    next_before_ = api::int_of(r.body, "next_before_id");
  }));
}

// Frames of 25 px text + 2 x 10 px padding: touch targets of 45 px on a phone.
void AuditScreen::draw(app::Context& ctx) {
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ImGui::GetStyle().FramePadding.x, 10));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 10));
  draw_page(ctx);
  ImGui::PopStyleVar(2);
}

void AuditScreen::draw_page(app::Context& ctx) {
  // Wrapped: the Thai heading is wider than a phone.
  ImGui::PushFont(ctx.fonts.title);
  widgets::text_wrapped(ctx.tr(heading));
  ImGui::PopFont();
  ImGui::PushStyleColor(ImGuiCol_Text, style::muted_text);
  widgets::text_wrapped(ctx.tr(intro));
  ImGui::PopStyleColor();

  // Two filters a line where they fit (phones: one below the other).
  const float w = ImGui::GetContentRegionAvail().x, spacing = ImGui::GetStyle().ItemSpacing.x;
  const bool two = w >= 520;
  const float cell = two ? (w - spacing) / 2 : w;
  bool go = false;
  const auto two_fields = [&](const char* a_id, const ui::Text& a_label, std::string& a, const char* a_field, const char* b_id,
                        const ui::Text& b_label, std::string& b, const char* b_field) {
    ImGui::BeginGroup();
    go |= widgets::field(a_id, ctx.tr(a_label), a, errors_.of(a_field), ctx.language, widgets::Field::text, cell).submitted;
    ImGui::EndGroup();
    if (two) ImGui::SameLine();
    ImGui::BeginGroup();
    go |= widgets::field(b_id, ctx.tr(b_label), b, errors_.of(b_field), ctx.language, widgets::Field::text, cell).submitted;
    ImGui::EndGroup();
  };
  two_fields("audit.person", filter_person, person_, "person", "audit.action", filter_action, action_, "action");
  two_fields("audit.from", filter_from, from_, "from", "audit.to", filter_to, to_, "to");
  go |= widgets::primary_button("audit.search", ctx.tr(search), !loading_);
  if (go) load(ctx, false);
  ImGui::SameLine();
  if (widgets::button("audit.export", ctx.tr(export_csv)) && check())
    ctx.api.download("/api/v1/audit/export.csv" + filters(), "audit.csv",
                     [this, &ctx](const api::Reply& r, const std::string& saved_as) {
                       notice_ = r.ok() ? std::string(ctx.tr(export_done)) + saved_as
                                        : std::string(r.error ? ctx.tr(*r.error) : std::string_view());
                     });
  if (!notice_.empty()) widgets::text_colored(style::muted_text, notice_);
  widgets::error_banner("audit.error", errors_.general({"person", "action", "from", "to"}), ctx.language);
  ImGui::Separator();

  if (loading_ && entries_.empty()) return widgets::text_colored(style::muted_text, ctx.tr(loading));
  if (loaded_ && entries_.empty()) return widgets::text_colored(style::muted_text, ctx.tr(none));
  draw_entries(ctx);
}

// One entry a few wrapped lines (a table would not fit 360 px): when and who; the action
// and its target; the address.
void AuditScreen::draw_entries(app::Context& ctx) {
  ImGui::BeginChild("###audit.entries", ImVec2(0, 0), false);
  for (const auto& e : entries_) {
    const std::string id = std::to_string(api::int_of(e, "id"));
    const auto actor = e.find("actor");
    const std::string who = actor != e.end() && actor->is_object()
                                ? api::text_of(*actor, "username") + " (#" + std::to_string(api::int_of(*actor, "user_id")) + ")"
                                : std::string(ctx.tr(nobody));
    const std::string what = api::text_of(e, "action") + "  " + api::text_of(e, "target") +
                             (api::text_of(e, "org_code").empty() ? "" : "  [" + api::text_of(e, "org_code") + "]");
    const std::string when = thai_time(api::text_of(e, "at"), ctx.language);
    const std::string where = std::string(ctx.tr(from_address)) + " " + api::text_of(e, "client_address");
    ImGui::BeginGroup();
    widgets::text_wrapped(when + "  " + who);
    widgets::text_wrapped(what);
    widgets::text_colored(style::muted_text, where);
    ImGui::EndGroup();
    test_hook::record_item("audit.entry." + id, "row", when + " " + who + " " + what + " " + where,
                           api::text_of(e, "action"));
    ImGui::Separator();
  }
  if (next_before_ > 0 && widgets::button("audit.more", ctx.tr(loading_ ? loading : load_more)) && !loading_)
    load(ctx, true);
  ImGui::EndChild();
}

}  // namespace audit_screens
