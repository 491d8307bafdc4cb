#include "server/http/server.hpp"

#include "server/http/errors.hpp"

#include <boost/asio/post.hpp>
#include <csignal>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

namespace server::http {

namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

std::vector<std::unique_ptr<net::io_context>> make_loops(unsigned n) {
  std::vector<std::unique_ptr<net::io_context>> loops;
  // Hint 1: each loop is run by one thread only.
  for (unsigned i = 0; i < std::max(n, 1u); ++i) loops.push_back(std::make_unique<net::io_context>(1));
  return loops;
}

}  // namespace

Server::Server(const Router& router, RequestLog& log, unsigned threads, Limits limits, TrustedProxies proxies)
    : limits_(limits),
      proxies_(std::move(proxies)),
      connections_(limits_, proxies_),
      log_(log),
      loops_(make_loops(threads)),
      workers_(std::max(threads, 1u)),
      context_{router, limits_, log, connections_, proxies_, workers_.get_executor()},
      acceptor_(*loops_.front()),
      signals_(*loops_.front(), SIGINT, SIGTERM),
      accept_retry_(*loops_.front()) {
  for (auto& loop : loops_) keep_running_.push_back(net::make_work_guard(*loop));
}

void Server::use_tls(const std::string& certificate_file, const std::string& key_file) {
  net::ssl::context tls(net::ssl::context::tls_server);
  tls.set_options(net::ssl::context::default_workarounds | net::ssl::context::no_sslv2 |
                  net::ssl::context::no_sslv3 | net::ssl::context::no_tlsv1 | net::ssl::context::no_tlsv1_1 |
                  net::ssl::context::single_dh_use);
  beast::error_code ec;
  tls.use_certificate_chain_file(certificate_file, ec);
  if (ec)
    throw std::runtime_error("cannot use TLS certificate '" + certificate_file + "' (--tls-cert, TLS_CERT): " +
                             ec.message() + "; give a readable PEM certificate chain");
  tls.use_private_key_file(key_file, net::ssl::context::pem, ec);
  if (!ec && SSL_CTX_check_private_key(tls.native_handle()) != 1)
    ec = beast::error_code(static_cast<int>(::ERR_get_error()), net::error::get_ssl_category());
  if (ec)
    throw std::runtime_error("cannot use TLS key '" + key_file + "' (--tls-key, TLS_KEY): " + ec.message() +
                             "; give the unencrypted PEM private key of the certificate");
  tls_.emplace(std::move(tls));
}

std::uint16_t Server::listen(const std::string& address, std::uint16_t port) {
  tcp::endpoint endpoint{net::ip::make_address(address), port};
  acceptor_.open(endpoint.protocol());
  acceptor_.set_option(net::socket_base::reuse_address(true));
  acceptor_.bind(endpoint);
  acceptor_.listen(net::socket_base::max_listen_connections);
  return acceptor_.local_endpoint().port();
}

void Server::accept() {
  // Connections are dealt to the loops in turn; each stays on its loop, one thread, so its
  // handlers never run concurrently.
  auto& loop = *loops_[next_loop_++ % loops_.size()];
  acceptor_.async_accept(loop, [this](beast::error_code ec, tcp::socket socket) {
    if (!acceptor_.is_open()) return;
    if (ec) {
      // Out of file descriptors and the like: wait a moment instead of spinning.
      log_.note("accept failed: " + ec.message());
      accept_retry_.expires_after(std::chrono::milliseconds(100));
      accept_retry_.async_wait([this](beast::error_code e) { if (!e) accept(); });
      return;
    }
    beast::error_code peer_error;
    const auto peer = socket.remote_endpoint(peer_error).address();
    if (peer_error) {  // already gone
      accept();
      return;
    }
    // A reply's last piece goes out at once, not after the client's (delayed) ACK of the
    // piece before: a body sent after its headers (send_file) would otherwise wait.
    socket.set_option(tcp::no_delay(true), peer_error);
    const auto admission = connections_.admit(peer);
    if (admission != Connections::Admission::admitted) {
      refuse(socket, admission == Connections::Admission::address_full);
    } else if (tls_) {
      auto session = std::make_shared<TlsSession>(context_, std::move(socket), *tls_);
      connections_.add(session, peer);
      session->start();
    } else {
      auto session = std::make_shared<PlainSession>(context_, std::move(socket));
      connections_.add(session, peer);
      session->start();
    }
    accept();
  });
}

