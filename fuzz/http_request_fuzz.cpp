// Raw bytes from a socket as the session reads them: Beast's parser with the server's
// limits, then what the session does with a parsed request (target, path decoding, the
// client's address behind a trusted proxy). The first piece is the TRUSTED_PROXY list.
#include <boost/beast/core/flat_buffer.hpp>

#include "fuzz/fuzz_input.hpp"
#include "server/http/client_address.hpp"
#include "server/http/message.hpp"

namespace http = boost::beast::http;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto in = fuzz::pieces(data, size, 2);
  auto proxies = server::http::TrustedProxies::parse(in[0]);
  http::request_parser<http::string_body> parser;
  parser.header_limit(8 * 1024);
  parser.body_limit(64 * 1024);
  boost::beast::error_code ec;
  parser.put(boost::asio::buffer(in[1].data(), in[1].size()), ec);
  if (!parser.is_header_done()) return 0;
  const auto& request = parser.get();
  const auto target = server::http::split_target(request.target());
  (void)server::http::percent_decode(target.raw_path, false);
  if (auto* trusted = std::get_if<server::http::TrustedProxies>(&proxies)) {
    for (const char* peer : {"127.0.0.1", "::ffff:10.0.0.1", "2001:db8::1"})
      (void)server::http::client_origin(boost::asio::ip::make_address(peer), false, request, *trusted);
  }
  return 0;
}
