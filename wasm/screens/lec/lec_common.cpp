#include "wasm/screens/lec/lec_common.hpp"

#include <imgui.h>

#include <ctime>

#include "shared/ui/confirmations.hpp"
#include "shared/ui/strings_lec.hpp"
#include "wasm/app/context.hpp"
#include "wasm/app/style.hpp"
#include "wasm/widgets/test_hook.hpp"
#include "wasm/widgets/widgets.hpp"

namespace lec_screens {

using namespace ui::text::lec;

// Body font 25 px + 2 x 10 px of padding: 45 px.
TouchSize::TouchSize() {
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ImGui::GetStyle().FramePadding.x, 10));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 10));
}
TouchSize::~TouchSize() { ImGui::PopStyleVar(2); }

void heading_wrapped(std::string_view s, ImFont* font) {
  ImGui::PushFont(font);
  widgets::text_wrapped(s);
  ImGui::PopFont();
}

void text_colored_wrapped(ImU32 color, std::string_view s) {
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  widgets::text_wrapped(s);
  ImGui::PopStyleColor();
}

void beside(std::string_view next_label) {
  const ImGuiStyle& st = ImGui::GetStyle();
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  const float width = widgets::text_size(next_label).x + 2 * st.FramePadding.x;
  if (ImGui::GetItemRectMax().x + st.ItemSpacing.x + width <= right) ImGui::SameLine();
}

int current_academic_year() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return domain::academic_year_of({tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday});
}

int route_academic_year(const app::Route& route) {
  auto year = domain::parse_academic_year(route.get("year"));
  return year ? year.value() : current_academic_year();
}

bool academic_year_picker(app::Context& ctx, const char* id, int& year) {
  std::vector<std::string> years;
  const int now = current_academic_year();
  for (int y = now + 1; y >= now - 4; --y) years.push_back(std::to_string(y));
  int chosen = now + 1 - year;
  ImGui::AlignTextToFramePadding();
  widgets::text(ctx.tr(academic_year));
  ImGui::SameLine();
  if (!widgets::combo(id, std::to_string(year), years, chosen, 120)) return false;
  year = now + 1 - chosen;
  return true;
}

std::string lec_path(int year, const std::string& rest) { return "/api/v1/lec/" + std::to_string(year) + rest; }

std::string institution_route(const std::string& code, int year) {
  return app::route_string({"lec", "inst", code}, {{"year", std::to_string(year)}});
}

std::string org_route(const std::string& code, int year) {
  return app::route_string({"lec", "org", code}, {{"year", std::to_string(year)}});
}

std::string state_label(domain::NodeState s, ui::Language language) {
  return std::string(language == ui::Language::th ? domain::label_th(s) : domain::label_en(s));
}

std::string deadline_text(const std::optional<domain::Date>& deadline, const std::optional<std::int64_t>& days_left,
                          ui::Language language) {
  if (!deadline) return {};
  std::string s = language == ui::Language::th ? domain::format_thai_date_short(*deadline) : domain::to_iso(*deadline);
  if (days_left)
    s += " (" + (language == ui::Language::th ? domain::days_left_th(*days_left) : domain::days_left_en(*days_left)) + ")";
  return s;
}

std::string level_name(domain::Level level, ui::Language language) {
  const auto& i = domain::info(level);
  return std::string(language == ui::Language::th ? i.short_th : i.name_en);
}