// Over a cap: a short 503 written without waiting (a fresh socket's buffer takes it), then
// closed, so the client learns at once and the descriptor is free again. Plain text even on
// an HTTPS port: no handshake is spent on a connection we will not serve.
void Server::refuse(tcp::socket& socket, bool address_full) {
  static const std::string reply = [] {
    auto r = std::get<StringResponse>(error_reply(
        Status::service_unavailable,
        {"server_busy", "", "เซิร์ฟเวอร์มีผู้ใช้มากเกินไป กรุณาลองใหม่อีกครั้งในอีกสักครู่",
         "The server is too busy: please try again in a moment"}));
    r.set(beast::http::field::retry_after, "5");
    r.keep_alive(false);
    r.prepare_payload();
    std::ostringstream out;
    out << r;
    return out.str();
  }();
  beast::error_code ec;
  socket.non_blocking(true, ec);
  if (!tls_) socket.write_some(net::buffer(reply), ec);
  socket.shutdown(tcp::socket::shutdown_both, ec);
  socket.close(ec);
  const auto now = std::chrono::steady_clock::now();
  if (now - last_refusal_note_ >= std::chrono::seconds(10)) {  // under a flood: one line per 10 s
    last_refusal_note_ = now;
    log_.note(address_full ? "refused a connection: its address holds MAX_CONNECTIONS_PER_ADDRESS already"
                           : "refused a connection: MAX_CONNECTIONS reached and every connection busy");
  }
}

void Server::stop() {
  {
    std::lock_guard lock(mutex_);
    if (stop_requested_) return;
    stop_requested_ = true;
  }
  changed_.notify_all();
  // On the acceptor's loop: no connection can be accepted after this, and every one
  // accepted before is registered and told to finish.
  net::post(acceptor_.get_executor(), [this] {
    beast::error_code ec;
    acceptor_.close(ec);
    accept_retry_.cancel();
    connections_.shut_down_all();
    signals_.cancel(ec);
    // Each loop now ends once its last connection has finished.
    keep_running_.clear();
  });
}

bool Server::run(std::chrono::seconds grace) {
  std::signal(SIGPIPE, SIG_IGN);
  signals_.async_wait([this](beast::error_code ec, int signal) {
    if (ec) return;
    log_.note(std::string("received ") + (signal == SIGTERM ? "SIGTERM" : "SIGINT") + ", shutting down");
    stop();
  });
  net::post(acceptor_.get_executor(), [this] { accept(); });

  std::vector<std::thread> threads;
  running_loops_ = static_cast<unsigned>(loops_.size());
  for (auto& loop : loops_) {
    threads.emplace_back([this, &loop = *loop] {
      for (;;) {
        try {
          loop.run();
          break;
        } catch (const std::exception& e) {  // a handler threw past its own guard: keep serving
          log_.note(std::string("error: ") + e.what());
        }
      }
      std::lock_guard lock(mutex_);
      --running_loops_;
      changed_.notify_all();
    });
  }

  bool finished = true;
  {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return stop_requested_ || running_loops_ == 0; });
    if (!changed_.wait_for(lock, grace, [this] { return running_loops_ == 0; })) {
      log_.note("requests still running after the grace period: stopping anyway");
      finished = false;
      for (auto& loop : loops_) loop->stop();
    }
  }
  for (auto& t : threads) t.join();
  workers_.stop();
  workers_.join();
  return finished;
}

}  // namespace server::http
