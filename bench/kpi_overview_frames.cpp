// Frame time of the KPI overview's unit table with 1,000 units: the client's own drawing
// code (wasm/screens/kpi/unit_table) in a window of the native client's default size,
// scrolled through the whole table, Dear ImGui building its draw lists each frame (the
// CPU side of a frame; the GPU side is a few thousand vertices either way).
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "wasm/app/fonts.hpp"
#include "wasm/screens/kpi/unit_table.hpp"
#include "wasm/widgets/test_hook.hpp"

int main(int argc, char** argv) {
  const int units = argc > 1 ? std::atoi(argv[1]) : 1000;
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(1024, 720);
  io.DeltaTime = 1.0f / 60;
  if (!fonts::load(io, CLIENT_FONT, 1.0f).body) {
    std::fprintf(stderr, "font %s not found\n", CLIENT_FONT);
    return 1;
  }
  unsigned char* pixels;
  int w, h;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);

  // A period's summary as the server sends it, every state represented.
  nlohmann::json period = {{"units", nlohmann::json::array()}};
  const char* states[] = {"waiting_submit", "draft", "waiting_review", "reviewed", "returned"};
  for (int i = 0; i < units; ++i) {
    const char* st = states[i % 5];
    char code[16];
    std::snprintf(code, sizeof code, "10409%05d", i);
    period["units"].push_back({{"unit_code", code}, {"status", st},
                               {"self_score", i % 5 ? nlohmann::json(1 + i % 5) : nlohmann::json()},
                               {"review_score", i % 5 == 3 ? nlohmann::json(2 + i % 4) : nlohmann::json()},
                               {"reporter", "ครูผู้รายงาน " + std::to_string(i)},
                               {"reviewer", i % 5 == 3 ? "ศึกษานิเทศก์" : ""}});
  }
  const auto lines = kpi_screens::unit_lines(period);

  const int frames = 600;
  std::vector<double> ms;
  int rows_drawn = 0;
  for (int f = 0; f < frames; ++f) {
    const auto t0 = std::chrono::steady_clock::now();
    ImGui::NewFrame();
    test_hook::begin_frame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("overview", nullptr, ImGuiWindowFlags_NoDecoration);
    io.MouseWheel = -3.0f;  // scroll down while hovering the table
    io.MousePos = ImVec2(500, 400);
    kpi_screens::draw_unit_table("kpi.units", lines, ui::Language::th, ImGui::GetContentRegionAvail().y);
    ImGui::End();
    ImGui::Render();
    test_hook::end_frame();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    if (f == frames - 1) rows_drawn = static_cast<int>(nlohmann::json::parse(test_hook::last_frame_json()).size());
  }
  std::sort(ms.begin(), ms.end());
  double sum = 0;
  for (double v : ms) sum += v;
  std::printf("overview unit table, %d units, 1024x720, %d frames: mean %.3f ms, p50 %.3f ms, p99 %.3f ms, max %.3f ms; "
              "rows laid out per frame: %d (virtualised)\n",
              units, frames, sum / frames, ms[frames / 2], ms[frames * 99 / 100], ms.back(), rows_drawn);
  ImGui::DestroyContext();
}
