// An upload's body: the Content-Type header (first piece) and the body (the rest).
#include "fuzz/fuzz_input.hpp"
#include "server/http/multipart.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto in = fuzz::pieces(data, size, 2);
  auto parts = server::http::parse_multipart(in[0], in[1]);
  if (!parts) return 0;
  for (const auto& part : *parts) {
    // Each part's bytes must lie inside the body (they are views into it).
    if (!part.data.empty() && (part.data.data() < in[1].data() ||
                               part.data.data() + part.data.size() > in[1].data() + in[1].size()))
      __builtin_trap();
  }
  (void)server::http::find_part(*parts, "file");
  return 0;
}
