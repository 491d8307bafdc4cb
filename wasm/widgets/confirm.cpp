#include "wasm/widgets/confirm.hpp"

#include <algorithm>

#include "shared/ui/strings_client.hpp"
#include "wasm/widgets/flow.hpp"
#include "wasm/widgets/test_hook.hpp"
#include "wasm/widgets/widgets.hpp"

namespace widgets {

namespace {
constexpr const char* popup_id = "###confirm";
}

void Confirm::ask(Question question, std::function<void()> on_yes) {
  question_ = std::move(question);
  on_yes_ = std::move(on_yes);
}

void Confirm::draw(ui::Language language, ImFont* title_font) {
  if (!on_yes_) return;
  if (!ImGui::IsPopupOpen(popup_id)) ImGui::OpenPopup(popup_id);
  // Centred, never wider than a phone leaves room for.
  const ImGuiViewport* view = ImGui::GetMainViewport();
  const float width = std::min(520.0f, view->WorkSize.x - 24.0f);
  ImGui::SetNextWindowPos(view->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(width, 0));
  constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove |
                                     ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                                     ImGuiWindowFlags_AlwaysAutoResize;
  if (!ImGui::BeginPopupModal(popup_id, nullptr, flags)) return;
  ImGui::PushFont(title_font);
  text_wrapped(question_.title);
  ImGui::PopFont();
  test_hook::record_item("confirm", "dialog", question_.title, question_.consequence);
  ImGui::Spacing();
  text_wrapped(question_.consequence);
  ImGui::Spacing();
  const std::string_view cancel = ui::text::confirm_cancel.in(language);
  // Side by side where both fit, else stacked: the action first.
  const bool yes = primary_button("confirm.yes", question_.yes);
  same_line_if_fits(button_width(cancel));
  const bool no = button("confirm.no", cancel);
  if (yes || no) {
    auto action = std::move(on_yes_);
    on_yes_ = nullptr;
    ImGui::CloseCurrentPopup();
    if (yes) action();
  }
  ImGui::EndPopup();
}

}  // namespace widgets