void draw_counts(app::Context& ctx, const std::string& id, const wire::Counts& counts) {
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter;
  // Two pairs of columns on a wide screen, one pair on a phone.
  const int pairs = ImGui::GetContentRegionAvail().x > 500 ? 2 : 1;
  if (ImGui::BeginTable(("###" + id).c_str(), 2 * pairs, flags)) {
    for (int p = 0; p < pairs; ++p) {
      widgets::table_column(ctx.tr(column_level));
      widgets::table_column(ctx.tr(column_count), 70);
    }
    ImGui::TableHeadersRow();
    int col = 0;
    for (const auto& l : domain::levels()) {
      const std::int64_t n = counts.levels[l.level];
      if (n == 0) continue;
      if (col % (2 * pairs) == 0) ImGui::TableNextRow();
      ImGui::TableNextColumn();
      widgets::text_wrapped(level_name(l.level, ctx.language));
      ImGui::TableNextColumn();
      widgets::text_wrapped(std::to_string(n));
      test_hook::record_item(id + "." + std::string(l.id), "text", level_name(l.level, ctx.language), std::to_string(n));
      col += 2;
    }
    ImGui::EndTable();
  }
  const std::string line = std::string(ctx.tr(total)) + " " + std::to_string(counts.total) + "  ·  " +
                           std::string(ctx.tr(lunch)) + " " + std::to_string(counts.lunch) + "  ·  " +
                           std::string(ctx.tr(milk)) + " " + std::to_string(counts.milk);
  widgets::text_wrapped(line);
  if (counts.lunch_baht || counts.milk_baht)
    text_colored_wrapped(style::muted_text, std::to_string(counts.lunch_baht + counts.milk_baht) + " " +
                                                 std::string(ctx.tr(baht)));
  test_hook::record_item(id, "text", line,
                         "total=" + std::to_string(counts.total) + " lunch=" + std::to_string(counts.lunch) +
                             " milk=" + std::to_string(counts.milk));
}

void draw_org_refs(app::Context& ctx, const std::string& id, std::string_view title,
                   const std::vector<wire::OrgRef>& refs, bool warning) {
  if (refs.empty()) return;
  std::string codes, names;
  for (const auto& r : refs) {
    codes += (codes.empty() ? "" : ",") + r.code;
    names += "\n• " + r.name_th + " (" + r.code + ")";
  }
  style::banner(warning ? style::banner_warning_bg : style::banner_info_bg,
                warning ? style::banner_warning_text : style::banner_info_text, [&] {
                  widgets::text_wrapped(std::string(title) + names);
                });
  test_hook::record_item(id, "list", std::string(title) + names, codes);
  (void)ctx;
}

void ConfirmBar::reset() {
  sending_ = false;
  blocked_.clear();
  voided_.clear();
  errors_.clear();
  pending_.reset();
}

void ConfirmBar::draw(app::Context& ctx, const std::string& id, int year, const wire::ProgressNode& node,
                      bool may_confirm, std::function<void()> changed) {
  const bool confirmed = node.confirmed;
  const std::string state = confirmed ? std::string(ctx.tr(ui::text::lec::confirmed)) + " · " +
                                            std::string(ctx.tr(ui::text::lec::confirmed_by)) + " " + node.confirmed_by +
                                            " " + node.confirmed_at
                                      : std::string(ctx.tr(not_confirmed));
  text_colored_wrapped(confirmed ? style::brand : style::banner_warning_text, state);
  test_hook::record_item(id + ".state", "text", state, confirmed ? "confirmed" : "not_confirmed");
  if (!may_confirm) return;
  const std::string path = lec_path(year, "/confirmations/" + node.code);
  auto done = [this, changed](const api::Reply& r) {
    sending_ = false;
    if (!r.ok()) {
      errors_.take(r);
      blocked_ = wire::blocked_by_of(r.body);
      return;
    }
    voided_ = wire::voided_of(r.body);
    changed();
  };
  if (sending_) {
    text_colored_wrapped(style::muted_text, ctx.tr(working));
  } else if (confirmed) {
    if (widgets::button((id + ".withdraw").c_str(), ctx.tr(withdraw))) {
      sending_ = true;
      errors_.clear();
      blocked_.clear();
      ctx.api.del(path, pending_.guard(done));
    }
  } else if (widgets::primary_button((id + ".confirm").c_str(), ctx.tr(confirm_data))) {
    errors_.clear();
    ctx.confirm.ask(ui::confirm::confirm_lec_data(ctx.language, node.name_th), [this, &ctx, path, done] {
      sending_ = true;
      blocked_.clear();
      ctx.api.post(path, nlohmann::json::object(), pending_.guard(done));
    });
  }
  widgets::error_banner((id + ".error").c_str(), errors_.general(), ctx.language);
  draw_org_refs(ctx, id + ".blocked", ctx.tr(blocked_by), blocked_, true);
  draw_org_refs(ctx, id + ".voided", ctx.tr(voided_title), voided_, true);
}

}  // namespace lec_screens
