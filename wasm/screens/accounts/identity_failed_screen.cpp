#include "wasm/screens/accounts/identity_failed_screen.hpp"

#include "shared/identity/oidc.hpp"
#include "shared/ui/strings_identity.hpp"
#include "wasm/app/context.hpp"
#include "wasm/app/style.hpp"
#include "wasm/widgets/test_hook.hpp"
#include "wasm/widgets/widgets.hpp"

namespace accounts {

using namespace ui::text;

void IdentityFailedScreen::open(app::Context&, const app::Route& route) { code_ = route.get("code"); }

void IdentityFailedScreen::draw(app::Context& ctx) {
  widgets::heading(ctx.tr(identity_failed_heading), ctx.fonts.title);
  const auto why = domain::identity_failure(code_);
  const std::string& message = ctx.language == ui::Language::th ? why.message_th : why.message_en;
  style::banner(style::banner_error_bg, style::banner_error_text, [&] { widgets::text_wrapped(message); });
  test_hook::record_item("identity_failed.message", "text", message, why.code);
  if (widgets::button("identity_failed.access", ctx.tr(identity_try_again))) ctx.nav.go("#/access-request");
  if (widgets::button("identity_failed.signin", ctx.tr(identity_sign_in_password))) ctx.nav.go("#/signin");
}

}  // namespace accounts
