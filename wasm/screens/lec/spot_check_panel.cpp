#include "wasm/screens/lec/spot_check_panel.hpp"

#include <imgui.h>

#include "shared/lec/level.hpp"
#include "shared/ui/strings_lec.hpp"
#include "wasm/api/wire.hpp"
#include "wasm/app/context.hpp"
#include "wasm/app/style.hpp"
#include "wasm/screens/lec/lec_common.hpp"
#include "wasm/widgets/test_hook.hpp"
#include "wasm/widgets/widgets.hpp"

namespace lec_screens {

using namespace ui::text::lec;
using nlohmann::json;

namespace {

const json& items_of(const json& check) {
  static const json none = json::array();
  if (!check.is_object()) return none;
  const auto it = check.find("items");
  return it != check.end() && it->is_array() ? *it : none;
}

}  // namespace

void SpotCheckPanel::start(app::Context& ctx, int year, const std::string& org) {
  year_ = year;
  org_ = org;
  notes_.clear();
  errors_.clear();
  write_pending_.reset();
  load(ctx);
}

void SpotCheckPanel::load(app::Context& ctx) {
  pending_.reset();
  loading_ = true;
  ctx.api.get(lec_path(year_, "/spot-checks?org=" + org_), pending_.guard([this](const api::Reply& r) {
    loading_ = false;
    if (errors_.take(r)) return;
    checks_ = r.body.is_array() ? r.body : json::array();
    for (const auto& c : checks_)
      for (const auto& i : items_of(c))
        if (!notes_.count(api::int_of(i, "id"))) notes_[api::int_of(i, "id")] = api::text_of(i, "note");
  }));
}

void SpotCheckPanel::mark(app::Context& ctx, std::int64_t check, std::int64_t item, bool found) {
  const std::string path = lec_path(year_, "/spot-checks/" + std::to_string(check) + "/items/" + std::to_string(item));
  ctx.api.put(path, {{"found", found}, {"note", notes_[item]}}, write_pending_.guard([this, &ctx](const api::Reply& r) {
    if (!errors_.take(r)) load(ctx);
  }));
}

void SpotCheckPanel::draw(app::Context& ctx) {
  if (!ImGui::CollapsingHeader(std::string(ctx.tr(spot_title)).append("###lect").c_str())) return;
  if (drawing_) text_colored_wrapped(style::muted_text, ctx.tr(working));
  else if (widgets::button("lect.draw", ctx.tr(spot_draw))) {
    drawing_ = true;
    errors_.clear();
    ctx.api.post(lec_path(year_, "/spot-checks?org=" + org_), {{"institutions", 3}, {"children", 5}},
                 write_pending_.guard([this, &ctx](const api::Reply& r) {
                   drawing_ = false;
                   if (!errors_.take(r)) load(ctx);
                 }));
  }
  widgets::error_banner("lect.error", errors_.general({}), ctx.language);
  if (loading_ && checks_.empty()) return text_colored_wrapped(style::muted_text, ctx.tr(loading));
  if (checks_.empty()) return widgets::text_wrapped(ctx.tr(spot_none));
  // The newest check, item by item.
  const json& c = checks_[0];
  const std::int64_t check = api::int_of(c, "id");
  const std::string head = std::string(ctx.tr(spot_checked)) + std::to_string(api::int_of(c, "checked")) + "/" +
                           std::to_string(api::int_of(c, "total")) + " · " + ctx.when(api::text_of(c, "created_at"));
  widgets::text_wrapped(head);
  test_hook::record_item("lect.check." + std::to_string(check), "text", head,
                         std::to_string(api::int_of(c, "checked")) + "/" + std::to_string(api::int_of(c, "total")));
  std::string institution;
  for (const auto& i : items_of(c)) {
    const std::int64_t item = api::int_of(i, "id");
    const std::string id = "lect.item." + std::to_string(item);
    if (api::text_of(i, "institution_name_th") != institution) {
      institution = api::text_of(i, "institution_name_th");
      text_colored_wrapped(style::brand, institution + " (" + api::text_of(i, "institution_code") + ")");
    }
    ImGui::PushID(id.c_str());
    auto level = domain::parse_level(api::text_of(i, "level"));
    const std::string line = api::text_of(i, "title") + " " + api::text_of(i, "first_name") + " " +
                             api::text_of(i, "last_name") + " · " + api::text_of(i, "id_masked") + " · " +
                             (level ? level_name(level.value(), ctx.language) : std::string()) + " " +
                             api::text_of(i, "room");
    const auto found = i.find("found");
    const std::string state = found == i.end() || !found->is_boolean() ? "open" : found->get<bool>() ? "found" : "not_found";
    widgets::text_wrapped(line);
    test_hook::record_item(id, "row", line, state);
    widgets::input_text((id + ".note").c_str(), ctx.tr(spot_note), notes_[item],
                        std::min(ImGui::GetContentRegionAvail().x, 320.0f));
    if (widgets::choice((id + ".found").c_str(), ctx.tr(spot_found), state == "found")) mark(ctx, check, item, true);
    beside(ctx.tr(spot_not_found));
    if (widgets::choice((id + ".not_found").c_str(), ctx.tr(spot_not_found), state == "not_found"))
      mark(ctx, check, item, false);
    ImGui::Separator();
    ImGui::PopID();
  }
}

}  // namespace lec_screens
