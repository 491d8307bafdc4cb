// Who the client is: the TRUSTED_PROXY list (first piece), then X-Forwarded-For and
// X-Forwarded-Proto header lines (one per further piece) from a peer that may be trusted.
#include "fuzz/fuzz_input.hpp"
#include "server/http/client_address.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto in = fuzz::pieces(data, size, 5);
  auto parsed = server::http::TrustedProxies::parse(in[0]);
  auto* proxies = std::get_if<server::http::TrustedProxies>(&parsed);
  if (!proxies) return 0;
  server::http::Request request;
  for (std::size_t i = 1; i < 4; ++i) {
    if (in[i].find_first_of("\r\n") != std::string_view::npos) continue;  // Beast refuses these in headers
    request.insert("X-Forwarded-For", in[i]);
  }
  if (in[4].find_first_of("\r\n") == std::string_view::npos) request.set("X-Forwarded-Proto", in[4]);
  for (const char* peer : {"127.0.0.1", "::1", "::ffff:10.0.0.5", "10.0.0.5"}) {
    const auto origin = server::http::client_origin(boost::asio::ip::make_address(peer), true, request, *proxies);
    if (origin.address.empty()) __builtin_trap();  // always someone: the peer at least
  }
  return 0;
}
