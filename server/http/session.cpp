#include "server/http/session.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/execution/outstanding_work.hpp>
#include <boost/asio/prefer.hpp>
#include <algorithm>
#include <sys/sendfile.h>
#include <cerrno>

#include "server/http/api_replies.hpp"
#include "server/http/disk_full.hpp"
#include "server/http/errors.hpp"
#include "server/http/request_log.hpp"
#include "server/http/router.hpp"
#include "shared/core/text.hpp"

namespace server::http {

namespace net = boost::asio;
namespace bhttp = beast::http;

template <class Stream>
template <class... TlsContext>
Session<Stream>::Session(SessionContext& context, net::ip::tcp::socket&& socket, TlsContext&... tls_context)
    : stream_(std::move(socket), tls_context...), context_(context), file_timer_(stream_.get_executor()) {
  beast::error_code ec;
  auto remote = beast::get_lowest_layer(stream_).socket().remote_endpoint(ec);
  if (!ec) peer_ = remote.address();
}

template <class Stream>
Session<Stream>::~Session() { context_.connections.remove(this); }

template <class Stream>
void Session<Stream>::start() {
  // Run on the connection's loop: every step of this session is serialised on it.
  net::dispatch(stream_.get_executor(), [self = this->shared_from_this()] {
    if constexpr (tls) {
      // The handshake counts as waiting for the first request (timeout, shutdown, eviction).
      self->set_waiting(true);
      beast::get_lowest_layer(self->stream_).expires_after(self->context_.limits.header_timeout);
      // A plain-HTTP request or a TLS 1.0/1.1 client fails here and is closed unanswered.
      self->stream_.async_handshake(net::ssl::stream_base::server, [self](beast::error_code ec) {
        if (ec) return self->close();
        self->read_request();
      });
    } else {
      self->read_request();
    }
  });
}

template <class Stream>
void Session<Stream>::shut_down() {
  net::post(stream_.get_executor(), [self = this->shared_from_this()] {
    self->stopping_ = true;
    if (self->waiting.load(std::memory_order_relaxed) && !(self->parser_ && self->parser_->got_some()))
      beast::get_lowest_layer(self->stream_).cancel();
  });
}

template <class Stream>
void Session<Stream>::evict() {
  net::post(stream_.get_executor(), [self = this->shared_from_this()] {
    if (self->waiting.load(std::memory_order_relaxed)) self->close();
    else self->context_.connections.spared(self.get());
  });
}

template <class Stream>
void Session<Stream>::set_waiting(bool waiting) {
  if (waiting) this->waiting_since.store(std::chrono::steady_clock::now().time_since_epoch().count(), std::memory_order_relaxed);
  this->waiting.store(waiting, std::memory_order_relaxed);
}

template <class Stream>
void Session<Stream>::read_request() {
  if (stopping_) return close();
  parser_.emplace();
  parser_->header_limit(context_.limits.header_bytes);
  // Uploads may be larger: the limit of the request's own route is set once its path is known.
  parser_->body_limit(context_.router.largest_body_limit(context_.limits.body_bytes));
  method_ = path_ = "-";
  head_ = false;
  https_ = tls;
  set_waiting(true);
  // The first request's headers must be complete within header_timeout of the connection;
  // a kept-alive connection may wait idle_timeout for the next request to start, then it
  // too has header_timeout. Never per byte: a byte a second would hold the connection forever.
  if (first_request_ || buffer_.size() > 0) return read_header();
  beast::get_lowest_layer(stream_).expires_after(context_.limits.idle_timeout);
  stream_.async_read_some(buffer_.prepare(4096), [self = this->shared_from_this()](beast::error_code ec, std::size_t n) {
    if (ec) return self->close();  // closed by the client, idle too long, shut down or evicted
    self->buffer_.commit(n);
    self->read_header();
  });
}

template <class Stream>
void Session<Stream>::read_header() {
  beast::get_lowest_layer(stream_).expires_after(context_.limits.header_timeout);
  bhttp::async_read_header(stream_, buffer_, *parser_,
                           [self = this->shared_from_this()](beast::error_code ec, std::size_t) { self->on_header(ec); });
}

template <class Stream>
void Session<Stream>::on_header(beast::error_code ec) {
  const bool got_some = parser_->got_some();
  set_waiting(false);
  first_request_ = false;
  started_ = std::chrono::steady_clock::now();
  if (got_some) {  // for the log, also when the headers were refused
    const Request& request = parser_->get();
    method_ = std::string(request.method_string());
    path_ = std::string(split_target(request.target()).raw_path);
    head_ = request.method() == Verb::head;
  }
  if (ec == bhttp::error::header_limit) return respond(headers_too_large(), true);
  // Beast refuses an announced Content-Length above the limit as soon as the headers end.
  if (ec == bhttp::error::body_limit) return respond(body_too_large(context_.limits.body_bytes), true);
  // Closed by the client, too slow, cancelled by a shutdown or evicted: nothing to answer.
  if (ec && (!got_some || ec == beast::error::timeout || ec == net::error::operation_aborted ||
             ec == bhttp::error::partial_message || !beast::get_lowest_layer(stream_).socket().is_open()))
    return close();
  if (ec) return respond(malformed_request(), true);

  {
    const Request& request = parser_->get();
    const auto limit = context_.router.body_limit(request.method(), split_target(request.target()).raw_path,
                                                  context_.limits.body_bytes);
    if (parser_->content_length() && *parser_->content_length() > limit) return respond(body_too_large(limit), true);
    parser_->body_limit(limit);  // a chunked body is counted as it arrives
  }
  if (parser_->is_done()) return handle_request();
  body_started_ = std::chrono::steady_clock::now();
  body_received_ = 0;
  read_body();
}

// A body may be slow but must keep moving: after a grace of header_timeout it has to
// average body_min_rate, so a 20 MB upload on a 1.6 Mbit/s line (about 100 s) passes and a
// client trickling a byte at a time is closed. Each piece moves the deadline forward by
// what it brought.
template <class Stream>
void Session<Stream>::read_body() {
  const auto earned = std::chrono::milliseconds(body_received_ * 1000 / std::max<std::uint64_t>(context_.limits.body_min_rate, 1));
  beast::get_lowest_layer(stream_).expires_at(body_started_ + context_.limits.header_timeout + earned);
  bhttp::async_read_some(stream_, buffer_, *parser_, [self = this->shared_from_this()](beast::error_code ec, std::size_t n) {
    self->on_body(ec, n);
  });
}

template <class Stream>
void Session<Stream>::on_body(beast::error_code ec, std::size_t bytes) {
  if (ec == bhttp::error::body_limit) {
    const Request& request = parser_->get();
    return respond(body_too_large(context_.router.body_limit(request.method(), split_target(request.target()).raw_path,
                                                             context_.limits.body_bytes)),
                   true);
  }
  if (ec == beast::error::timeout || ec == net::error::operation_aborted) return close();
  if (ec) return respond(malformed_request(), true);
  if (!parser_->is_done()) {
    body_received_ += bytes;
    return read_body();
  }
  handle_request();
}

template <class Stream>
void Session<Stream>::handle_request() {
  const Request& request = parser_->get();
  const Target target = split_target(request.target());
  const bool close_after = !request.keep_alive() || stopping_;
  if (request.version() != 10 && request.version() != 11) return respond(malformed_request(), true);
  auto path = percent_decode(target.raw_path, false);
  if (!path || path->empty() || path->front() != '/' || !domain::is_valid_utf8(*path) ||
      path->find('\0') != std::string::npos)
    return respond(bad_request({"bad_path", "", "ที่อยู่ไม่ถูกต้อง", "Invalid path"}), close_after);

  const Query query(target.raw_query);
  const ClientOrigin origin = client_origin(peer_, tls, request, context_.proxies);
  https_ = origin.https;
  RequestContext context{request, *path, query, {}, origin.address, origin.https};
  const Routed routed = context_.router.route(context);
  if (routed.slow) return answer_on_workers(std::move(*path), origin, routed, std::move(context.params), close_after);
  respond(answer(context, routed), close_after);
}

// The request stays in parser_, untouched until the reply is written; the loop goes on with
// its other connections meanwhile. The worker holds the loop's work so that a stopping
// loop waits for this reply.
template <class Stream>
void Session<Stream>::answer_on_workers(std::string path, ClientOrigin origin, Routed routed, Params params,
                                        bool close) {
  auto loop = net::prefer(stream_.get_executor(), net::execution::outstanding_work.tracked);
  net::post(context_.workers, [self = this->shared_from_this(), loop, path = std::move(path), origin,
                               routed = std::move(routed), params = std::move(params), close]() mutable {
    const Request& request = self->parser_->get();
    const Query query(split_target(request.target()).raw_query);
    RequestContext context{request, path, query, std::move(params), origin.address, origin.https};
    auto reply = std::make_shared<Reply>(self->answer(context, routed));
    net::post(loop, [self, reply, close] { self->respond(std::move(*reply), close); });
  });
}

// Never crash on one request: log what went wrong (without the query), answer 500.
template <class Stream>
Reply Session<Stream>::answer(RequestContext& context, const Routed& routed) {
  try {
    return context_.router.run(routed, context);
  } catch (const std::exception& e) {
    context_.log.note(std::string("error: ") + method_ + " " + path_ + ": " + e.what());
    return is_disk_full(e) ? insufficient_storage() : internal_error();
  }
}

template <class Stream>
void Session<Stream>::respond(Reply reply, bool close) {
  const Request* request = parser_ && parser_->is_header_done() ? &parser_->get() : nullptr;
  // Cache-Control, ETag and 304, compression: one place for every API reply.
  if (path_.rfind("/api/", 0) == 0) finish_api_reply(reply, request);
  std::visit(
      [&](auto& response) {
        response.version(request && request->version() == 10 ? 10 : 11);
        response.keep_alive(!close);
        // Every reply: no sniffing, no framing. One without a policy of its own (the API,
        // errors, downloads; the static site sets one that lets the wasm client run) may
        // load and run nothing.
        response.set("X-Content-Type-Options", "nosniff");
        response.set("X-Frame-Options", "DENY");
        if (response.find("Content-Security-Policy") == response.end())
          response.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        if (https_) response.set("Strict-Transport-Security", "max-age=31536000");
        using Body = typename std::decay_t<decltype(response)>::body_type;
        if constexpr (std::is_same_v<Body, bhttp::empty_body>) {
          body_bytes_ = 0;
        } else {
          body_bytes_ = head_ ? 0 : response.body().size();
        }
        if (head_) {
          // HEAD: the same headers (Content-Length included), no body.
          auto headers_only = std::make_shared<EmptyResponse>(std::move(response.base()));
          return write(std::move(headers_only), close);
        }
        if constexpr (std::is_same_v<Body, SharedBody> && !tls) {
          if (response.body().file() >= 0) return write_file(std::make_shared<SharedResponse>(std::move(response)), close);
        }
        write(std::make_shared<std::decay_t<decltype(response)>>(std::move(response)), close);
      },
      reply);
}

// The headers as any reply, then the body straight from its memory file (sendfile: the
// kernel takes the pages, nothing is copied per reply). Plain connections only.
template <class Stream>
void Session<Stream>::write_file(std::shared_ptr<SharedResponse> response, bool close) {
  auto serializer = std::make_shared<bhttp::response_serializer<SharedBody>>(*response);
  beast::get_lowest_layer(stream_).expires_after(context_.limits.write_stall_timeout);
  bhttp::async_write_header(stream_, *serializer,
                            [self = this->shared_from_this(), response, serializer, close](beast::error_code ec, std::size_t) {
                              if (ec) {
                                self->log_request(response->result_int());
                                return self->close();
                              }
                              self->send_file(response, 0, close);
                            });
}

template <class Stream>
void Session<Stream>::send_file(std::shared_ptr<SharedResponse> response, std::size_t offset, bool close) {
  if constexpr (!tls) {
    auto& socket = stream_.socket();
    if (!socket.native_non_blocking()) socket.native_non_blocking(true);
    const std::size_t size = response->body().size();
    while (offset < size) {
      off_t at = static_cast<off_t>(offset);
      const ssize_t n = ::sendfile(socket.native_handle(), response->body().file(), &at, size - offset);
      if (n > 0) {
        offset += static_cast<std::size_t>(n);
        continue;
      }
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && errno == EAGAIN) {
        // Full: wait until the socket takes more, within the write stall timeout, re-armed
        // for each piece as for any reply. A stale timer (its wait already over) does nothing.
        const auto wait = ++file_wait_;
        file_timer_.expires_after(context_.limits.write_stall_timeout);
        file_timer_.async_wait([self = this->shared_from_this(), wait](beast::error_code ec) {
          if (!ec && wait == self->file_wait_) self->stream_.socket().cancel();
        });
        socket.async_wait(net::socket_base::wait_write,
                          [self = this->shared_from_this(), response, offset, close](beast::error_code ec) {
                            ++self->file_wait_;
                            self->file_timer_.cancel();
                            if (!ec) return self->send_file(response, offset, close);
                            self->log_request(response->result_int());
                            self->close();
                          });
        return;
      }
      log_request(response->result_int());  // the client went away
      return this->close();
    }
    log_request(response->result_int());
    if (close) return close_gracefully();
    read_request();
  }
}

