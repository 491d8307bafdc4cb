// No Thai dictionary in the web bundle (libthai's is about 600 KB): no word breaks, and
// text wrapping falls back to character clusters.
#include "wasm/text/line_break.hpp"

namespace thai {

std::vector<size_t> word_breaks(std::u32string_view) { return {}; }

}  // namespace thai
