#include "wasm/text/line_break.hpp"

#include <algorithm>

namespace thai {
namespace {

// Marks drawn on the character before them: a line must not start with one.
bool is_combining(char32_t c) {
  return c == 0x0E31 || (c >= 0x0E34 && c <= 0x0E3A) || (c >= 0x0E47 && c <= 0x0E4E);
}
// Vowels written before their consonant (เ แ โ ใ ไ): a line must not end with one.
bool is_leading_vowel(char32_t c) { return c >= 0x0E40 && c <= 0x0E44; }
// Vowels and signs that close a syllable (ะ า ำ ๆ): a line must not start with one.
bool is_trailing(char32_t c) { return c == 0x0E30 || c == 0x0E32 || c == 0x0E33 || c == 0x0E46; }

}  // namespace

std::vector<size_t> line_break_opportunities(std::u32string_view s, bool clusters) {
  std::vector<size_t> out = word_breaks(s);
  for (size_t i = 1; i < s.size(); ++i) {
    bool after_space = (s[i - 1] == U' ' || s[i - 1] == 0x200B) && s[i] != U' ';
    bool cluster = clusters && !is_combining(s[i]) && !is_trailing(s[i]) &&
                   !is_leading_vowel(s[i - 1]) && s[i] != U' ' && s[i - 1] != U' ';
    if (after_space || cluster) out.push_back(i);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  // A break inside a cluster would orphan its marks, whatever the dictionary said.
  std::erase_if(out, [&](size_t i) { return i == 0 || i >= s.size() || is_combining(s[i]); });
  return out;
}

}  // namespace thai
