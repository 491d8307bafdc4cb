#include "wasm/screens/lec/register_screen.hpp"

#include <imgui.h>

#include "shared/core/text.hpp"
#include "shared/ui/confirmations.hpp"
#include "shared/ui/strings_lec.hpp"
#include "shared/ui/strings_lec_register.hpp"
#include "wasm/app/context.hpp"
#include "wasm/app/style.hpp"
#include "wasm/widgets/test_hook.hpp"
#include "wasm/widgets/widgets.hpp"

namespace lec_screens {

using namespace ui::text::lec_register;
namespace lec = ui::text::lec;

namespace {

bool contains_text(const std::string& hay, const std::string& needle) {
  return needle.empty() || hay.find(needle) != std::string::npos;
}

std::string reason_name(const std::optional<domain::RemovalReason>& r, ui::Language lang) {
  if (!r) return {};
  const auto& i = domain::info(*r);
  return std::string(lang == ui::Language::th ? i.name_th : i.name_en);
}

}  // namespace

void RegisterScreen::open(app::Context& ctx, const app::Route& route) {
  year_ = route_academic_year(route);
  code_ = route.param(0);
  tab_ = route.get("tab") == "removed" ? "removed" : "attending";
  query_.clear();
  notice_.clear();
  level_filter_ = 0;
  revealed_.clear();
  voided_.clear();
  removing_.reset();
  roll_ = Roll::idle;
  rolled_.clear();
  rolled_elsewhere_.clear();
  form_ = {};
  import_ = {};
  centre_ = {};
  centre_started_ = false;
  confirm_.reset();
  errors_.clear();
  action_pending_.reset();
  const app::User* user = ctx.session.user();
  editable_ = false;
  if (user)
    for (const auto& g : user->grants)
      editable_ |= g.permission == domain::Permission::children_edit && g.org_code == code_;
  load(ctx);
}

void RegisterScreen::load(app::Context& ctx) {
  pending_.reset();
  loading_ = true;
  failed_ = stale_ = false;
  // The node (name, confirmation, counts) and the list, together.
  auto waiting = std::make_shared<int>(2);
  auto finish = [this, waiting](const api::Reply& r) {
    if (!r.ok()) {
      failed_ = true;
      errors_.take(r);
    }
    if (--*waiting == 0) loading_ = false;
  };
  ctx.api.get(lec_path(year_, "/progress?org=" + code_), pending_.guard([this, &ctx, finish](const api::Reply& r) {
    if (r.ok()) {
      auto p = wire::parse_progress(r.body);
      if (p) node_ = p.value();
      else errors_.set(p.error());
      // A centre also records its basic data (once per opening: a reload keeps what is typed).
      if (p && !centre_started_ && domain::institution_type_from_name(node_->node.name_th) ==
                                       domain::InstitutionType::child_development_centre) {
        centre_started_ = true;
        centre_.start(ctx, year_, code_);
      }
    }
    finish(r);
  }));
  ctx.api.get(lec_path(year_, "/institutions/" + code_ + "/children?status=" + tab_),
              pending_.guard([this, finish](const api::Reply& r) {
                if (r.ok()) {
                  auto list = wire::parse_children(r.body);
                  if (list) children_ = std::move(list.value());
                  else errors_.set(list.error());
                }
                finish(r);
              }));
}

void RegisterScreen::changed(app::Context& ctx, const std::vector<wire::OrgRef>& voided) {
  voided_ = voided;
  load(ctx);
}

bool RegisterScreen::shown(const wire::ChildRow& c) const {
  if (level_filter_ > 0 && c.level != domain::levels()[level_filter_ - 1].level) return false;
  return contains_text(c.full_name() + " " + c.id_masked + " " + c.room, query_);
}

void RegisterScreen::draw(app::Context& ctx) {
  const TouchSize touch;
  if (stale_) load(ctx);
  const domain::InstitutionType type =
      domain::institution_type_from_name(node_ ? node_->node.name_th : std::string());
  if (form_.draw(ctx, [this, &ctx](const std::vector<wire::OrgRef>& v) {
        notice_ = std::string(ctx.tr(saved));
        changed(ctx, v);
      }))
    return;
  if (import_.draw(ctx, [this, &ctx](const std::vector<wire::OrgRef>& v) { changed(ctx, v); })) return;
  draw_header(ctx);
  if (removing_) return draw_remove(ctx);
  if (editable_) {
    if (widgets::primary_button("lecr.add", ctx.tr(add_child))) form_.start(year_, code_, type, nullptr);
    beside(ctx.tr(import_file));
    if (widgets::button("lecr.import", ctx.tr(import_file))) import_.start(year_, code_);
    draw_rollover(ctx);
  }
  draw_list(ctx);
}

void RegisterScreen::draw_header(app::Context& ctx) {
  const std::string name = node_ ? node_->node.name_th : code_;
  heading_wrapped(std::string(ctx.tr(title)) + ": " + name, ctx.fonts.title);
  widgets::help_link("lecr.help", "lec", ctx.language);
  if (int year = year_; academic_year_picker(ctx, "lecr.year", year)) {
    ctx.nav.go(institution_route(code_, year));
    return;
  }
  if (!editable_) text_colored_wrapped(style::muted_text, ctx.tr(read_only));
  if (node_) {
    const auto& n = node_->node;
    const std::string dl = deadline_text(n.deadline, n.days_left, ctx.language);
    if (!dl.empty()) {
      widgets::text_wrapped(std::string(ctx.tr(lec::deadline)) + ": " + dl);
      test_hook::record_item("lecr.deadline", "text", dl, n.days_left ? std::to_string(*n.days_left) : "");
    }
    confirm_.draw(ctx, "lecr.confirmation", year_, n,
                  ctx.session.user() && ctx.session.user()->can(domain::Permission::data_confirm),
                  [this, &ctx] { load(ctx); });
    if (ImGui::CollapsingHeader(std::string(ctx.tr(lec::counts_title)).append("###lecr.counts").c_str()))
      draw_counts(ctx, "lecr.counts", n.counts);
    if (centre_started_) centre_.draw(ctx, editable_, [this, &ctx](const std::vector<wire::OrgRef>& v) { changed(ctx, v); });
  }
  draw_org_refs(ctx, "lecr.voided", ctx.tr(lec::voided_title), voided_, true);
  if (!notice_.empty()) {
    text_colored_wrapped(style::brand, notice_);
    test_hook::record_item("lecr.notice", "text", notice_);
  }
  widgets::error_banner("lecr.error", errors_.general(), ctx.language);
}

void RegisterScreen::draw_list(app::Context& ctx) {
  if (widgets::choice("lecr.tab.attending", ctx.tr(tab_attending), tab_ == "attending") && tab_ != "attending")
    ctx.nav.go(institution_route(code_, year_));
  beside(ctx.tr(tab_removed));
  if (widgets::choice("lecr.tab.removed", ctx.tr(tab_removed), tab_ == "removed") && tab_ != "removed")
    ctx.nav.go(app::route_string({"lec", "inst", code_}, {{"year", std::to_string(year_)}, {"tab", "removed"}}));
  widgets::input_text("lecr.search", ctx.tr(search), query_, std::min(ImGui::GetContentRegionAvail().x, 320.0f));
  std::vector<std::string> levels{std::string(ctx.tr(all_levels))};
  for (const auto& l : domain::levels()) levels.push_back(level_name(l.level, ctx.language));
  widgets::combo("lecr.level", ctx.tr(all_levels), levels, level_filter_, 160);
  beside(ctx.tr(class_list));
  if (widgets::button("lecr.class_list", ctx.tr(class_list))) {
    std::string path = lec_path(year_, "/institutions/" + code_ + "/class-list.pdf");
    if (level_filter_ > 0) path += "?level=" + std::string(domain::levels()[level_filter_ - 1].id);
    ctx.api.download(path, "class-list-" + code_ + ".pdf", [this, &ctx](const api::Reply& r, const std::string& as) {
      if (!errors_.take(r)) notice_ = std::string(ctx.tr(lec::downloaded)) + as;
    });
  }

  if (loading_) return text_colored_wrapped(style::muted_text, ctx.tr(lec::loading));
  if (failed_) {
    text_colored_wrapped(style::banner_error_text, ctx.tr(lec::load_failed));
    if (widgets::button("lecr.retry", ctx.tr(ui::text::retry))) load(ctx);
    return;
  }
  int count = 0;
  for (const auto& c : children_) count += shown(c);
  const std::string head = std::string(ctx.tr(children_shown)) + std::to_string(count);
  text_colored_wrapped(style::muted_text, head);
  test_hook::record_item("lecr.count", "text", head, std::to_string(count));
  if (count == 0) return widgets::text_wrapped(ctx.tr(no_children));

  ImGui::BeginChild("###lecr.list", ImVec2(0, 0), false);
  for (const auto& c : children_) {
    if (!shown(c)) continue;
    const std::string id = "lecr.child." + std::to_string(c.id);
    ImGui::PushID(id.c_str());
    auto it = revealed_.find(c.id);
    const std::string id_text = it == revealed_.end() ? c.id_masked : it->second;
    std::string detail = id_text + " · " + level_name(c.level, ctx.language);
    if (!c.room.empty()) detail += "/" + c.room;
    if (c.birth_date)
      detail += " · " + (ctx.language == ui::Language::th ? domain::format_be_date(*c.birth_date) : domain::to_iso(*c.birth_date));
    if (c.removed) detail += " · " + reason_name(c.removed_reason, ctx.language);
    widgets::text_wrapped(c.full_name());
    text_colored_wrapped(style::muted_text, detail);
    test_hook::record_item(id, "row", c.full_name() + " " + detail, id_text);
    if (editable_) draw_row_actions(ctx, c);
    ImGui::Separator();
    ImGui::PopID();
  }
  ImGui::EndChild();
}

void RegisterScreen::draw_row_actions(app::Context& ctx, const wire::ChildRow& c) {
  const std::string id = "lecr.child." + std::to_string(c.id);
  const std::string base = lec_path(year_, "/institutions/" + code_ + "/children/" + std::to_string(c.id));
  const domain::InstitutionType type =
      domain::institution_type_from_name(node_ ? node_->node.name_th : std::string());
  if (!c.removed) {
    if (widgets::button((id + ".edit").c_str(), ctx.tr(edit))) form_.start(year_, code_, type, &c);
    beside(ctx.tr(ui::text::lec_register::remove));
    if (widgets::button((id + ".remove").c_str(), ctx.tr(ui::text::lec_register::remove))) {
      removing_ = c;
      reason_ = -1;
      note_.clear();
      errors_.clear();
    }
    beside(ctx.tr(reveal));
  } else {
    if (widgets::button((id + ".restore").c_str(), ctx.tr(restore)))
      ctx.api.post(base + "/restore", nlohmann::json::object(), action_pending_.guard([this, &ctx](const api::Reply& r) {
        if (!errors_.take(r)) changed(ctx, wire::voided_of(r.body));
      }));
    beside(ctx.tr(reveal));
  }
  if (!revealed_.count(c.id) && widgets::button((id + ".reveal").c_str(), ctx.tr(reveal))) {
    const std::int64_t child = c.id;
    ctx.api.post(base + "/reveal", nlohmann::json::object(), action_pending_.guard([this, child](const api::Reply& r) {
      if (errors_.take(r)) return;
      std::string value = api::text_of(r.body, "id_number");
      if (value.empty()) value = api::text_of(r.body, "id");
      revealed_[child] = value;
    }));
  }
}

void RegisterScreen::draw_remove(app::Context& ctx) {
  widgets::text_wrapped(std::string(ctx.tr(remove_title)) + removing_->full_name() + " (" + removing_->id_masked + ")");
  std::vector<std::string> reasons;
  for (const auto& r : domain::removal_reasons())
    reasons.emplace_back(ctx.language == ui::Language::th ? r.name_th : r.name_en);
  widgets::text_wrapped(ctx.tr(reason));
  if (widgets::combo("lecr.remove.reason", ctx.tr(choose_reason), reasons, reason_, 260)) errors_.clear("reason");
  widgets::field_error("lecr.remove.reason", errors_.of("reason"), ctx.language);
  widgets::field("lecr.remove.note", ctx.tr(note), note_, errors_.of("note"), ctx.language);
  widgets::error_banner("lecr.remove.error", errors_.general({"reason", "note"}), ctx.language);
  if (widgets::primary_button("lecr.remove.save", ctx.tr(ui::text::lec_register::remove))) {
    nlohmann::json body = {{"reason", reason_ < 0 ? "" : std::string(domain::removal_reasons()[reason_].id)},
                           {"note", note_}};
    if (auto checked = domain::parse_removal(body); !checked) {
      errors_.set(checked.error());
    } else {
      const std::string path = lec_path(year_, "/institutions/" + code_ + "/children/" +
                                                   std::to_string(removing_->id) + "/remove");
      ctx.api.post(path, body, action_pending_.guard([this, &ctx](const api::Reply& r) {
        if (errors_.take(r)) return;
        removing_.reset();
        changed(ctx, wire::voided_of(r.body));
      }));
    }
  }
  beside(ctx.tr(lec::cancel));
  if (widgets::button("lecr.remove.cancel", ctx.tr(lec::cancel))) removing_.reset();
}



void RegisterScreen::roll_over(app::Context& ctx) {
  roll_ = Roll::sending;
  ctx.api.post(lec_path(year_, "/institutions/" + code_ + "/rollover"), nlohmann::json::object(),
               action_pending_.guard([this, &ctx](const api::Reply& r) {
                 roll_ = Roll::idle;
                 if (errors_.take(r)) return;
                 auto size = [&](const char* k) {
                   const auto it = r.body.find(k);
                   if (it != r.body.end() && it->is_array()) return std::to_string(it->size());
                   return std::to_string(api::int_of(r.body, k, 0));
                 };
                 rolled_ = std::string(ctx.tr(moved_up)) + size("moved_up") + std::string(ctx.tr(graduated)) +
                           size("graduated") + std::string(ctx.tr(already)) + size("already");
                 rolled_elsewhere_.clear();
                 if (auto e = r.body.find("elsewhere"); e != r.body.end() && e->is_array())
                   for (const auto& c : *e)
                     rolled_elsewhere_.push_back(api::text_of(c, "first_name") + " " + api::text_of(c, "last_name") +
                                                 " → " + api::text_of(c, "institution_name_th"));
                 changed(ctx, wire::voided_of(r.body));
               }));
}

void RegisterScreen::draw_rollover(app::Context& ctx) {
  if (roll_ == Roll::idle && rolled_.empty()) {
    beside(ctx.tr(rollover));
    if (widgets::button("lecr.rollover", ctx.tr(rollover))) {
      const std::string name = node_ ? node_->node.name_th : code_;
      ctx.confirm.ask(ui::confirm::rollover_register(ctx.language, name, year_), [this, &ctx] { roll_over(ctx); });
    }
    return;
  }
  if (roll_ == Roll::sending) return text_colored_wrapped(style::muted_text, ctx.tr(lec::working));
  style::banner(style::banner_info_bg, style::banner_info_text, [&] {
    widgets::text_wrapped(rolled_);
    if (!rolled_elsewhere_.empty()) widgets::text_wrapped(ctx.tr(elsewhere_skipped));
    for (const auto& line : rolled_elsewhere_) widgets::text_wrapped("• " + line);
  });
  test_hook::record_item("lecr.rolled", "text", rolled_);
}

}  // namespace lec_screens
