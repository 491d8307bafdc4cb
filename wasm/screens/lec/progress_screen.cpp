#include "wasm/screens/lec/progress_screen.hpp"

#include <imgui.h>

#include "shared/ui/confirmations.hpp"
#include "shared/ui/strings_lec.hpp"
#include "wasm/app/context.hpp"
#include "wasm/app/style.hpp"
#include "wasm/widgets/test_hook.hpp"
#include "wasm/widgets/widgets.hpp"

namespace lec_screens {

using namespace ui::text::lec;

namespace {

bool holds_on(const app::User* user, domain::Permission p, const std::string& code) {
  if (!user) return false;
  for (const auto& g : user->grants)
    if (g.permission == p && g.org_code == code) return true;
  return false;
}

}  // namespace

void ProgressScreen::open(app::Context& ctx, const app::Route& route) {
  year_ = route_academic_year(route);
  code_ = route.param(0);
  notice_.clear();
  remind_sending_ = false;
  remind_pending_.reset();
  confirm_.reset();
  errors_.clear();
  progress_.reset();
  load(ctx);
}

void ProgressScreen::load(app::Context& ctx) {
  pending_.reset();
  loading_ = true;
  failed_ = stale_ = false;
  const bool first = !progress_;
  ctx.api.get(lec_path(year_, "/progress?org=" + code_), pending_.guard([this, &ctx, first](const api::Reply& r) {
    loading_ = false;
    if (errors_.take(r)) {
      failed_ = true;
      return;
    }
    auto p = wire::parse_progress(r.body);
    if (!p) {
      failed_ = true;
      errors_.set(p.error());
      return;
    }
    errors_.clear("");
    progress_ = std::move(p.value());
    if (!first) return;
    const auto kind = progress_->node.kind;
    if (kind == domain::OrgKind::local_government)
      funded_.start(ctx, year_, code_, progress_->below.empty() ? std::string() : progress_->below.front().code);
    if (kind == domain::OrgKind::department) deadlines_.start(ctx, year_);
    if (kind == domain::OrgKind::province || kind == domain::OrgKind::department) spot_checks_.start(ctx, year_, code_);
  }));
}

void ProgressScreen::draw(app::Context& ctx) {
  const TouchSize touch;
  if (stale_) load(ctx);
  const std::string name = progress_ ? progress_->node.name_th : code_;
  heading_wrapped(std::string(ctx.tr(progress_title)) + ": " + name, ctx.fonts.title);
  widgets::help_link("lecp.help", "lec", ctx.language);
  if (int year = year_; academic_year_picker(ctx, "lecp.year", year)) return ctx.nav.go(org_route(code_, year));
  if (!notice_.empty()) {
    text_colored_wrapped(style::brand, notice_);
    test_hook::record_item("lecp.notice", "text", notice_);
  }
  widgets::error_banner("lecp.error", errors_.general(), ctx.language);
  if (!progress_) {
    if (loading_) return text_colored_wrapped(style::muted_text, ctx.tr(loading));
    text_colored_wrapped(style::banner_error_text, ctx.tr(load_failed));
    if (widgets::button("lecp.retry", ctx.tr(ui::text::retry))) load(ctx);
    return;
  }
  const auto& n = progress_->node;
  const app::User* user = ctx.session.user();
  if (funded_.editing())
    return funded_.draw(ctx, holds_on(user, domain::Permission::children_edit, code_), [this, &ctx] { load(ctx); });
  const std::string dl = deadline_text(n.deadline, n.days_left, ctx.language);
  if (!dl.empty()) {
    widgets::text_wrapped(std::string(ctx.tr(deadline)) + ": " + dl);
    test_hook::record_item("lecp.deadline", "text", dl, n.days_left ? std::to_string(*n.days_left) : "");
  }
  const std::string done = std::string(ctx.tr(column_done)) + ": " + std::to_string(n.done) + "/" + std::to_string(n.total);
  widgets::text_wrapped(done);
  test_hook::record_item("lecp.done", "text", done, std::to_string(n.done) + "/" + std::to_string(n.total));
  confirm_.draw(ctx, "lecp.confirmation", year_, n, user && user->can(domain::Permission::data_confirm),
                [this, &ctx] { load(ctx); });
  draw_org_refs(ctx, "lecp.blocked", ctx.tr(blocked_by), n.blocked_by, false);
  if (n.kind != domain::OrgKind::institution && user && user->can(domain::Permission::data_confirm)) draw_remind(ctx);
  if (n.kind == domain::OrgKind::department) deadlines_.draw(ctx);
  if (n.kind == domain::OrgKind::province || n.kind == domain::OrgKind::department) spot_checks_.draw(ctx);

  ImGui::Spacing();
  heading_wrapped(ctx.tr(counts_title), ctx.fonts.title);
  draw_counts(ctx, "lecp.counts", n.counts);
  draw_downloads(ctx);
  ImGui::Spacing();
  draw_below(ctx);
  if (n.kind == domain::OrgKind::local_government) {
    ImGui::Spacing();
    funded_.draw(ctx, holds_on(user, domain::Permission::children_edit, code_), [this, &ctx] { load(ctx); });
  }
}

void ProgressScreen::draw_below(app::Context& ctx) {
  heading_wrapped(ctx.tr(column_node), ctx.fonts.title);
  if (progress_->below.empty()) return widgets::text_wrapped(ctx.tr(nothing_below));
  for (const auto& b : progress_->below) {
    const std::string id = "lecp.below." + b.code;
    ImGui::PushID(id.c_str());
    widgets::text_wrapped(b.name_th + " (" + b.code + ")");
    std::string line = state_label(b.state, ctx.language) + " · " + std::to_string(b.done) + "/" + std::to_string(b.total) +
                       " · " + std::string(ctx.tr(total)) + " " + std::to_string(b.counts.total);
    const std::string dl = deadline_text(b.deadline, b.days_left, ctx.language);
    if (!dl.empty()) line += " · " + std::string(ctx.tr(deadline)) + " " + dl;
    text_colored_wrapped(b.state == domain::NodeState::confirmed ? style::brand
                          : b.state == domain::NodeState::ready    ? style::muted_text
                                                                   : style::banner_warning_text,
                          line);
    if (!b.blocked_by.empty()) {
      std::string who;
      for (const auto& r : b.blocked_by) who += (who.empty() ? "" : ", ") + r.name_th;
      widgets::text_wrapped(std::string(ctx.tr(blocked_by)) + ": " + who);
    }
    test_hook::record_item(id, "row", b.name_th + " " + line, std::string(domain::to_string(b.state)));
    if (widgets::button((id + ".open").c_str(), ctx.tr(open_node)))
      ctx.nav.go(b.kind == domain::OrgKind::institution ? institution_route(b.code, year_) : org_route(b.code, year_));
    ImGui::Separator();
    ImGui::PopID();
  }
}

void ProgressScreen::draw_remind(app::Context& ctx) {
  if (remind_sending_) return text_colored_wrapped(style::muted_text, ctx.tr(working));
  if (!widgets::button("lecp.remind", ctx.tr(remind))) return;
  ctx.confirm.ask(ui::confirm::remind_unconfirmed(ctx.language, progress_->node.name_th), [this, &ctx] {
    remind_sending_ = true;
    ctx.api.post(lec_path(year_, "/reminders?org=" + code_), nlohmann::json::object(),
                 remind_pending_.guard([this, &ctx](const api::Reply& r) {
                   remind_sending_ = false;
                   if (errors_.take(r)) return;
                   std::int64_t sent = api::int_of(r.body, "sent", -1);
                   if (sent < 0) sent = api::int_of(r.body, "reminded", 0);
                   notice_ = std::string(ctx.tr(reminded)) + std::to_string(sent);
                 }));
  });
}

void ProgressScreen::draw_downloads(app::Context& ctx) {
  auto saved = [this, &ctx](const api::Reply& r, const std::string& as) {
    if (!errors_.take(r)) notice_ = std::string(ctx.tr(downloaded)) + as;
  };
  const std::string stem = "counts-" + std::to_string(year_) + "-" + code_;
  if (widgets::button("lecp.xlsx", ctx.tr(download_xlsx)))
    ctx.api.download(lec_path(year_, "/counts.xlsx?org=" + code_), stem + ".xlsx", saved);
  beside(ctx.tr(download_csv));
  if (widgets::button("lecp.csv", ctx.tr(download_csv)))
    ctx.api.download(lec_path(year_, "/counts.csv?org=" + code_), stem + ".csv", saved);
}

void LecHomeScreen::open(app::Context& ctx, const app::Route& route) {
  year_ = route_academic_year(route);
  code_.clear();
  // A notification's link: #/lec/<year>/progress/<code> (a voided confirmation) or
  // #/lec/<year>/children/<code> (a child moved out).
  if (route.params.size() == 3 && (route.param(1) == "progress" || route.param(1) == "children")) {
    if (auto y = domain::parse_academic_year(route.param(0))) year_ = y.value();
    code_ = route.param(2);
  }
  load(ctx);
}

// The node (the user's own, or the link's) decides the view: an institution its register, any other node its
// progress.
void LecHomeScreen::load(app::Context& ctx) {
  pending_.reset();
  failed_ = stale_ = false;
  errors_.clear();
  const app::User* user = ctx.session.user();
  if (!user) return;
  const std::string code = code_.empty() ? user->org_code : code_;
  ctx.api.get(lec_path(year_, "/progress?org=" + code), pending_.guard([this, &ctx, code](const api::Reply& r) {
    auto p = wire::parse_progress(r.body);
    if (!r.ok() || !p) {
      failed_ = true;
      if (!errors_.take(r)) errors_.set(p.error());
      return;
    }
    ctx.nav.go(p.value().node.kind == domain::OrgKind::institution ? institution_route(code, year_)
                                                                    : org_route(code, year_));
  }));
}

void LecHomeScreen::draw(app::Context& ctx) {
  const TouchSize touch;
  if (stale_) load(ctx);
  heading_wrapped(ctx.tr(nav_lec), ctx.fonts.title);
  widgets::help_link("lec.help", "lec", ctx.language);
  if (!failed_) return text_colored_wrapped(style::muted_text, ctx.tr(loading));
  widgets::error_banner("lec.error", errors_.general(), ctx.language);
  if (widgets::button("lec.retry", ctx.tr(ui::text::retry))) load(ctx);
}

}  // namespace lec_screens
