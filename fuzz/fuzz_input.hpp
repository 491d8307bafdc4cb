#pragma once
// Splits a fuzzer's bytes into the pieces a target needs: pieces are separated by a NUL
// byte (the seed files write them so), the last piece takes the rest.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace fuzz {

inline std::vector<std::string_view> pieces(const std::uint8_t* data, std::size_t size, std::size_t count) {
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  std::vector<std::string_view> out;
  while (out.size() + 1 < count) {
    const auto nul = rest.find('\0');
    if (nul == std::string_view::npos) break;
    out.push_back(rest.substr(0, nul));
    rest.remove_prefix(nul + 1);
  }
  out.push_back(rest);
  while (out.size() < count) out.emplace_back();
  return out;
}

}  // namespace fuzz