template <class Stream>
template <class Body>
void Session<Stream>::write(std::shared_ptr<bhttp::response<Body>> response, bool close) {
  auto serializer = std::make_shared<bhttp::response_serializer<Body>>(*response);
  write_some(std::move(response), std::move(serializer), close);
}

// Writes piece by piece, re-arming the deadline each time: a 5 MB app.wasm over a slow
// rural link may take minutes, but must keep moving.
template <class Stream>
template <class Body>
void Session<Stream>::write_some(std::shared_ptr<bhttp::response<Body>> response,
                         std::shared_ptr<bhttp::response_serializer<Body>> serializer, bool close) {
  beast::get_lowest_layer(stream_).expires_after(context_.limits.write_stall_timeout);
  bhttp::async_write_some(
      stream_, *serializer,
      [self = this->shared_from_this(), response, serializer, close](beast::error_code ec, std::size_t) {
        if (ec) {
          self->log_request(response->result_int());
          return self->close();
        }
        if (!serializer->is_done()) return self->write_some(response, serializer, close);
        self->log_request(response->result_int());
        if (close) return self->close_gracefully();
        self->read_request();
      });
}

template <class Stream>
void Session<Stream>::log_request(unsigned status) {
  auto elapsed = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_);
  context_.log.request(method_, path_, status, body_bytes_, elapsed.count());
}

