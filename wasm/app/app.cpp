#include "wasm/app/app.hpp"

#include <imgui.h>

#include <algorithm>

#include "wasm/app/style.hpp"
#include "wasm/widgets/widgets.hpp"

namespace app {

void App::start() { server_.check(); }

double App::wake_at() const { return home_.wake_at(); }

void App::draw(double now) {
  context_.now = now;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  ImGui::Begin("###app", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
  draw_top_bar();

  // Content column: readable width on wide screens, full width on phones.
  const float avail = ImGui::GetContentRegionAvail().x;
  const float width = std::min(avail, 960.0f);
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - width) / 2);
  ImGui::BeginChild("###content", ImVec2(width, 0), false);
  draw_banners();
  home_.draw(context_);
  ImGui::EndChild();
  ImGui::End();
}

void App::draw_top_bar() {
  using namespace ui::text;
  const ImGuiStyle& st = ImGui::GetStyle();
  const float switch_width = widgets::text_size(language_th.th).x +
                             widgets::text_size(language_en.en).x + 4 * st.FramePadding.x +
                             st.ItemSpacing.x;
  const float title_width =
      std::max(120.0f, ImGui::GetContentRegionAvail().x - switch_width - 2 * st.ItemSpacing.x);

  ImGui::BeginGroup();
  ImGui::PushFont(context_.fonts.title);
  ImGui::PushStyleColor(ImGuiCol_Text, style::brand);
  widgets::text_wrapped(context_.tr(app_title), title_width);
  ImGui::PopStyleColor();
  ImGui::PopFont();
  ImGui::EndGroup();

  ImGui::SameLine(std::max(0.0f, ImGui::GetWindowContentRegionMax().x - switch_width));
  if (widgets::choice("lang.th", language_th.th, context_.language == ui::Language::th))
    context_.language = ui::Language::th;
  ImGui::SameLine();
  if (widgets::choice("lang.en", language_en.en, context_.language == ui::Language::en))
    context_.language = ui::Language::en;
  ImGui::Separator();
}

void App::draw_banners() {
  using namespace ui::text;
  if (server_.development_mode())
    style::banner(style::banner_dev_bg, style::banner_dev_text, [&] {
      widgets::text_wrapped(context_.tr(development_mode));
    });
  if (server_.reach() == ServerStatus::Reach::unreachable)
    style::banner(style::banner_error_bg, style::banner_error_text, [&] {
      widgets::text_wrapped(context_.tr(server_unreachable));
      if (widgets::button("server.retry", context_.tr(retry))) {
        server_.check();
        home_.retry();
      }
    });
}

}  // namespace app
