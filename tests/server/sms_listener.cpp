#include "tests/server/sms_listener.hpp"

#include <boost/asio.hpp>
#include <boost/beast.hpp>

namespace test_server {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = net::ip::tcp;

struct SmsListener::Impl {
  net::io_context io;
  tcp::acceptor acceptor{io, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0)};
  bool stopping = false;
};

SmsListener::SmsListener() : impl_(std::make_unique<Impl>()) {
  port_ = impl_->acceptor.local_endpoint().port();
  thread_ = std::thread([this] { serve(); });
}

SmsListener::~SmsListener() {
  {
    std::lock_guard lock(mutex_);
    impl_->stopping = true;
  }
  // Wake the blocking accept with a connection of our own.
  try {
    net::io_context io;
    tcp::socket s(io);
    s.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port_));
  } catch (...) {
  }
  thread_.join();
}

std::string SmsListener::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path;
}

void SmsListener::script(std::vector<ScriptedAnswer> answers) {
  std::lock_guard lock(mutex_);
  script_.assign(answers.begin(), answers.end());
}

std::vector<ReceivedRequest> SmsListener::received() const {
  std::lock_guard lock(mutex_);
  return received_;
}

void SmsListener::serve() {
  for (;;) {
    tcp::socket socket(impl_->io);
    beast::error_code ec;
    impl_->acceptor.accept(socket, ec);
    {
      std::lock_guard lock(mutex_);
      if (impl_->stopping) return;
    }
    if (ec) continue;
    // One request per connection, served in turn: enough for a gateway client.
    beast::flat_buffer buffer;
    bhttp::request<bhttp::string_body> req;
    bhttp::read(socket, buffer, req, ec);
    if (ec) continue;
    ScriptedAnswer answer;
    {
      std::lock_guard lock(mutex_);
      ReceivedRequest r{std::string(req.method_string()), std::string(req.target()), req.body(), {}};
      for (const auto& f : req) {
        std::string name(f.name_string());
        for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        r.headers[name] = std::string(f.value());
      }
      received_.push_back(std::move(r));
      if (!script_.empty()) {
        answer = script_.front();
        script_.pop_front();
      }
    }
    std::this_thread::sleep_for(answer.delay);
    bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(answer.status), 11};
    res.set(bhttp::field::content_type, "application/json");
    res.keep_alive(false);
    res.body() = answer.body;
    res.prepare_payload();
    bhttp::write(socket, res, ec);
    socket.shutdown(tcp::socket::shutdown_both, ec);
  }
}

}  // namespace test_server
