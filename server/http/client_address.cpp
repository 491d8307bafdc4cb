#include "server/http/client_address.hpp"

#include <algorithm>

namespace server::http {

namespace {

namespace ip = boost::asio::ip;

std::vector<std::string_view> split_list(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ',' || s[i] == ' ' || s[i] == '\t')) ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ',' && s[j] != ' ' && s[j] != '\t') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

ip::address canonical(const ip::address& a) { return canonical_address(a); }

std::optional<ip::address> parse_address(std::string_view s) {
  // "[2001:db8::1]:443" and "203.0.113.7:51234" are written by some proxies.
  std::string text(s);
  if (!text.empty() && text.front() == '[') {
    auto close = text.find(']');
    if (close == std::string::npos) return std::nullopt;
    text = text.substr(1, close - 1);
  } else if (std::count(text.begin(), text.end(), ':') == 1) {
    text = text.substr(0, text.find(':'));
  }
  boost::system::error_code ec;
  auto a = ip::make_address(text, ec);
  if (ec) return std::nullopt;
  return canonical(a);
}

}  // namespace

ip::address canonical_address(const ip::address& a) {
  if (a.is_v6() && a.to_v6().is_v4_mapped()) return ip::make_address_v4(ip::v4_mapped, a.to_v6());
  return a;
}

std::variant<TrustedProxies, std::string> TrustedProxies::parse(std::string_view list) {
  TrustedProxies out;
  for (auto entry : split_list(list)) {
    boost::system::error_code ec;
    auto a = ip::make_address(std::string(entry), ec);
    if (ec) return "TRUSTED_PROXY: '" + std::string(entry) + "' is not an IP address";
    out.addresses_.push_back(canonical(a));
  }
  return out;
}

bool TrustedProxies::contains(const ip::address& a) const {
  return std::find(addresses_.begin(), addresses_.end(), canonical(a)) != addresses_.end();
}

ClientOrigin client_origin(const ip::address& peer, bool tls, const Request& request, const TrustedProxies& proxies) {
  ClientOrigin origin{canonical(peer).to_string(), tls};
  if (!proxies.contains(peer)) return origin;

  // Several X-Forwarded-For lines are one list, in order.
  std::vector<std::string_view> hops;
  auto [first_line, end_line] = request.equal_range("X-Forwarded-For");
  for (auto it = first_line; it != end_line; ++it)
    for (auto h : split_list(it->value())) hops.push_back(h);
  for (auto h = hops.rbegin(); h != hops.rend(); ++h) {
    auto a = parse_address(*h);
    if (!a) break;  // garbage: keep the last address a trusted proxy vouched for
    origin.address = a->to_string();
    if (!proxies.contains(*a)) break;
  }
  if (auto proto = request.find("X-Forwarded-Proto"); proto != request.end()) {
    auto first = split_list(proto->value());
    if (!first.empty()) origin.https = beast::iequals(first.front(), "https");
  }
  return origin;
}

}  // namespace server::http
