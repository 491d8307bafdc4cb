#pragma once
// The HTTP(S) server: a listening socket, one event loop per I/O thread, a pool of workers
// for the slow requests, and an orderly stop on SIGINT/SIGTERM (stop accepting, let
// in-flight requests finish, then return).
//
// Each connection lives on one loop, so its requests never wake another thread: loops that
// share one io_context spent 18 % of the server's time in the kernel waking each other
// (docs/performance.md). A request the router calls slow (a write, a document rendered, a
// call to another server) runs on a worker, so it cannot hold up its loop's other
// connections, and its reply is written back on the loop.
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "server/http/request_log.hpp"
#include "server/http/router.hpp"
#include "server/http/session.hpp"

namespace server::http {

class Server {
 public:
  // `threads` I/O loops, and as many workers for slow requests.
  Server(const Router& router, RequestLog& log, unsigned threads, Limits limits = {}, TrustedProxies proxies = {});

  // Serve HTTPS (TLS 1.2 and later) with this PEM certificate chain and private key
  // instead of plain HTTP. Throws with a message naming the file that failed.
  void use_tls(const std::string& certificate_file, const std::string& key_file);

  // Binds and listens; throws on failure. Returns the port (useful when asked for port 0).
  std::uint16_t listen(const std::string& address, std::uint16_t port);

  // Serves until a signal or stop(); then waits up to `grace` for the requests in flight.
  // Returns true if everything finished in time.
  bool run(std::chrono::seconds grace = std::chrono::seconds(10));

  void stop();  // thread-safe

 private:
  void accept();
  void refuse(boost::asio::ip::tcp::socket& socket, bool address_full);

  using Loop = boost::asio::io_context;
  using KeepRunning = boost::asio::executor_work_guard<Loop::executor_type>;

  // Declared in the order they can be torn down in reverse: the sessions a loop still holds
  // at its end remove themselves from connections_; workers hold a loop's work until their
  // reply is handed back.
  Limits limits_;
  TrustedProxies proxies_;
  std::optional<boost::asio::ssl::context> tls_;
  Connections connections_;
  RequestLog& log_;
  std::vector<std::unique_ptr<Loop>> loops_;
  std::vector<KeepRunning> keep_running_;  // loops wait for connections until the stop
  boost::asio::thread_pool workers_;
  SessionContext context_;
  boost::asio::ip::tcp::acceptor acceptor_;  // on the first loop, as are the two below
  boost::asio::signal_set signals_;
  boost::asio::steady_timer accept_retry_;
  std::size_t next_loop_ = 0;

  std::mutex mutex_;
  std::condition_variable changed_;
  bool stop_requested_ = false;
  unsigned running_loops_ = 0;
  std::chrono::steady_clock::time_point last_refusal_note_{};  // on the acceptor's loop
};

}  // namespace server::http
