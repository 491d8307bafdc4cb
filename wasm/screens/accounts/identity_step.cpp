#include "wasm/screens/accounts/identity_step.hpp"

#include "shared/ui/strings_client.hpp"
#include "shared/ui/strings_identity.hpp"
#include "wasm/app/style.hpp"
#include "wasm/platform/platform.hpp"
#include "wasm/widgets/test_hook.hpp"
#include "wasm/widgets/widgets.hpp"

namespace accounts {

using namespace ui::text;

void IdentityStep::reset() {
  token_.clear();
  proved_.reset();
  errors_.clear();
  proof_pending_.reset();
  checking_ = false;
}

void IdentityStep::set_next(std::string_view route) {
  if (!route.empty() && route[0] == '#') route.remove_prefix(1);
  auto next = domain::parse_next_route(route, purpose_);
  next_ = next ? next.value() : domain::parse_next_route("", purpose_).value();
}

void IdentityStep::open(app::Context& ctx, const app::Route& route) {
  if (!providers_loaded_) {
    ctx.api.get("/api/v1/auth/providers", providers_pending_.guard([this](const api::Reply& r) {
      if (r.ok()) providers_ = domain::parse_provider_choices(r.body);
      providers_loaded_ = true;
    }));
  }
  const std::string token = route.get("identity_token");
  if (token.empty() || token == token_) return;
  reset();
  token_ = token;
  checking_ = true;
  ctx.api.get("/api/v1/auth/identity/" + api::percent_encode(token), proof_pending_.guard([this](const api::Reply& r) {
    checking_ = false;
    auto summary = r.ok() ? domain::parse_identity_summary(r.body)
                          : domain::Checked<domain::IdentitySummary>(domain::identity_token_invalid_error());
    if (!summary) {
      token_.clear();
      if (r.error) errors_.take(r);
      else errors_.set(summary.error());
      return;
    }
    proved_ = summary.value();
  }));
}

void IdentityStep::draw_buttons(app::Context& ctx, const ui::Text& label) {
  for (const auto& p : providers_) {
    const std::string name = ctx.language == ui::Language::th ? p.name_th : p.name_en;
    if (!widgets::button((id_ + ".provider." + p.id).c_str(), std::string(ctx.tr(label)) + " " + name)) continue;
    // The provider's sign-in takes this tab and comes back to next_ with the proof.
    platform::leave_to("/api/v1/auth/oidc/" + api::percent_encode(p.id) + "/start?purpose=" +
                       std::string(domain::to_string(purpose_)) + "&next=" + api::percent_encode(next_));
  }
}

void IdentityStep::draw(app::Context& ctx) {
  if (checking_) {
    widgets::text(ctx.tr(identity_checking));
    return;
  }
  if (proved_) {
    const auto& p = *proved_;
    const std::string line = std::string(ctx.tr(identity_proved)) + " " +
                             (ctx.language == ui::Language::th ? p.provider_name_th : p.provider_name_en) + ": " +
                             p.title + p.first_name + " " + p.last_name + " (" + p.id_masked + ")";
    style::banner(style::banner_info_bg, style::banner_info_text, [&] { widgets::text_wrapped(line); });
    test_hook::record_item((id_ + ".proved").c_str(), "text", line);
    return;
  }
  widgets::error_banner((id_ + ".error").c_str(), errors_.general(), ctx.language);
  if (!providers_loaded_) return;
  if (providers_.empty()) {
    widgets::text_wrapped(ctx.tr(identity_sms_only));
    test_hook::record_item((id_ + ".sms_only").c_str(), "text", std::string(ctx.tr(identity_sms_only)));
    return;
  }
  widgets::text_wrapped(ctx.tr(identity_first));
  draw_buttons(ctx, identity_prove);
}

}  // namespace accounts
