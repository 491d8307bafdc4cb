#include "wasm/screens/accounts/password_form.hpp"

#include "shared/password/password_policy.hpp"
#include "shared/ui/strings_account_screens.hpp"
#include "wasm/app/style.hpp"
#include "wasm/screens/accounts/form.hpp"
#include "wasm/widgets/widgets.hpp"

namespace accounts {

using namespace ui::text;

void PasswordForm::check(std::string_view username) {
  errors_.check(wire_, domain::check_password(password_, username));
  if (!confirm_.empty() && confirm_ != password_)
    errors_.set(client_error("password_mismatch", "confirm", password_mismatch));
  else
    errors_.clear("confirm");
}

bool PasswordForm::check_all(std::string_view username) {
  check(username);
  if (confirm_ != password_) errors_.set(client_error("password_mismatch", "confirm", password_mismatch));
  return errors_.empty();
}

bool PasswordForm::draw(app::Context& ctx, float width, std::string_view username) {
  ImGui::PushStyleColor(ImGuiCol_Text, style::muted_text);
  widgets::text_wrapped(ctx.tr(password_rules), width);
  ImGui::PopStyleColor();
  const std::string pid = id_ + ".password", cid = id_ + ".confirm";
  if (widgets::field(pid.c_str(), ctx.tr(password_new), password_, errors_.of(wire_), ctx.language,
                     widgets::Field::password, width).changed)
    check(username);
  if (!password_.empty() && !errors_.of(wire_))
    widgets::text_colored(IM_COL32(0x1E, 0x6B, 0x34, 0xFF), ctx.tr(password_ok));
  auto r = widgets::field(cid.c_str(), ctx.tr(password_confirm), confirm_, errors_.of("confirm"),
                          ctx.language, widgets::Field::password, width);
  if (r.changed) check(username);
  return r.submitted;
}

}  // namespace accounts
