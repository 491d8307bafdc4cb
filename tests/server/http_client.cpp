#include "tests/server/http_client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cctype>
#include <cstdio>
#include <functional>
#include <stdexcept>

namespace test_server {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = net::ip::tcp;

// Every operation is asynchronous on a beast::tcp_stream with a deadline, run to
// completion on a private io_context: a server that hangs fails the test, not the suite.
struct Connection::State {
  net::io_context io;
  beast::tcp_stream stream{io};
  beast::flat_buffer buffer;

  explicit State(unsigned short port) {
    stream.expires_after(std::chrono::seconds(10));
    beast::error_code result;
    stream.async_connect(tcp::endpoint{net::ip::make_address("127.0.0.1"), port},
                         [&](beast::error_code ec) { result = ec; });
    run();
    if (result) throw std::runtime_error("connect: " + result.message());
  }
  void run() {
    io.restart();
    io.run();
  }
};

namespace {

HttpResponse read_response(Connection::State& s, const std::string& method);

HttpResponse exchange(Connection::State& s, const std::string& method, const std::string& target,
                      const Headers& headers, const std::string& body) {
  bhttp::request<bhttp::string_body> req{bhttp::string_to_verb(method), target, 11};
  req.set(bhttp::field::host, "127.0.0.1");
  for (const auto& [k, v] : headers) req.set(k, v);
  req.body() = body;
  if (!body.empty() || method == "POST" || method == "PUT") req.prepare_payload();

  beast::error_code result;
  s.stream.expires_after(std::chrono::seconds(10));
  bhttp::async_write(s.stream, req, [&](beast::error_code ec, std::size_t) { result = ec; });
  s.run();
  if (result) throw std::runtime_error(method + " " + target + ": " + result.message());
  return read_response(s, method);
}

HttpResponse read_response(Connection::State& s, const std::string& method) {
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(boost::none);
  if (method == "HEAD") parser.skip(true);
  beast::error_code result;
  s.stream.expires_after(std::chrono::seconds(10));
  bhttp::async_read(s.stream, s.buffer, parser, [&](beast::error_code ec, std::size_t) { result = ec; });
  s.run();
  if (result) throw std::runtime_error("reading the response: " + result.message());

  const auto& res = parser.get();
  HttpResponse out;
  out.status = res.result_int();
  for (const auto& f : res) {
    std::string name(f.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.headers[name] = std::string(f.value());
    if (name == "set-cookie") out.set_cookies.emplace_back(f.value());
  }
  out.body = res.body();
  return out;
}

}  // namespace

Connection::Connection(unsigned short port) : state_(new State(port)) {}

Connection::~Connection() { delete state_; }

HttpResponse Connection::request(const std::string& method, const std::string& target, const Headers& headers) {
  return exchange(*state_, method, target, headers, {});
}

void Connection::send(const std::string& raw_bytes) {
  beast::error_code result;
  state_->stream.expires_after(std::chrono::seconds(10));
  net::async_write(state_->stream, net::buffer(raw_bytes), [&](beast::error_code ec, std::size_t) { result = ec; });
  state_->run();
  if (result) throw std::runtime_error("send: " + result.message());
}

HttpResponse Connection::receive(const std::string& method) { return read_response(*state_, method); }

bool Connection::closed_by_server(std::chrono::milliseconds timeout) {
  char c;
  beast::error_code result;
  state_->stream.expires_after(timeout);
  state_->stream.async_read_some(net::buffer(&c, 1), [&](beast::error_code ec, std::size_t) { result = ec; });
  state_->run();
  return result == net::error::eof || result == net::error::connection_reset;
}

HttpResponse request(unsigned short port, const std::string& method, const std::string& target,
                     const Headers& headers, const std::string& body) {
  Connection::State state(port);
  return exchange(state, method, target, headers, body);
}

std::string url_encode(const std::string& value) {
  std::string out;
  for (unsigned char c : value) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

std::string raw_exchange(unsigned short port, const std::string& bytes, std::chrono::milliseconds timeout) {
  Connection::State s(port);
  std::string received;
  char buf[4096];
  std::function<void()> read_more = [&] {
    s.stream.async_read_some(net::buffer(buf), [&](beast::error_code ec, std::size_t n) {
      received.append(buf, n);
      if (!ec) read_more();
    });
  };
  s.stream.expires_after(timeout);
  // Write and read at once: the server may answer (and stop reading) before all is sent.
  net::async_write(s.stream, net::buffer(bytes), [](beast::error_code, std::size_t) {});
  read_more();
  s.run();
  return received;
}

unsigned raw_status(const std::string& raw) {
  unsigned status = 0;
  std::sscanf(raw.c_str(), "HTTP/1.%*d %u", &status);
  return status;
}

}  // namespace test_server
