#include "wasm/screens/dev/widgets_screen.hpp"

#include <imgui.h>

#include "shared/password/password_policy.hpp"
#include "wasm/app/context.hpp"

namespace dev {

// Words of a developer page: English only, on purpose (not part of the product's UI).
void WidgetsScreen::draw(app::Context& ctx) {
  widgets::heading("Widgets", ctx.fonts.title);
  widgets::steps("dev.steps", {"One", "Two", "Three"}, step_);
  ImGui::SameLine();
  if (widgets::button("dev.next", "Next step")) step_ = (step_ + 1) % 3;

  widgets::field("dev.text", "Text", text_, nullptr, ctx.language);
  auto password_error = password_.empty() ? std::nullopt : domain::check_password(password_);
  widgets::field("dev.password", "Password", password_, password_error ? &*password_error : nullptr,
                 ctx.language, widgets::Field::password);
  widgets::combo("dev.combo", "Pick one", {"หนึ่ง", "สอง", "สาม"}, choice_);
  widgets::checkbox("dev.check", "I agree", agreed_);
  widgets::multiline("dev.notes", "Notes", notes_, ImVec2(-FLT_MIN, 80));

  if (widgets::file_picker("dev.file", ".pdf,.jpg,.jpeg,.png,.txt", file_, ctx.language)) {
    // Sent where uploads are refused (405): shows progress, then the decoded error.
    upload_error_.reset();
    progress_ = 0;
    ctx.api.upload("/api/v1/health", {{"file", file_.bytes, file_.name, ""}},
                   pending_.guard([this](const api::Reply& r) { upload_error_ = r.error; }),
                   [this](double sent, double total) { progress_ = total > 0 ? float(sent / total) : 0; });
  }
  widgets::progress_bar("dev.progress", progress_, std::to_string(file_.bytes.size()) + " bytes");
  widgets::error_banner("dev.upload.error", upload_error_ ? &*upload_error_ : nullptr, ctx.language);

  if (widgets::button("dev.download", "Download favicon.svg"))
    ctx.api.download("/favicon.svg", "favicon.svg",
                     [this](const api::Reply& r, const std::string& saved) {
                       download_result_ = std::to_string(r.status) + " " + saved;
                     });
  widgets::text(download_result_);
}

}  // namespace dev
