#include "wasm/screens/lec/centre_panel.hpp"

#include <imgui.h>

#include <cstdio>

#include "shared/core/text.hpp"
#include "shared/lec/centre_profile.hpp"
#include "shared/ui/strings_lec.hpp"
#include "shared/ui/strings_lec_centre.hpp"
#include "wasm/app/context.hpp"
#include "wasm/app/style.hpp"
#include "wasm/screens/lec/lec_common.hpp"
#include "wasm/widgets/test_hook.hpp"
#include "wasm/widgets/widgets.hpp"

namespace lec_screens {

using namespace ui::text::lec_centre;
using nlohmann::json;

namespace {

struct Key {
  const char* key;
  const ui::Text& label;
};
const Key kKeys[] = {{"teachers", teachers}, {"carers", carers},         {"rooms", rooms},
                     {"min_age_months", min_age}, {"max_age_months", max_age}, {"capacity", capacity}};

}  // namespace

void CentrePanel::start(app::Context& ctx, int year, const std::string& code) {
  year_ = year;
  code_ = code;
  typed_.clear();
  errors_.clear();
  per_carer_.reset();
  loaded_ = saved_ = saving_ = false;
  pending_.reset();
  ctx.api.get(lec_path(year, "/institutions/" + code + "/centre"), pending_.guard([this](const api::Reply& r) {
    loaded_ = true;
    if (errors_.take(r)) return;
    const auto& p = r.body.value("profile", json());
    if (p.is_object())
      for (const auto& k : kKeys)
        if (p.contains(k.key) && p[k.key].is_number_integer()) typed_[k.key] = std::to_string(p[k.key].get<int>());
    if (r.body.contains("children_per_carer") && r.body["children_per_carer"].is_number())
      per_carer_ = r.body["children_per_carer"].get<double>();
  }));
}

json CentrePanel::body() const {
  json b = json::object();
  for (const auto& k : kKeys) {
    const auto it = typed_.find(k.key);
    const std::string t = it == typed_.end() ? std::string() : domain::to_ascii_digits(domain::trim(it->second));
    if (t.empty()) continue;  // missing: the rule says "required"
    if (domain::is_ascii_digits(t) && t.size() < 6) b[k.key] = std::stoi(t);
    else b[k.key] = t;  // the rule names it: a whole number is needed
  }
  return b;
}

void CentrePanel::check() {
  errors_.clear();
  if (auto p = domain::parse_centre_profile(body()); !p) errors_.set(p.error());
}

void CentrePanel::draw(app::Context& ctx, bool editable,
                       const std::function<void(const std::vector<domain::lec_wire::OrgRef>&)>& voided) {
  // A button rather than a collapsing header: a 44 px touch target the test hook knows.
  if (widgets::choice("lecc.open", ctx.tr(title), open_)) open_ = !open_;
  if (!open_) return;
  if (!loaded_) return text_colored_wrapped(style::muted_text, ctx.tr(ui::text::lec::loading));
  if (typed_.empty() && !editable) return widgets::text_wrapped(ctx.tr(none_yet));
  for (const auto& k : kKeys) {
    const std::string id = std::string("lecc.") + k.key;
    if (!editable) {
      widgets::text_wrapped(std::string(ctx.tr(k.label)) + ": " + typed_[k.key]);
      continue;
    }
    if (widgets::field(id.c_str(), ctx.tr(k.label), typed_[k.key], errors_.of(k.key), ctx.language,
                       widgets::Field::text, 160)
            .changed) {
      saved_ = false;
      check();
    }
  }
  if (per_carer_) {
    char figure[32];
    std::snprintf(figure, sizeof figure, "%.1f", *per_carer_);
    std::string text = std::string(ctx.tr(per_carer)) + figure;
    if (*per_carer_ > domain::kMaxChildrenPerCarer)
      text += std::string(ctx.tr(over_standard)) + std::to_string(domain::kMaxChildrenPerCarer) + ")";
    widgets::text_wrapped(text);
    test_hook::record_item("lecc.per_carer", "text", text, figure);
  }
  if (!editable) return;
  widgets::error_banner("lecc.error", errors_.general({"teachers", "carers", "rooms", "min_age_months", "max_age_months",
                                                       "capacity"}),
                        ctx.language);
  if (widgets::primary_button("lecc.save", ctx.tr(save), !saving_)) {
    check();
    if (errors_.empty()) {
      saving_ = true;
      ctx.api.put(lec_path(year_, "/institutions/" + code_ + "/centre"), body(),
                  pending_.guard([this, &ctx, voided](const api::Reply& r) {
                    saving_ = false;
                    saved_ = !errors_.take(r);
                    if (!saved_) return;
                    voided(domain::lec_wire::voided_of(r.body));
                    start(ctx, year_, code_);  // the ratio of children per carer, as the server counts it
                    saved_ = true;
                  }));
    }
  }
  if (saved_) {
    text_colored_wrapped(style::brand, ctx.tr(ui::text::lec_centre::saved));
    test_hook::record_item("lecc.saved", "text", std::string(ctx.tr(ui::text::lec_centre::saved)));
  }
}

}  // namespace lec_screens
