// Thai word breaks in the browser from its own segmenter (Intl.Segmenter with ICU's Thai
// dictionary): no dictionary in the bundle (libthai's is about 600 KB).
#include <emscripten.h>

#include <string>
#include <unordered_map>

#include "wasm/text/line_break.hpp"
#include "wasm/text/utf8.hpp"

// Writes the code point indices (> 0) where a word starts into `out` (room for `max`);
// returns how many, or -1 when the browser has no Intl.Segmenter (then: clusters only).
EM_JS(int, js_word_starts, (const char* text, int* out, int max), {
  if (typeof Intl === 'undefined' || !Intl.Segmenter) return -1;
  if (!Module.thaiSegmenter) Module.thaiSegmenter = new Intl.Segmenter('th', { granularity: 'word' });
  const s = UTF8ToString(text);
  let n = 0, cp = 0, at = 0;  // segment indices are UTF-16 offsets: count code points
  for (const seg of Module.thaiSegmenter.segment(s)) {
    for (; at < seg.index; ++at) {
      const c = s.charCodeAt(at);
      if (c < 0xDC00 || c > 0xDFFF) ++cp;  // a low surrogate ends a pair already counted
    }
    if (cp > 0 && n < max) HEAP32[(out >> 2) + n++] = cp;
  }
  return n;
});

namespace thai {

std::vector<size_t> word_breaks(std::u32string_view text) {
  // Every frame wraps the same texts again: ask the browser once per text.
  static std::unordered_map<std::u32string, std::vector<size_t>> cache;
  if (text.empty()) return {};
  auto it = cache.find(std::u32string(text));
  if (it != cache.end()) return it->second;
  if (cache.size() > 4000) cache.clear();
  const std::string utf8 = utf8::encode(text);
  std::vector<int> starts(text.size());
  const int n = js_word_starts(utf8.c_str(), starts.data(), int(starts.size()));
  std::vector<size_t> out;
  for (int i = 0; i < n; ++i) out.push_back(size_t(starts[size_t(i)]));
  return cache.emplace(std::u32string(text), std::move(out)).first->second;
}

}  // namespace thai
