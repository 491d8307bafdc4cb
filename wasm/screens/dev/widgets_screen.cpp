#include "wasm/screens/dev/widgets_screen.hpp"

#include <imgui.h>

#include "shared/password/password_policy.hpp"
#include "wasm/app/context.hpp"
#include "wasm/text/line_break.hpp"
#include "wasm/text/utf8.hpp"
#include "wasm/widgets/test_hook.hpp"

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

  // Thai sentences wrapped in a narrow box; the hook gets where each may break ("dev.breaks.i":
  // code point indices of word starts), for the test against libthai.
  static const char* const sentences[] = {
      "กรุณาระบุคำอธิบายของไฟล์หลักฐานก่อนกดยืนยันส่งตรวจ",
      "ร้อยละของนักเรียนที่อ่านออกเขียนได้ตามเกณฑ์ของสำนักงานเขตพื้นที่การศึกษา",
      "โรงเรียนบ้านดอนทองยืนยันข้อมูลนักเรียนเรียบร้อยแล้ว",
      "ผู้ตรวจส่งรายงานกลับเพื่อให้สถานศึกษาแก้ไขหลักฐานให้ครบถ้วน",
      "ระบบลงทะเบียนบัญชีสถานศึกษาและรายงานตัวชี้วัด",
  };
  for (std::size_t i = 0; i < std::size(sentences); ++i) {
    widgets::text_wrapped(sentences[i], 180);
    std::string starts;
    for (size_t b : thai::word_breaks(utf8::decode(sentences[i]))) starts += (starts.empty() ? "" : ",") + std::to_string(b);
    test_hook::record_item("dev.breaks." + std::to_string(i), "text", sentences[i], starts);
  }
}

}  // namespace dev
