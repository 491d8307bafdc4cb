#include <imgui.h>

#include "shared/core/text.hpp"
#include "shared/ui/strings_lec.hpp"
#include "wasm/api/wire.hpp"
#include "wasm/app/context.hpp"
#include "wasm/app/style.hpp"
#include "wasm/screens/lec/lec_common.hpp"
#include "wasm/screens/lec/org_panels.hpp"
#include "wasm/widgets/test_hook.hpp"
#include "wasm/widgets/widgets.hpp"

namespace lec_screens {

using namespace ui::text::lec;
using nlohmann::json;

void FundedPanel::start(app::Context& ctx, int year, const std::string& lgo_code, const std::string& some_institution) {
  year_ = year;
  lgo_ = lgo_code;
  editing_.clear();
  query_.clear();
  searched_.clear();
  found_ = json::array();
  voided_.clear();
  errors_.clear();
  save_pending_.reset();
  search_pending_.reset();
  province_.clear();
  // The directory knows the province of the LGO's institutions: the schools on offer are
  // the OBEC schools of that province.
  if (!some_institution.empty())
    ctx.api.get("/api/v1/institutions?" + api::query({{"code", some_institution}}),
                search_pending_.guard([this](const api::Reply& r) {
                  if (r.ok() && r.body.is_array() && !r.body.empty()) province_ = api::text_of(r.body[0], "province");
                }));
  load(ctx);
}

void FundedPanel::load(app::Context& ctx) {
  pending_.reset();
  loading_ = true;
  failed_ = false;
  ctx.api.get(lec_path(year_, "/funded-schools?org=" + lgo_), pending_.guard([this](const api::Reply& r) {
    loading_ = false;
    auto list = domain::lec_wire::parse_funded_schools(r.body);
    failed_ = !r.ok() || !list;
    if (!r.ok()) errors_.take(r);
    else if (!list) errors_.set(list.error());
    else schools_ = std::move(list.value());
  }));
}

void FundedPanel::save_list(app::Context& ctx, std::vector<std::string> codes, const std::function<void()>& changed) {
  saving_ = true;
  errors_.clear();
  ctx.api.put(lec_path(year_, "/funded-schools?org=" + lgo_), {{"school_codes", codes}},
              save_pending_.guard([this, &ctx, changed](const api::Reply& r) {
                saving_ = false;
                if (errors_.take(r)) return;
                voided_ = domain::lec_wire::voided_of(r.body);
                load(ctx);
                changed();
              }));
}

void FundedPanel::draw(app::Context& ctx, bool editable, const std::function<void()>& changed) {
  heading_wrapped(ctx.tr(funded_title), ctx.fonts.title);
  draw_org_refs(ctx, "lecs.voided", ctx.tr(voided_title), voided_, true);
  widgets::error_banner("lecs.error", errors_.general(), ctx.language);
  if (loading_) return text_colored_wrapped(style::muted_text, ctx.tr(loading));
  if (failed_) {
    if (widgets::button("lecs.retry", ctx.tr(ui::text::retry))) load(ctx);
    return;
  }
  if (!editing_.empty()) return draw_editor(ctx, changed);
  if (schools_.empty()) widgets::text_wrapped(ctx.tr(funded_none));
  for (const auto& s : schools_) {
    ImGui::PushID(s.code.c_str());
    const std::string state = s.closed ? std::string(ctx.tr(funded_closed))
                              : s.recorded ? std::string(ctx.tr(funded_recorded)) + " · " + std::string(ctx.tr(total)) +
                                                 " " + std::to_string(s.counts.total())
                                           : std::string(ctx.tr(funded_missing));
    widgets::text_wrapped(s.name_th + " (" + s.code + ")");
    text_colored_wrapped(s.recorded ? style::brand : style::banner_warning_text, state);
    test_hook::record_item("lecs.school." + s.code, "row", s.name_th + " " + state,
                           s.closed ? "closed" : s.recorded ? "recorded" : "missing");
    if (editable) {
      if (widgets::button(("lecs.edit." + s.code).c_str(), ctx.tr(funded_counts))) {
        editing_ = s.code;
        closed_ = s.closed;
        counts_.clear();
        for (const auto& l : domain::levels())
          if (domain::is_funded_school_level(l.level)) counts_[std::string(l.id)] = std::to_string(s.counts[l.level]);
        errors_.clear();
      }
      beside(ctx.tr(funded_remove));
      if (widgets::button(("lecs.remove." + s.code).c_str(), ctx.tr(funded_remove)) && !saving_) {
        std::vector<std::string> codes;
        for (const auto& o : schools_)
          if (o.code != s.code) codes.push_back(o.code);
        save_list(ctx, codes, changed);
      }
    }
    ImGui::Separator();
    ImGui::PopID();
  }
  if (editable) draw_search(ctx, changed);
}

void FundedPanel::draw_search(app::Context& ctx, const std::function<void()>& changed) {
  widgets::text_wrapped(ctx.tr(funded_add));
  const auto in = widgets::input_text("lecs.search", ctx.tr(funded_search), query_,
                                      std::min(ImGui::GetContentRegionAvail().x, 320.0f));
  if ((in.changed || in.submitted) && query_.size() >= 2 && query_ != searched_) {
    searched_ = query_;
    std::vector<std::pair<std::string, std::string>> q{{"q", query_}, {"affiliation", "obec"}};
    if (!province_.empty()) q.push_back({"province", province_});
    ctx.api.get("/api/v1/institutions?" + api::query(q), search_pending_.guard([this](const api::Reply& r) {
      found_ = r.ok() && r.body.is_array() ? r.body : json::array();
    }));
  }
  int shown = 0;
  for (const auto& f : found_) {
    const std::string code = api::text_of(f, "code");
    bool chosen = false;
    for (const auto& s : schools_) chosen |= s.code == code;
    if (chosen || ++shown > 8) continue;
    const std::string label = "+ " + api::text_of(f, "name_th") + " (" + code + ")";
    if (widgets::button(("lecs.found." + code).c_str(), label) && !saving_) {
      std::vector<std::string> codes;
      for (const auto& s : schools_) codes.push_back(s.code);
      codes.push_back(code);
      query_.clear();
      found_ = json::array();
      save_list(ctx, codes, changed);
    }
  }
}

void FundedPanel::draw_editor(app::Context& ctx, const std::function<void()>& changed) {
  std::string name = editing_;
  for (const auto& s : schools_)
    if (s.code == editing_) name = s.name_th;
  widgets::text_wrapped(std::string(ctx.tr(funded_counts)) + ": " + name);
  if (widgets::checkbox("lecs.closed", ctx.tr(funded_closed), closed_) && closed_)
    for (auto& [level, n] : counts_) n = "0";
  json body = json::object();
  for (const auto& l : domain::levels()) {
    if (!domain::is_funded_school_level(l.level)) continue;
    const std::string key(l.id);
    std::string& typed = counts_[key];
    const std::string field = "counts." + key;
    if (closed_) ImGui::BeginDisabled();
    widgets::field(("lecs.count." + key).c_str(), level_name(l.level, ctx.language), typed, errors_.of(field),
                   ctx.language, widgets::Field::text, 140);
    if (closed_) ImGui::EndDisabled();
    const std::string digits = domain::to_ascii_digits(typed);
    if (!digits.empty() && domain::is_ascii_digits(digits) && digits.size() < 10) body[key] = std::stoll(digits);
    else body[key] = typed;  // the rule names what is wrong with it
  }
  // As typed: shared's rule on the whole body, each problem under its level.
  for (const auto& l : domain::levels())
    if (domain::is_funded_school_level(l.level)) errors_.clear("counts." + std::string(l.id));
  auto checked = domain::parse_funded_counts(body);
  if (!checked) errors_.set(checked.error());
  if (widgets::primary_button("lecs.save", ctx.tr(save), !saving_ && checked.ok())) {
    saving_ = true;
    ctx.api.put(lec_path(year_, "/funded-schools/" + editing_ + "/counts?org=" + lgo_),
                {{"counts", body}, {"closed", closed_}}, save_pending_.guard([this, &ctx, changed](const api::Reply& r) {
                  saving_ = false;
                  if (errors_.take(r)) return;
                  voided_ = domain::lec_wire::voided_of(r.body);
                  editing_.clear();
                  load(ctx);
                  changed();
                }));
  }
  beside(ctx.tr(cancel));
  if (widgets::button("lecs.cancel", ctx.tr(cancel))) editing_.clear();
}

}  // namespace lec_screens
