// #/register/resume: a registration continued (or its status seen) after the browser closed.
#include "wasm/screens/registration/register_screen.hpp"

#include <imgui.h>

#include "shared/contact/phone.hpp"
#include "shared/directory/institution_code.hpp"
#include "shared/otp/otp_policy.hpp"
#include "shared/registration/signed_letter.hpp"
#include "shared/ui/strings_registration.hpp"
#include "wasm/api/wire.hpp"
#include "wasm/app/context.hpp"
#include "wasm/app/style.hpp"
#include "wasm/widgets/test_hook.hpp"

namespace registration {

using namespace ui::text;

void RegisterScreen::draw_resume(app::Context& ctx) {
  widgets::heading(ctx.tr(reg_resume_title), ctx.fonts.title);
  widgets::help_link("reg.resume.help", "registration", ctx.language);
  widgets::text_wrapped(ctx.tr(reg_resume_intro));
  const float width = std::min(ImGui::GetContentRegionAvail().x, 480.0f);
  // Each field judged as typed, on its new value (blank: not yet).
  const bool code_typed = widgets::field("reg.resume.code", ctx.tr(reg_code), resume_code_,
                                         errors_.of("institution_code"), ctx.language, widgets::Field::text, width)
                              .changed;
  auto code = domain::parse_institution_code(resume_code_);
  if (code_typed)
    errors_.check("institution_code", resume_code_.empty() || code
                                          ? std::nullopt
                                          : std::optional(domain::in_field(code.error(), "institution_code")));
  const bool phone_typed = widgets::field("reg.resume.phone", ctx.tr(reg_phone), resume_phone_, errors_.of("phone"),
                                          ctx.language, widgets::Field::text, width)
                               .changed;
  auto phone = domain::parse_mobile_phone(resume_phone_);
  if (phone_typed) errors_.check("phone", resume_phone_.empty() || phone ? std::nullopt : std::optional(phone.error()));
  if (code && phone) resume_otp_.draw(ctx, phone.value().national(), width);
  widgets::error_banner("reg.resume.error", errors_.general({"institution_code", "phone"}), ctx.language);
  if (!resume_otp_.token().empty() &&
      widgets::primary_button("reg.resume.submit", ctx.tr(reg_resume_submit), !busy_ && bool(code))) {
    errors_.clear();
    busy_ = true;
    ctx.api.post("/api/v1/registrations/resume", {{"institution_code", code.value()}, {"otp_token", resume_otp_.token()}},
                 pending_.guard([this, &ctx](const api::Reply& r) {
                   busy_ = false;
                   if (errors_.take(r)) {
                     if (r.code() == "otp_token_invalid") resume_otp_.reset();  // used up: prove the phone again
                     return;
                   }
                   resume_otp_.reset();
                   registration_id_ = std::to_string(r.body.value("registration_id", 0));
                   token_ = r.body.value("registration_token", "");
                   username_ = r.body.value("username", "");
                   superseded_any_ = false;
                   // Waiting for its letter: on with the wizard; otherwise where it stands.
                   const bool awaiting = r.body.value("status", "") == domain::to_string(domain::RegistrationStatus::awaiting_letter);
                   step_ = awaiting ? 5 : 7;
                   if (!awaiting) status_panel_.load(ctx, registration_id_, token_);
                   ctx.nav.go("#/register");
                 }));
  }
  ImGui::Spacing();
  if (widgets::link("reg.resume.cancel", ctx.tr(reg_resume_new))) ctx.nav.go("#/register");
}

}  // namespace registration
