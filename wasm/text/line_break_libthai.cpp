// Thai word breaks from libthai's dictionary (native builds).
#include <thai/thbrk.h>
#include <thai/thwbrk.h>

#include <string>

#include "wasm/text/line_break.hpp"

namespace thai {

std::vector<size_t> word_breaks(std::u32string_view text) {
  static ThBrk* breaker = th_brk_new(nullptr);  // the default dictionary; lives for the process
  std::vector<size_t> out;
  if (!breaker || text.empty()) return out;
  std::wstring wide(text.begin(), text.end());  // thwchar_t is wchar_t: UTF-32 on Linux
  std::vector<int> pos(text.size() + 1);
  int n = th_brk_wc_find_breaks(breaker, wide.c_str(), pos.data(), pos.size());
  for (int i = 0; i < n; ++i) out.push_back(size_t(pos[i]));
  return out;
}

}  // namespace thai
