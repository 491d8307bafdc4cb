// The Thai display pass: its mapping (HarfBuzz's Thai fallback rules), and what ImGui
// actually draws with it. The drawing test rasterises each glyph quad ImGui emits from
// the font atlas and checks, per word, that no two glyphs put ink on the same pixel
// (marks against ascenders, descenders against lower vowels, tone marks against upper
// vowels) and that no tone mark floats high above its consonant.
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "wasm/app/fonts.hpp"
#include "wasm/text/thai_shaping.hpp"
#include "wasm/text/utf8.hpp"
#include "wasm/widgets/widgets.hpp"

namespace {

std::u32string u32(const char* s) { return utf8::decode(s); }

}  // namespace

TEST_CASE("Thai display pass maps marks to the private-use variants", "[thai]") {
  struct Case {
    const char* word;
    std::u32string expected;
    const char* why;
  };
  const Case cases[] = {
      {"ก่อน", U"\u0E01\uF70A\u0E2D\u0E19", "tone lowered: no upper vowel"},
      {"แม่", U"\u0E41\u0E21\uF70A", "tone lowered"},
      {"ที่", U"\u0E17\u0E35\u0E48", "tone stays up, above the vowel"},
      {"ป่า", U"\u0E1B\uF705\u0E32", "tone lowered and shifted left of the ascender"},
      {"ปิ้ง", U"\u0E1B\uF701\uF714\u0E07", "vowel and tone shifted left"},
      {"ฝั่ง", U"\u0E1D\uF710\uF713\u0E07", "mai han-akat and tone shifted left"},
      {"ญุ", U"\uF70F\u0E38", "yo ying without its descender"},
      {"ฐุ", U"\uF700\u0E38", "tho than without its descender"},
      {"ฎุ", U"\u0E0E\uF718", "fixed descender: the vowel goes lower"},
      {"น้ำ", U"\u0E19\u0E4D\u0E49\u0E32", "SARA AM decomposed, nikhahit before the tone"},
      {"ป้ำ", U"\u0E1B\uF711\uF714\u0E32", "decomposed, then both shifted left"},
      {"abc", U"abc", "no Thai: unchanged"},
  };
  for (const auto& c : cases) {
    INFO(c.word << ": " << c.why);
    CHECK(thai::shape(u32(c.word)) == c.expected);
  }
  CHECK(thai::shape(std::string_view("plain ascii")) == "plain ascii");
  CHECK(thai::shape(std::string_view("ก่อน")) == utf8::encode(U"\u0E01\uF70A\u0E2D\u0E19"));
}

namespace {

struct Quad {
  char32_t code_point;
  float x0, y0, x1, y1, u0, v0, u1, v1;
};

std::string hex(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", unsigned(c));
  return buf;
}

bool is_mark(char32_t c) {
  bool thai_mark = c == 0x0E31 || (c >= 0x0E34 && c <= 0x0E3A) || (c >= 0x0E47 && c <= 0x0E4E);
  bool variant_mark = c >= 0xF701 && c <= 0xF71A && c != 0xF70F;  // F70F: ญ without descender
  return thai_mark || variant_mark;
}
bool is_tone(char32_t c) {
  return (c >= 0x0E48 && c <= 0x0E4C) || (c >= 0xF705 && c <= 0xF70E && c != 0xF70F) ||
         (c >= 0xF713 && c <= 0xF717);
}
bool is_upper_vowel(char32_t c) {
  return c == 0x0E31 || (c >= 0x0E34 && c <= 0x0E37) || c == 0x0E47 || c == 0x0E4D ||
         (c >= 0xF701 && c <= 0xF704) || (c >= 0xF710 && c <= 0xF712);
}

// Draws `display` (already in display form, or not) with ImGui and returns the quads
// of its glyphs, in code point order.
std::vector<Quad> draw(const std::u32string& display) {
  ImDrawList* list = ImGui::GetWindowDrawList();
  const int first = list->VtxBuffer.Size;
  const std::string s = utf8::encode(display);
  ImGui::TextUnformatted(s.data(), s.data() + s.size());
  std::vector<Quad> quads;
  int v = first;
  for (char32_t c : display) {
    const ImFontGlyph* g = ImGui::GetFont()->FindGlyph(ImWchar(c));
    if (!g || !g->Visible) continue;
    REQUIRE(v + 4 <= list->VtxBuffer.Size);
    const ImDrawVert& a = list->VtxBuffer[v];      // top left
    const ImDrawVert& b = list->VtxBuffer[v + 2];  // bottom right
    quads.push_back({c, a.pos.x, a.pos.y, b.pos.x, b.pos.y, a.uv.x, a.uv.y, b.uv.x, b.uv.y});
    v += 4;
  }
  REQUIRE(v == list->VtxBuffer.Size);  // one quad per visible glyph, nothing else
  return quads;
}

class Atlas {
 public:
  Atlas() { ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels_, &width_, &height_); }
  // Screen pixels the glyph covers with ink (alpha over half).
  std::set<std::pair<int, int>> ink(const Quad& q) const {
    std::set<std::pair<int, int>> out;
    for (int y = int(q.y0); y < int(q.y1) + 1; ++y)
      for (int x = int(q.x0); x < int(q.x1) + 1; ++x) {
        float fx = (x + 0.5f - q.x0) / (q.x1 - q.x0), fy = (y + 0.5f - q.y0) / (q.y1 - q.y0);
        if (fx < 0 || fx >= 1 || fy < 0 || fy >= 1) continue;
        int tx = int((q.u0 + fx * (q.u1 - q.u0)) * width_);
        int ty = int((q.v0 + fy * (q.v1 - q.v0)) * height_);
        if (pixels_[(ty * width_ + tx) * 4 + 3] > 128) out.insert({x, y});
      }
    return out;
  }

