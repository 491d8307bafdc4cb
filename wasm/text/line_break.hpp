#pragma once
// Where a line of text may wrap. Thai is written without spaces between words, so ImGui's
// own wrapping (at spaces only) would overflow or cut words anywhere.
#include <string_view>
#include <vector>

namespace thai {

// Code point indices, inside runs of Thai, where a word starts.
// Native: libthai's dictionary (th_brk, line_break_libthai.cpp). Web: the browser's
// Intl.Segmenter (line_break_segmenter.cpp), no dictionary in the bundle; without it,
// none, and callers fall back to character clusters.
std::vector<size_t> word_breaks(std::u32string_view text);

// Every index where a line may start: after spaces, at Thai word starts, and, when
// `clusters` is set, between any two character clusters (for a word wider than a line).
std::vector<size_t> line_break_opportunities(std::u32string_view text, bool clusters);

}  // namespace thai