template <class Stream>
void Session<Stream>::close_gracefully() {
  // Stop sending, then read and discard what the client still sends (say, the rest of a
  // refused body) until it closes: closing with unread data would make the kernel send a
  // reset, which can destroy the reply before the client has read it.
  beast::get_lowest_layer(stream_).expires_after(std::chrono::seconds(2));
  if constexpr (tls) {
    // TLS: send close_notify and wait (briefly) for the client's.
    stream_.async_shutdown([self = this->shared_from_this()](beast::error_code) { self->close(); });
  } else {
    beast::error_code ec;
    stream_.socket().shutdown(net::ip::tcp::socket::shutdown_send, ec);
    drain();
  }
}

template <class Stream>
void Session<Stream>::drain() {
  stream_.async_read_some(net::buffer(drain_buffer_), [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
    if (ec) return self->close();
    self->drain();
  });
}

template <class Stream>
void Session<Stream>::close() {
  beast::error_code ec;
  auto& tcp = beast::get_lowest_layer(stream_);
  tcp.socket().shutdown(net::ip::tcp::socket::shutdown_both, ec);
  tcp.close();
}

template class Session<beast::tcp_stream>;
template class Session<beast::ssl_stream<beast::tcp_stream>>;
template PlainSession::Session(SessionContext&, net::ip::tcp::socket&&);
template TlsSession::Session(SessionContext&, net::ip::tcp::socket&&, net::ssl::context&);

}  // namespace server::http
