#pragma once
// UTF-8 <-> code points, for the text passes that work per code point.
#include <string>
#include <string_view>

namespace utf8 {

// Invalid sequences become U+FFFD, so a bad byte never stops drawing.
std::u32string decode(std::string_view utf8);
std::string encode(std::u32string_view code_points);

}  // namespace utf8
