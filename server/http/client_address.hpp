#pragma once
// Who is on the other end of a request: the peer address, or, when the peer is a reverse
// proxy we were told to trust (TRUSTED_PROXY), the client it names in X-Forwarded-For.
// Anyone else's X-Forwarded-* headers are ignored: a client could write anything there.
#include <boost/asio/ip/address.hpp>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "server/http/message.hpp"

namespace server::http {

// "::ffff:10.0.0.1" is 10.0.0.1 reached over IPv6: counted and compared as IPv4.
boost::asio::ip::address canonical_address(const boost::asio::ip::address& a);

class TrustedProxies {
 public:
  TrustedProxies() = default;
  // "10.0.0.5, ::1": exact addresses, separated by commas or spaces. The error names the bad entry.
  static std::variant<TrustedProxies, std::string> parse(std::string_view list);
  bool contains(const boost::asio::ip::address& a) const;
  bool empty() const { return addresses_.empty(); }

 private:
  std::vector<boost::asio::ip::address> addresses_;
};

struct ClientOrigin {
  std::string address;  // e.g. "203.0.113.7" or "2001:db8::1"
  bool https = false;   // the client's own connection was TLS (ours, or the proxy's per X-Forwarded-Proto)
};

// X-Forwarded-For is read from the right: each trusted proxy appends the address it saw,
// so the first entry from the right that is not a trusted proxy is the client.
ClientOrigin client_origin(const boost::asio::ip::address& peer, bool tls, const Request& request,
                           const TrustedProxies& proxies);

}  // namespace server::http
