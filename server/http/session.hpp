#pragma once
// One TCP connection, plain or TLS: reads requests one after another (keep-alive), with
// limits and timeouts, hands each to the router and writes the reply.
#include <array>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <chrono>
#include <map>
#include <memory>
#include <optional>

#include "server/http/client_address.hpp"
#include "server/http/connections.hpp"
#include "server/http/message.hpp"

namespace server::http {

class Router;
class RequestLog;
struct Routed;

struct SessionContext {
  const Router& router;
  const Limits& limits;
  RequestLog& log;
  Connections& connections;
  const TrustedProxies& proxies;
  boost::asio::thread_pool::executor_type workers;  // where the router's slow requests run
};

// Stream: beast::tcp_stream (plain HTTP) or beast::ssl_stream<beast::tcp_stream> (HTTPS,
// which first does the TLS handshake). Both are instantiated in session.cpp.
template <class Stream>
class Session : public SessionBase, public std::enable_shared_from_this<Session<Stream>> {
 public:
  static constexpr bool tls = !std::is_same_v<Stream, beast::tcp_stream>;

  // tls_context... : the boost::asio::ssl::context for an HTTPS session, nothing otherwise.
  template <class... TlsContext>
  Session(SessionContext& context, boost::asio::ip::tcp::socket&& socket, TlsContext&... tls_context);
  ~Session() override;
  void start();
  // Thread-safe. Idle: close now. Busy: finish the request, reply with "Connection: close".
  void shut_down() override;
  void evict() override;

 private:
  using Parser = beast::http::request_parser<beast::http::string_body>;

  void read_request();
  void read_header();
  void on_header(beast::error_code ec);
  void read_body();
  void on_body(beast::error_code ec, std::size_t bytes);
  void set_waiting(bool waiting);
  void handle_request();
  using Params = std::map<std::string, std::string, std::less<>>;  // RequestContext::params
  // The route was found on the loop; its handler runs on a worker.
  void answer_on_workers(std::string path, ClientOrigin origin, Routed routed, Params params, bool close);
  Reply answer(RequestContext& context, const Routed& routed);
  void respond(Reply reply, bool close);
  template <class Body>
  void write(std::shared_ptr<beast::http::response<Body>> response, bool close);
  template <class Body>
  void write_some(std::shared_ptr<beast::http::response<Body>> response,
                  std::shared_ptr<beast::http::response_serializer<Body>> serializer, bool close);
  void write_file(std::shared_ptr<SharedResponse> response, bool close);
  void send_file(std::shared_ptr<SharedResponse> response, std::size_t offset, bool close);
  void log_request(unsigned status);
  void close_gracefully();
  void drain();
  void close();

  Stream stream_;
  boost::asio::ip::address peer_;
  beast::flat_buffer buffer_;
  std::optional<Parser> parser_;
  SessionContext& context_;
  bool first_request_ = true;
  bool stopping_ = false;  // the server is shutting down
  bool head_ = false;      // current request is HEAD: headers only
  bool https_ = tls;       // the client's connection is TLS (ours, or a trusted proxy's)
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point body_started_;
  std::uint64_t body_received_ = 0;
  std::string method_ = "-", path_ = "-";
  std::uint64_t body_bytes_ = 0;
  std::array<char, 4096> drain_buffer_{};
  boost::asio::steady_timer file_timer_;  // write stall timeout of send_file's waits
  std::uint64_t file_wait_ = 0;           // which wait the timer is for
};

using PlainSession = Session<beast::tcp_stream>;
using TlsSession = Session<beast::ssl_stream<beast::tcp_stream>>;

}  // namespace server::http
