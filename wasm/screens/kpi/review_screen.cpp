#include "wasm/screens/kpi/review_screen.hpp"

#include <imgui.h>

#include "shared/kpi/report_lifecycle.hpp"
#include "shared/ui/strings_kpi.hpp"
#include "shared/ui/strings_kpi_report.hpp"
#include "wasm/app/context.hpp"
#include "wasm/app/style.hpp"
#include "wasm/screens/kpi/kpi_about.hpp"
#include "wasm/widgets/test_hook.hpp"
#include "wasm/widgets/widgets.hpp"

namespace kpi_screens {

using namespace ui::text::kpi_report;
using domain::ReportAction;

void ReviewScreen::open(app::Context& ctx, const app::Route& route) {
  forget(route);
  score_.clear();
  comment_.clear();
  reason_.clear();
  notice_.clear();
  images_.clear();
  busy_ = done_ = false;
  load(ctx);
}

bool ReviewScreen::allows(int action) const {
  const auto s = domain::parse_report_status(report_.is_object() ? report_.value("status", "") : "");
  return s && domain::next_status(*s, static_cast<ReportAction>(action)).ok();
}

void ReviewScreen::act(app::Context& ctx, const std::string& method, const std::string& action,
                       std::optional<nlohmann::json> body) {
  busy_ = true;
  done_ = false;
  errors_.clear();
  api::Request request{method, key_.api_path() + action, std::move(body), {}};
  ctx.api.send(std::move(request), pending_.guard([this, &ctx](const api::Reply& r) {
                 busy_ = false;
                 if (errors_.take(r)) return;
                 done_ = true;
                 score_.clear();
                 comment_.clear();
                 reason_.clear();
                 load(ctx);
               }));
}

void ReviewScreen::draw(app::Context& ctx) {
  if (stale_) load(ctx);
  widgets::heading(ctx.tr(review_title), ctx.fonts.title);
  if (widgets::link("review.back", ctx.tr(back_to_queue))) return ctx.nav.go("#/kpi/queue");
  if (kpi_.is_object()) widgets::text_wrapped(kpi_.value("number", "") + " " + kpi_.value("name", ""));
  widgets::text_wrapped(std::string(ctx.tr(unit)) + ": " + unit_name(report_, key_) + " — " +
                        period_name(kpi_, key_.period, ctx.language));
  draw_kpi_about(ctx, "review.kpi", kpi_, notice_);
  if (loading_ && !report_.is_object()) return widgets::text_colored(style::muted_text, ctx.tr(ui::text::kpi::loading));
  if (failed_ || !report_.is_object()) {
    widgets::error_banner("review.error", errors_.general(), ctx.language);
    widgets::text(ctx.tr(ui::text::kpi::load_failed));
    return;
  }
  const std::string status = report_.value("status", "");
  const std::string state = std::string(ctx.tr(ui::text::kpi_report::status)) + ": " + status_label(status, ctx.language);
  widgets::text(state);
  test_hook::record_item("review.status", "text", state, status);
  widgets::text(std::string(ctx.tr(self_score)) + ": " + score_text(report_["self_score"]) + " — " +
                report_.value("reporter", ""));
  if (status == "reviewed")
    widgets::text(std::string(ctx.tr(review_result)) + " " + score_text(report_["review_score"]) + " — " +
                  report_.value("reviewer", ""));
  if (status == "returned")
    widgets::text_wrapped(std::string(ctx.tr(returned_reason)) + " " + report_.value("return_reason", ""));
  ImGui::Separator();
  widgets::text_wrapped(ctx.tr(evidence));
  draw_evidence_list(ctx, "review.files", report_["files"], notice_, &images_);
  ImGui::Separator();

  if (done_) widgets::text_colored(style::muted_text, ctx.tr(review_done));
  if (allows(static_cast<int>(ReportAction::review))) {
    const std::string label = std::string(ctx.tr(review_score)) + " " + range_text(type_, ctx.language);
    if (widgets::field("review.score", label, score_, errors_.of("score"), ctx.language, widgets::Field::text, 160).changed)
      errors_.clear("score");
    widgets::text(ctx.tr(review_comment));
    widgets::multiline("review.comment", ctx.tr(review_comment), comment_, ImVec2(0, 60));
    widgets::field_error("review.comment", errors_.of("comment"), ctx.language);
    if (widgets::primary_button("review.submit", ctx.tr(give_score), !busy_)) {
      // Shared's rule first: the error goes under its field without a round trip.
      const nlohmann::json body = {{"score", score_}, {"comment", comment_}};
      auto review = domain::parse_review(type_, body);
      if (!review) errors_.set(review.error());
      else act(ctx, "POST", "/review", nlohmann::json{{"score", review.value().score}, {"comment", review.value().comment}});
    }
    ImGui::Spacing();
    widgets::field("review.reason", ctx.tr(return_reason), reason_, errors_.of("reason"), ctx.language);
    if (widgets::button("review.return", ctx.tr(return_report)) && !busy_) {
      auto reason = domain::parse_return_reason({{"reason", reason_}});
      if (!reason) errors_.set(reason.error());
      else act(ctx, "POST", "/return", nlohmann::json{{"reason", reason.value()}});
    }
  }
  if (allows(static_cast<int>(ReportAction::cancel_review)) && widgets::button("review.cancel", ctx.tr(cancel_review)) &&
      !busy_)
    act(ctx, "DELETE", "/review", std::nullopt);
  widgets::error_banner("review.error", errors_.general({"score", "comment", "reason"}), ctx.language);
  ImGui::Separator();
  thread_.draw(ctx, "review.comment_thread", report_["comments"], key_, [this, &ctx] { load(ctx); });
}

}  // namespace kpi_screens
