// A request target: path and query split, percent-decoding, parameters looked up by name.
#include "server/http/query.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view target(reinterpret_cast<const char*>(data), size);
  const auto split = server::http::split_target(target);
  (void)server::http::percent_decode(split.raw_path, false);
  (void)server::http::percent_decode(split.raw_query, true);
  const server::http::Query query(split.raw_query);
  for (const char* name : {"q", "page", "from", "", "a b", "ชื่อ"}) (void)query.get(name);
  return 0;
}
