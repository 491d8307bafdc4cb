#include <imgui.h>

#include "shared/ui/strings_lec.hpp"
#include "wasm/app/context.hpp"
#include "wasm/app/style.hpp"
#include "wasm/screens/lec/child_form.hpp"
#include "wasm/screens/lec/lec_common.hpp"
#include "wasm/screens/lec/org_panels.hpp"
#include "wasm/widgets/test_hook.hpp"
#include "wasm/widgets/widgets.hpp"

namespace lec_screens {

using namespace ui::text::lec;
using nlohmann::json;

namespace {

struct Key {
  const char* key;
  const ui::Text& label;
};
const Key kKeys[] = {{"institution", deadline_institution},
                     {"local_government", deadline_lgo},
                     {"province", deadline_province},
                     {"department", deadline_department}};

}  // namespace

void DeadlinesPanel::start(app::Context& ctx, int year) {
  year_ = year;
  typed_.clear();
  errors_.clear();
  loaded_ = saved_ = saving_ = false;
  pending_.reset();
  ctx.api.get(lec_path(year, "/deadlines"), pending_.guard([this](const api::Reply& r) {
    loaded_ = true;
    if (!r.ok()) return;  // no round yet: empty fields
    const auto d = domain::lec_wire::parse_deadline_dates(r.body);
    const domain::RoundLevel levels[] = {domain::RoundLevel::institution, domain::RoundLevel::local_government,
                                         domain::RoundLevel::province, domain::RoundLevel::department};
    for (auto l : levels)
      if (auto date = d.of(l)) typed_[std::string(domain::to_string(l))] = domain::format_be_date(*date);
  }));
}

// Typed B.E., checked (and sent) as api.md's ISO dates with shared's rule.
void DeadlinesPanel::check() {
  errors_.clear();
  json body = json::object();
  for (const auto& k : kKeys) {
    const std::string& t = typed_[k.key];
    auto d = domain::parse_be_date(t);
    if (!t.empty() && !d) {
      errors_.set({"date_format", k.key, std::string(date_format.th), std::string(date_format.en)});
      body[k.key] = t;
    } else {
      body[k.key] = d ? domain::to_iso(d.value()) : std::string();
    }
  }
  if (!errors_.empty()) return;
  if (auto checked = domain::parse_deadlines(body, today()); !checked) errors_.set(checked.error());
}

void DeadlinesPanel::draw(app::Context& ctx) {
  if (!ImGui::CollapsingHeader(std::string(ctx.tr(deadlines_title)).append("###lecd").c_str())) return;
  if (!loaded_) return text_colored_wrapped(style::muted_text, ctx.tr(loading));
  for (const auto& k : kKeys) {
    const std::string id = std::string("lecd.") + k.key;
    if (widgets::field(id.c_str(), ctx.tr(k.label), typed_[k.key], errors_.of(k.key), ctx.language, widgets::Field::text, 220)
            .changed) {
      saved_ = false;
      check();
    }
  }
  widgets::error_banner("lecd.error", errors_.general({"institution", "local_government", "province", "department"}),
                        ctx.language);
  if (widgets::primary_button("lecd.save", ctx.tr(deadlines_save), !saving_)) {
    check();
    if (errors_.empty()) {
      json body = json::object();
      for (const auto& k : kKeys) body[k.key] = domain::to_iso(domain::parse_be_date(typed_[k.key]).value());
      saving_ = true;
      ctx.api.put(lec_path(year_, "/deadlines"), body, pending_.guard([this](const api::Reply& r) {
        saving_ = false;
        saved_ = !errors_.take(r);
      }));
    }
  }
  if (saved_) {
    text_colored_wrapped(style::brand, ctx.tr(deadlines_saved));
    test_hook::record_item("lecd.saved", "text", std::string(ctx.tr(deadlines_saved)));
  }
}

}  // namespace lec_screens
