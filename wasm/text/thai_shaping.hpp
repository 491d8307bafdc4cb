#pragma once
// Thai display shaping for a renderer without OpenType shaping.
//
// Dear ImGui draws one code point at a time at the font's default mark positions, which
// in the TLWG fonts sit high: a tone mark with no upper vowel floats (ก่อน), marks on
// ป ฝ ฟ hit the ascender (ป่า), ญ ฐ keep the descender under a lower vowel (ญุ), and SARA
// AM is not decomposed (น้ำ). The classic fix, HarfBuzz's Thai fallback shaper
// (src/hb-ot-shaper-thai.cc), rewrites the text into the fonts' private-use glyph
// variants (lowered, left-shifted, descender-less forms). This does the same, at draw
// time only: stored and transmitted text stays standard Unicode.
#include <string>
#include <string_view>

namespace thai {

// The private-use glyph variants the font atlas must include (U+F700..U+F71A).
inline constexpr char32_t variants_first = 0xF700;
inline constexpr char32_t variants_last = 0xF71A;

// True when the UTF-8 text holds any Thai letter (U+0E00..U+0E7F).
bool contains_thai(std::string_view utf8_text);

std::u32string shape(std::u32string_view text);
// UTF-8 in and out; text without Thai comes back unchanged (and cheaply).
std::string shape(std::string_view utf8_text);

}  // namespace thai
