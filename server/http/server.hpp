#pragma once
// The HTTP(S) server: a listening socket, a small pool of I/O threads, and an orderly stop on
// SIGINT/SIGTERM (stop accepting, let in-flight requests finish, then return).
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "server/http/request_log.hpp"
#include "server/http/router.hpp"
#include "server/http/session.hpp"

namespace server::http {

class Server {
 public:
  Server(const Router& router, RequestLog& log, Limits limits = {}, TrustedProxies proxies = {});

  // Serve HTTPS (TLS 1.2 and later) with this PEM certificate chain and private key
  // instead of plain HTTP. Throws with a message naming the file that failed.
  void use_tls(const std::string& certificate_file, const std::string& key_file);

  // Binds and listens; throws on failure. Returns the port (useful when asked for port 0).
  std::uint16_t listen(const std::string& address, std::uint16_t port);

  // Serves on `threads` threads until a signal or stop(); then waits up to `grace` for the
  // requests in flight. Returns true if everything finished in time.
  bool run(unsigned threads, std::chrono::seconds grace = std::chrono::seconds(10));

  void stop();  // thread-safe

 private:
  void accept();
  void refuse(boost::asio::ip::tcp::socket& socket, bool address_full);

  boost::asio::io_context io_;
  boost::asio::ip::tcp::acceptor acceptor_;
  boost::asio::signal_set signals_;
  boost::asio::steady_timer accept_retry_;
  Limits limits_;
  TrustedProxies proxies_;
  std::optional<boost::asio::ssl::context> tls_;
  Connections connections_;
  SessionContext context_;
  RequestLog& log_;

  std::mutex mutex_;
  std::condition_variable changed_;
  bool stop_requested_ = false;
  unsigned running_threads_ = 0;
  std::chrono::steady_clock::time_point last_refusal_note_{};  // on the acceptor's strand
};

}  // namespace server::http
