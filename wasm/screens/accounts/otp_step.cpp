#include "wasm/screens/accounts/otp_step.hpp"

#include "shared/ui/strings_account_screens.hpp"
#include "shared/ui/strings_client.hpp"
#include "wasm/app/style.hpp"
#include "wasm/widgets/test_hook.hpp"
#include "wasm/widgets/widgets.hpp"

namespace accounts {

using namespace ui::text;

void OtpStep::reset() {
  pending_.reset();
  otp_id_.clear(), ref_.clear(), code_.clear(), token_.clear(), sent_to_.clear();
  resend_.stop();
  errors_.clear();
  sending_ = false;
}

void OtpStep::send(app::Context& ctx, const std::string& phone) {
  errors_.clear();
  sending_ = true;
  ctx.api.post("/api/v1/otp", {{"phone", phone}, {"purpose", std::string(domain::to_string(purpose_))}},
               pending_.guard([this, &ctx, phone](const api::Reply& r) {
                 sending_ = false;
                 if (!r.ok()) {
                   errors_.take(r);
                   if (r.retry_after > 0) resend_.start(ctx.now, r.retry_after);
                   return;
                 }
                 otp_id_ = api::text_of(r.body, "otp_id");
                 if (otp_id_.empty()) otp_id_ = std::to_string(api::int_of(r.body, "otp_id"));
                 ref_ = api::text_of(r.body, "ref");
                 sent_to_ = phone;
                 resend_.start(ctx.now, double(api::int_of(r.body, "resend_after", 60)));
               }));
}

void OtpStep::verify(app::Context& ctx) {
  errors_.clear();
  auto code = domain::check_otp_code(code_);
  if (!code) {
    errors_.set(code.error());
    return;
  }
  sending_ = true;
  ctx.api.post("/api/v1/otp/verify", {{"otp_id", otp_id_}, {"code", code.value()}},
               pending_.guard([this](const api::Reply& r) {
                 sending_ = false;
                 if (!r.ok()) {
                   errors_.take(r);
                   return;
                 }
                 token_ = api::text_of(r.body, "otp_token");
               }));
}

void OtpStep::draw(app::Context& ctx, const std::string& phone, float width) {
  const std::string send_id = id_ + ".send", code_id = id_ + ".code", verify_id = id_ + ".verify";
  if (!token_.empty() && phone == sent_to_) return;  // proven
  if (sent() && phone != sent_to_) reset();           // the phone changed: start over
  const int wait = resend_.left(ctx.now);
  if (sent()) {
    const std::string line = std::string(ctx.tr(otp_sent_ref)) + " " + ref_;
    widgets::text(line);
    test_hook::record_item(id_ + ".ref", "text", line, ref_);
    auto r = widgets::field(code_id.c_str(), ctx.tr(otp_code), code_, errors_.of("code"), ctx.language,
                            widgets::Field::text, std::min(width, 240.0f));
    if (widgets::primary_button(verify_id.c_str(), ctx.tr(sending_ ? working : otp_verify), !sending_) ||
        (r.submitted && !sending_))
      verify(ctx);
    ImGui::SameLine();
  }
  if (widgets::button(send_id.c_str(), ctx.tr(sent() ? resend_otp : send_otp)) && !sending_ && wait == 0)
    send(ctx, phone);
  if (wait > 0) {
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    widgets::text_colored(style::muted_text, std::string(ctx.tr(otp_resend_in)) + " " + std::to_string(wait));
  }
  widgets::error_banner((id_ + ".error").c_str(), errors_.general({"code"}), ctx.language);
}

}  // namespace accounts
