// Who the client is behind a reverse proxy.
#include <catch2/catch.hpp>

#include "server/http/client_address.hpp"

using namespace server::http;
namespace ip = boost::asio::ip;

namespace {

Request with_headers(std::vector<std::pair<std::string, std::string>> headers) {
  Request r{Verb::get, "/", 11};
  for (auto& [k, v] : headers) r.insert(k, v);
  return r;
}

TrustedProxies trust(const std::string& list) { return std::get<TrustedProxies>(TrustedProxies::parse(list)); }

}  // namespace

TEST_CASE("client address: the peer unless it is a trusted proxy", "[server][proxy]") {
  const auto proxy = ip::make_address("10.0.0.5");
  const auto rq = with_headers({{"X-Forwarded-For", "203.0.113.7"}, {"X-Forwarded-Proto", "https"}});
  CHECK(client_origin(proxy, false, rq, {}).address == "10.0.0.5");
  CHECK_FALSE(client_origin(proxy, false, rq, {}).https);
  auto behind = client_origin(proxy, false, rq, trust("10.0.0.5"));
  CHECK(behind.address == "203.0.113.7");
  CHECK(behind.https);
  // Another peer claiming to be forwarded is not believed.
  CHECK(client_origin(ip::make_address("192.0.2.1"), false, rq, trust("10.0.0.5")).address == "192.0.2.1");
}

TEST_CASE("client address: X-Forwarded-For is read from the right, through trusted hops only", "[server][proxy]") {
  const auto proxy = ip::make_address("10.0.0.5");
  const auto proxies = trust("10.0.0.5, 10.0.0.6");
  CHECK(client_origin(proxy, false, with_headers({{"X-Forwarded-For", "1.2.3.4, 203.0.113.7, 10.0.0.6"}}), proxies)
            .address == "203.0.113.7");
  CHECK(client_origin(proxy, false, with_headers({{"X-Forwarded-For", "1.2.3.4"}, {"X-Forwarded-For", "203.0.113.8"}}), proxies)
            .address == "203.0.113.8");
  CHECK(client_origin(proxy, false, with_headers({{"X-Forwarded-For", "[2001:db8::1]:443"}}), proxies).address == "2001:db8::1");
  CHECK(client_origin(proxy, false, with_headers({{"X-Forwarded-For", "203.0.113.9:5555"}}), proxies).address == "203.0.113.9");
  // Garbage stops the walk at the last address a trusted proxy vouched for.
  CHECK(client_origin(proxy, false, with_headers({{"X-Forwarded-For", "evil, 10.0.0.6"}}), proxies).address == "10.0.0.6");
  CHECK(client_origin(proxy, false, with_headers({}), proxies).address == "10.0.0.5");
  CHECK(client_origin(ip::make_address("::ffff:10.0.0.5"), false, with_headers({{"X-Forwarded-For", "203.0.113.1"}}), proxies)
            .address == "203.0.113.1");
  CHECK(client_origin(proxy, true, with_headers({}), {}).https);
}

TEST_CASE("client address: TRUSTED_PROXY must list IP addresses", "[server][proxy]") {
  CHECK(std::holds_alternative<TrustedProxies>(TrustedProxies::parse("")));
  CHECK(std::holds_alternative<TrustedProxies>(TrustedProxies::parse("127.0.0.1 ::1")));
  auto bad = TrustedProxies::parse("127.0.0.1, proxy.local");
  REQUIRE(std::holds_alternative<std::string>(bad));
  CHECK(std::get<std::string>(bad).find("proxy.local") != std::string::npos);
}
