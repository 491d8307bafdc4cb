// The KPI overview's unit table: lines from the summary reply (★ self score with reporter,
// ✓ review score with reviewer) and virtualisation (only visible rows are laid out).
#include <imgui.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "wasm/app/fonts.hpp"
#include "wasm/screens/kpi/unit_table.hpp"
#include "wasm/widgets/test_hook.hpp"

using nlohmann::json;

TEST_CASE("unit lines carry the self score with the reporter and the review score with the reviewer", "[kpi]") {
  const json period = {{"units",
                        {{{"unit_code", "1040010001"}, {"status", "reviewed"}, {"self_score", 4.0}, {"review_score", 3.0},
                          {"reporter", "ครูสมศรี"}, {"reviewer", "ศน.สมชาย"}},
                         {{"unit_code", "1040010002"}, {"status", "waiting_submit"}, {"self_score", nullptr},
                          {"review_score", nullptr}, {"reporter", ""}, {"reviewer", ""}}}}};
  const auto lines = kpi_screens::unit_lines(period);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].self == "4 ครูสมศรี");
  CHECK(lines[0].review == "3 ศน.สมชาย");
  CHECK(lines[0].row_text.find("★ 4 ครูสมศรี") != std::string::npos);
  CHECK(lines[0].row_text.find("✓ 3 ศน.สมชาย") != std::string::npos);
  CHECK(lines[1].self.empty());
  CHECK(lines[1].status == "waiting_submit");
}

TEST_CASE("the unit table lays out only the visible rows of 1,000 units", "[kpi]") {
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(1024, 720);
  io.DeltaTime = 1.0f / 60;
  REQUIRE(fonts::load(io, CLIENT_FONT, 1.0f).body);
  unsigned char* pixels;
  int w, h;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  json period = {{"units", json::array()}};
  for (int i = 0; i < 1000; ++i)
    period["units"].push_back({{"unit_code", std::to_string(1040090000 + i)}, {"status", "waiting_submit"}});
  const auto lines = kpi_screens::unit_lines(period);
  std::size_t rows = 0;
  for (int f = 0; f < 3; ++f) {
    ImGui::NewFrame();
    test_hook::begin_frame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("t", nullptr, ImGuiWindowFlags_NoDecoration);
    kpi_screens::draw_unit_table("kpi.units", lines, ui::Language::th, 600);
    ImGui::End();
    ImGui::Render();
    test_hook::end_frame();
    rows = json::parse(test_hook::last_frame_json()).size();
  }
  CHECK(rows > 5);
  CHECK(rows < 60);  // a screenful, not 1,000
  ImGui::DestroyContext();
}
