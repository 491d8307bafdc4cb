#include "wasm/platform/native_http.hpp"

#include <openssl/ssl.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <cctype>
#include <cstdlib>
#include <optional>

#include "wasm/api/wire.hpp"

namespace platform::native {

namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = boost::asio::ssl;
using tcp = boost::asio::ip::tcp;

// Set-Cookie replies go in, Cookie headers come out: the worker thread only touches it.
api::CookieJar cookies;

// Made once: loading the system's certificates takes a while.
ssl::context& tls_context(const Server& server) {
  static std::optional<ssl::context> ctx;
  if (!ctx) {
    ssl::context made(ssl::context::tls_client);
    made.set_options(ssl::context::no_sslv2 | ssl::context::no_sslv3 | ssl::context::no_tlsv1 |
                     ssl::context::no_tlsv1_1);
    if (server.ca_file.empty()) made.set_default_verify_paths();
    else made.load_verify_file(server.ca_file);
    made.set_verify_mode(ssl::verify_peer);
    ctx.emplace(std::move(made));
  }
  return *ctx;
}

// Sends the request and reads the answer on any stream, plain or TLS. The body goes out in
// 64 KiB pieces so that an upload's progress can be reported.
template <class Stream>
HttpResponse exchange(Stream& stream, const Server& server, const HttpRequest& request,
                      const std::function<void(double, double)>& progress) {
  http::request<http::empty_body> req{http::string_to_verb(request.method), server.base_path + request.path, 11};
  req.set(http::field::host, server.host);
  req.set(http::field::user_agent, "school-client");
  for (const auto& [k, v] : request.headers) req.set(k, v);
  if (std::string jar = cookies.header(); !jar.empty()) req.set(http::field::cookie, jar);
  if (!request.body.empty() || request.method != "GET") req.content_length(request.body.size());
  http::request_serializer<http::empty_body> head{req};
  http::write_header(stream, head);
  const size_t piece = 64 * 1024, total = request.body.size();
  for (size_t sent = 0; sent < total;) {
    size_t n = std::min(piece, total - sent);
    boost::asio::write(stream, boost::asio::buffer(request.body.data() + sent, n));
    sent += n;
    if (progress) progress(double(sent), double(total));
  }
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(512 * 1024 * 1024);
  http::read(stream, buffer, parser);
  auto& res = parser.get();
  HttpResponse response{int(res.result_int()), std::move(res.body()), {}};
  for (const auto& field : res) {
    std::string name(field.name_string());
    for (char& c : name) c = char(std::tolower(static_cast<unsigned char>(c)));
    if (name == "set-cookie") cookies.store(field.value());
    response.headers.emplace_back(std::move(name), std::string(field.value()));
  }
  return response;
}

}  // namespace

std::string Server::origin() const { return (tls ? "https://" : "http://") + host + ":" + port; }

Server server_from_env() {
  Server s;
  const char* env = std::getenv("SERVER_URL");
  std::string url = env && *env ? env : "http://127.0.0.1:8080";
  if (url.rfind("https://", 0) == 0) s.tls = true, url = url.substr(8);
  else if (url.rfind("http://", 0) == 0) url = url.substr(7);
  if (const char* ca = std::getenv("SERVER_CA_FILE"); ca && *ca) s.ca_file = ca;
  size_t slash = url.find('/');
  std::string authority = url.substr(0, slash);
  if (slash != std::string::npos) s.base_path = url.substr(slash);
  while (!s.base_path.empty() && s.base_path.back() == '/') s.base_path.pop_back();
  size_t colon = authority.rfind(':');
  s.host = authority.substr(0, colon);
  s.port = colon != std::string::npos ? authority.substr(colon + 1) : s.tls ? "443" : "80";
  return s;
}

HttpResponse blocking_request(const Server& server, const HttpRequest& request,
                              const std::function<void(double, double)>& progress) {
  boost::asio::io_context io;
  tcp::resolver resolver(io);
  try {
    if (!server.tls) {
      beast::tcp_stream stream(io);
      stream.expires_after(std::chrono::seconds(30));
      stream.connect(resolver.resolve(server.host, server.port));
      auto response = exchange(stream, server, request, progress);
      beast::error_code ignored;
      stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
      return response;
    }
    ssl::context* context = nullptr;
    try {
      context = &tls_context(server);
    } catch (const std::exception&) {  // SERVER_CA_FILE unreadable: nothing to trust
      HttpResponse refused;
      refused.untrusted = true;
      return refused;
    }
    beast::ssl_stream<beast::tcp_stream> stream(io, *context);
    // The name the certificate must carry, sent as SNI too.
    SSL_set_tlsext_host_name(stream.native_handle(), server.host.c_str());
    stream.set_verify_callback(ssl::host_name_verification(server.host));
    beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(30));
    beast::get_lowest_layer(stream).connect(resolver.resolve(server.host, server.port));
    try {
      stream.handshake(ssl::stream_base::client);
    } catch (const boost::system::system_error& e) {
      HttpResponse refused;
      refused.untrusted = SSL_get_verify_result(stream.native_handle()) != X509_V_OK ||
                          ERR_GET_REASON(e.code().value()) == SSL_R_CERTIFICATE_VERIFY_FAILED;
      return refused;
    }
    auto response = exchange(stream, server, request, progress);
    beast::error_code ignored;
    stream.shutdown(ignored);
    return response;
  } catch (const std::exception&) {
    return {};  // status 0: no answer
  }
}

}  // namespace platform::native
