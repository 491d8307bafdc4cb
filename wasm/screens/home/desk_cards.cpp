#include "wasm/screens/home/desk_cards.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "shared/lec/confirmation.hpp"
#include "shared/ui/strings_desk.hpp"
#include "wasm/app/context.hpp"
#include "wasm/app/style.hpp"
#include "wasm/text/thai_shaping.hpp"
#include "wasm/widgets/test_hook.hpp"
#include "wasm/widgets/widgets.hpp"

namespace home {

using namespace ui::text::desk;

void DeskCards::load(app::Context& ctx, std::int64_t user_id) {
  pending_.reset();
  loaded_for_ = user_id;
  loading_ = true;
  failed_ = false;
  ctx.api.get("/api/v1/me/desk", pending_.guard([this](const api::Reply& r) {
    loading_ = false;
    auto parsed = r.ok() ? domain::parse_desk(r.body) : domain::Checked<std::vector<domain::DeskEntry>>(*r.error);
    failed_ = !parsed.ok();
    if (parsed.ok()) entries_ = parsed.value();
  }));
}

void DeskCards::draw(app::Context& ctx) {
  const app::User* user = ctx.session.user();
  if (!user) return;
  if (user->id != loaded_for_) {
    entries_.clear();
    load(ctx, user->id);
  }
  widgets::heading(ctx.tr(heading), ctx.fonts.title);
  if (loading_ && entries_.empty()) return widgets::text_colored(style::muted_text, ctx.tr(loading));
  if (failed_) {
    widgets::text_colored(style::banner_error_text, ctx.tr(load_failed));
    if (widgets::button("desk.retry", ctx.tr(ui::text::retry))) load(ctx, user->id);
    return;
  }
  if (entries_.empty()) return widgets::text_wrapped(ctx.tr(empty));
  for (const auto& e : entries_) draw_card(ctx, e);
}

// A box the width of the column: the words first (upper channel), then the box and one
// invisible button over the whole of it, once its height is known.
void DeskCards::draw_card(app::Context& ctx, const domain::DeskEntry& e) {
  const auto& kind = domain::info(e.kind);
  const bool th = ctx.language == ui::Language::th;
  std::string said;
  if (e.count) said = th ? domain::count_text_th(e.kind, *e.count) : domain::count_text_en(e.kind, *e.count);
  if (e.days_left && e.count.value_or(0) > 0)
    said += std::string(said.empty() ? "" : " · ") +
            (th ? domain::days_left_th(*e.days_left) : domain::days_left_en(*e.days_left));

  const float pad = 12, min_height = 56;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const std::string open_label = thai::shape(ctx.tr(open_work));
  const float open_width = ImGui::CalcTextSize(open_label.c_str()).x;
  draw->ChannelsSplit(2);
  draw->ChannelsSetCurrent(1);
  ImGui::SetCursorScreenPos(ImVec2(start.x + pad, start.y + pad));
  ImGui::BeginGroup();
  const float text_width = std::max(80.0f, width - 3 * pad - open_width);
  ImGui::PushFont(ctx.fonts.title);
  ImGui::PushStyleColor(ImGuiCol_Text, style::brand);
  widgets::text_wrapped(th ? kind.title_th : kind.title_en, text_width);
  ImGui::PopStyleColor();
  ImGui::PopFont();
  if (!said.empty()) {
    const bool waiting = e.count.value_or(0) > 0;
    ImGui::PushStyleColor(ImGuiCol_Text, waiting ? style::banner_warning_text : style::muted_text);
    widgets::text_wrapped(said, text_width);
    ImGui::PopStyleColor();
  }
  ImGui::EndGroup();
  const float bottom = std::max(ImGui::GetItemRectMax().y + pad, start.y + min_height);
  const ImVec2 end(start.x + width, bottom);

  ImGui::SetCursorScreenPos(start);
  const std::string id = "desk." + std::string(kind.id);
  const bool pressed = ImGui::InvisibleButton(id.c_str(), ImVec2(width, bottom - start.y));
  const bool hovered = ImGui::IsItemHovered();
  test_hook::record_item(id, "button", std::string(th ? kind.title_th : kind.title_en), said);
  if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  draw->AddText(ImVec2(end.x - pad - open_width, start.y + (bottom - start.y - ImGui::GetTextLineHeight()) / 2),
                style::brand, open_label.c_str());
  draw->ChannelsSetCurrent(0);
  draw->AddRectFilled(start, end, hovered ? IM_COL32(0xDC, 0xE6, 0xF4, 0xFF) : style::banner_info_bg, 8);
  draw->AddRect(start, end, IM_COL32(0xB8, 0xC7, 0xDD, 0xFF), 8);
  draw->ChannelsMerge();
  ImGui::SetCursorScreenPos(ImVec2(start.x, bottom + ImGui::GetStyle().ItemSpacing.y + 4));
  ImGui::Dummy(ImVec2(0, 0));
  if (pressed) ctx.nav.go(std::string(kind.route));
}

}  // namespace home
