// Widgets: the test hook sees every interactive widget with a stable ID and its
// rectangle; wrapped Thai text breaks between words.
#include <imgui.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "wasm/app/fonts.hpp"
#include "wasm/text/line_break.hpp"
#include "wasm/text/utf8.hpp"
#include "wasm/widgets/test_hook.hpp"
#include "wasm/widgets/widgets.hpp"

namespace {

struct Frame {
  Frame() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(800, 600);
    io.DeltaTime = 1.0f / 60;
    fonts::Set set = fonts::load(io, CLIENT_FONT, 1.0f);
    REQUIRE(set.body);
    unsigned char* pixels;
    int w, h;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  }
  ~Frame() { ImGui::DestroyContext(); }
  void begin() {
    ImGui::NewFrame();
    test_hook::begin_frame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("t", nullptr, ImGuiWindowFlags_NoDecoration);
  }
  void end() {
    ImGui::End();
    ImGui::Render();
    test_hook::end_frame();
  }
};

}  // namespace

TEST_CASE("the test hook records widgets with stable IDs, labels and rectangles", "[hook]") {
  Frame f;
  auto frames_before = test_hook::frames_drawn();
  std::string query = "หนองบัว";
  f.begin();
  widgets::button("lang.en", "English");
  widgets::input_text("home.search", "ชื่อสถานศึกษา", query, 300);
  f.end();
  CHECK(test_hook::frames_drawn() == frames_before + 1);

  const auto& w = test_hook::last_frame();
  REQUIRE(w.size() == 2);
  CHECK(w[0].id == "lang.en");
  CHECK(w[0].kind == "button");
  CHECK(w[0].label == "English");
  CHECK(w[0].w > 0);
  CHECK(w[1].id == "home.search");
  CHECK(w[1].value == "หนองบัว");  // standard Unicode, not the display form
  CHECK(w[1].w == Approx(300));
  CHECK(w[1].y > w[0].y);

  auto json = nlohmann::json::parse(test_hook::last_frame_json());
  CHECK(json[1]["id"] == "home.search");
  CHECK(json[1]["value"] == "หนองบัว");
  CHECK(json[1].contains("x"));
}

TEST_CASE("Thai line breaks fall between words, never before a mark", "[wrap]") {
  std::u32string s = utf8::decode("ระบบลงทะเบียนบัญชีสถานศึกษา");
  auto words = thai::line_break_opportunities(s, false);
  // libthai: ระบบ|ลง|ทะเบียน|บัญชี|สถาน|ศึกษา
  std::vector<size_t> expected = {4, 6, 13, 18, 22};
  CHECK(words == expected);
  for (size_t i : thai::line_break_opportunities(utf8::decode("ที่นี่น้ำ ปิ้ง"), true)) {
    char32_t c = utf8::decode("ที่นี่น้ำ ปิ้ง")[i];
    CHECK_FALSE((c == 0x0E35 || c == 0x0E48 || c == 0x0E49 || c == 0x0E34 || c == 0x0E33));
  }
}

TEST_CASE("wrapped Thai text stays inside its width", "[wrap]") {
  Frame f;
  f.begin();
  ImDrawList* list = ImGui::GetWindowDrawList();
  int before = list->VtxBuffer.Size;
  float x0 = ImGui::GetCursorScreenPos().x;
  widgets::text_wrapped("ระบบลงทะเบียนบัญชีสถานศึกษาและรายงานตัวชี้วัด ระบบลงทะเบียนบัญชีสถานศึกษา", 200);
  float max_x = 0, max_y = 0, min_y = 1e9;
  for (int i = before; i < list->VtxBuffer.Size; ++i) {
    max_x = std::max(max_x, list->VtxBuffer[i].pos.x);
    max_y = std::max(max_y, list->VtxBuffer[i].pos.y);
    min_y = std::min(min_y, list->VtxBuffer[i].pos.y);
  }
  f.end();
  CHECK(max_x <= x0 + 200 + 2);                     // (marks may overhang a pixel)
  CHECK(max_y - min_y > 3 * fonts::body_size);      // it did wrap, over several lines
}

TEST_CASE("a text field holding Thai shows its display form", "[thai][hook]") {
  Frame f;
  std::string value = "ป่า";
  f.begin();
  ImDrawList* list = ImGui::GetWindowDrawList();
  int before = list->VtxBuffer.Size;
  widgets::input_text("field", "", value, 300);
  // The shifted tone mark's glyph is among the quads drawn for the field.
  const ImFontGlyph* variant = ImGui::GetFont()->FindGlyph(0xF705);
  REQUIRE(variant);
  REQUIRE(variant->Codepoint == 0xF705);
  bool drew_variant = false;
  for (int i = before; i < list->VtxBuffer.Size; ++i)
    drew_variant |= list->VtxBuffer[i].uv.x == variant->U0 && list->VtxBuffer[i].uv.y == variant->V0;
  f.end();
  CHECK(drew_variant);
  CHECK(value == "ป่า");  // the stored text stays standard Unicode
}
