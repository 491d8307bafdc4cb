// Text wrapped between Thai words (widgets.hpp: text_wrapped, wrap_lines).
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

#include "wasm/text/line_break.hpp"
#include "wasm/text/thai_shaping.hpp"
#include "wasm/text/utf8.hpp"
#include "wasm/widgets/widgets.hpp"

namespace widgets {
namespace {

float display_width(std::u32string_view part) {
  std::string shaped = utf8::encode(thai::shape(part));
  return ImGui::CalcTextSize(shaped.data(), shaped.data() + shaped.size()).x;
}

}  // namespace

// The display lines of `s` at `width`: its own line breaks kept, each paragraph broken
// between Thai words (at a cluster when one word is wider than the box).
std::string wrap_lines(std::string_view s, float width) {
  std::string lines;
  size_t from = 0;
  while (from <= s.size()) {
    const size_t nl = std::min(s.find('\n', from), s.size());
    const std::u32string all = utf8::decode(s.substr(from, nl - from));
    const auto words = thai::line_break_opportunities(all, false);
    const auto clusters = thai::line_break_opportunities(all, true);
    size_t start = 0;
    do {
      // The longest run that fits, ending at a word break if one does, else at a cluster.
      size_t end = all.size();
      if (display_width(std::u32string_view(all).substr(start)) > width) {
        auto fit = [&](const std::vector<size_t>& breaks) {
          size_t best = 0;
          for (size_t b : breaks) {
            if (b <= start) continue;
            if (display_width(std::u32string_view(all).substr(start, b - start)) > width) break;
            best = b;
          }
          return best;
        };
        end = fit(words);
        if (end == 0) end = fit(clusters);
        if (end == 0) {  // not even one cluster fits: take one anyway
          auto next = std::upper_bound(clusters.begin(), clusters.end(), start);
          end = next == clusters.end() ? all.size() : *next;
        }
      }
      size_t stop = end;
      while (stop > start && (all[stop - 1] == U' ' || all[stop - 1] == 0x200B)) --stop;
      if (from > 0 || start > 0) lines += '\n';
      lines += utf8::encode(thai::shape(std::u32string_view(all).substr(start, stop - start)));
      start = end;
      while (start < all.size() && all[start] == U' ') ++start;
    } while (start < all.size());
    from = nl + 1;
  }
  return lines;
}

void text_wrapped(std::string_view s, float width) {
  if (s.empty()) return;
  if (width <= 0) {  // inside PushTextWrapPos (a banner), wrap there
    const float wrap_pos = ImGui::GetCurrentWindow()->DC.TextWrapPos;
    width = wrap_pos > 0 ? ImGui::CalcWrapWidthForPos(ImGui::GetCursorScreenPos(), wrap_pos)
                         : ImGui::GetContentRegionAvail().x;
  }
  const std::string lines = wrap_lines(s, width);  // one block: line spacing is the font's, not ItemSpacing
  ImGui::TextUnformatted(lines.data(), lines.data() + lines.size());
}

}  // namespace widgets