 private:
  unsigned char* pixels_ = nullptr;
  int width_ = 0, height_ = 0;
};

// What is wrong with a drawn word, or "" when it looks right.
std::string judge(const std::vector<Quad>& quads, const Atlas& atlas, float font_size) {
  std::vector<std::set<std::pair<int, int>>> inks;
  for (const auto& q : quads) inks.push_back(atlas.ink(q));
  // 1. No two glyphs on the same pixel.
  for (size_t i = 0; i < quads.size(); ++i)
    for (size_t j = i + 1; j < quads.size(); ++j) {
      size_t shared = 0;
      for (const auto& p : inks[i])
        if (inks[j].count(p)) ++shared;
      if (shared > 0)
        return "glyphs " + hex(quads[i].code_point) + " and " + hex(quads[j].code_point) +
               " collide on " + std::to_string(shared) + " pixels";
    }
  // 2. A tone mark with no upper vowel sits close to its consonant.
  for (size_t i = 0; i < quads.size(); ++i) {
    if (!is_tone(quads[i].code_point) || inks[i].empty()) continue;
    size_t base = i;
    while (base > 0 && is_mark(quads[base].code_point)) --base;
    bool has_upper_vowel = false;
    for (size_t k = base + 1; k < i; ++k) has_upper_vowel |= is_upper_vowel(quads[k].code_point);
    if (has_upper_vowel || inks[base].empty()) continue;
    int mark_bottom = std::max_element(inks[i].begin(), inks[i].end(),
                                       [](auto& a, auto& b) { return a.second < b.second; })->second;
    int base_top = std::min_element(inks[base].begin(), inks[base].end(),
                                    [](auto& a, auto& b) { return a.second < b.second; })->second;
    int gap = base_top - mark_bottom;
    if (gap > font_size * 0.09f)  // drawn with the pass: at most 0.0625 em in Loma
      return "tone mark floats " + std::to_string(gap) + " px above its consonant";
  }
  return "";
}

struct ImGuiFrame {
  ImGuiFrame(float font_size) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1600, 8000);
    io.DeltaTime = 1.0f / 60;
    ImFontConfig config;
    config.OversampleH = config.OversampleV = 1;  // one texel per pixel: exact ink
    font = io.Fonts->AddFontFromFileTTF(CLIENT_FONT, font_size, &config, fonts::glyph_ranges());
    REQUIRE(font);
    atlas = std::make_unique<Atlas>();
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("words", nullptr, ImGuiWindowFlags_NoDecoration);
  }
  ~ImGuiFrame() {
    ImGui::End();
    ImGui::Render();
    ImGui::DestroyContext();
  }
  ImFont* font = nullptr;
  std::unique_ptr<Atlas> atlas;
};

}  // namespace

TEST_CASE("Thai words drawn by ImGui through the display pass keep marks apart", "[thai][imgui]") {
  const float size = 64;
  ImGuiFrame frame(size);

  const char* corpus[] = {
      "ก่อน", "แม่",  "ป่า",   "ปิ้ง",  "ฝั่ง",  "ฟ้า",  "ญุ",    "ฐุ",    "น้ำ",    "ที่",
      "นี่",   "กิ่ง",  "ปู่",    "ปั้น",  "ฝ้าย", "ฟื้น", "กุ้ง",  "ชื่อ",  "สิ่ง",   "ครั้ง",
      "ผู้",   "ญาติ", "บัญชี", "ปรุง", "ฎีกา", "ปิ่น", "ท่าน", "ตัวชี้วัด", "ลงทะเบียน", "สถานศึกษา",
  };
  for (const char* word : corpus) {
    INFO(word);
    CHECK(judge(draw(thai::shape(u32(word))), *frame.atlas, size) == "");
  }

  // The same check without the pass must fail where ImGui alone draws Thai wrongly,
  // or it proves nothing.
  const char* broken_without_pass[] = {"ก่อน", "แม่", "ป่า", "ปิ้ง", "ญุ", "ฐุ"};
  for (const char* word : broken_without_pass) {
    INFO(word << " without the display pass");
    CHECK(judge(draw(u32(word)), *frame.atlas, size) != "");
  }
}

TEST_CASE("widgets::text draws the display form", "[thai][imgui]") {
  ImGuiFrame frame(32);
  ImDrawList* list = ImGui::GetWindowDrawList();
  int before = list->VtxBuffer.Size;
  widgets::text("ป่า");
  // Three glyphs (ป, the shifted tone, า) are three quads; the tone is the variant.
  CHECK(list->VtxBuffer.Size - before == 12);
  const ImFontGlyph* shifted = frame.font->FindGlyph(0xF705);
  REQUIRE(shifted);
  CHECK(shifted->Codepoint == 0xF705);  // the font has the variant, so it is what was drawn
  const ImDrawVert& tone_top_left = list->VtxBuffer[before + 4];
  CHECK(tone_top_left.uv.x == Approx(shifted->U0));
}
