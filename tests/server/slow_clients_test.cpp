// Slow and greedy clients (issue 11, defect 12): headers must arrive whole within
// HEADER_TIMEOUT, bodies at BODY_MIN_RATE or faster, idle keep-alive connections close after
// IDLE_TIMEOUT, one address holds at most MAX_CONNECTIONS_PER_ADDRESS, and a flood of slow
// connections never takes the descriptors a normal client needs.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <thread>

#include "tests/server/http_client.hpp"
#include "tests/server/server_process.hpp"

using namespace test_server;
using Clock = std::chrono::steady_clock;

namespace {

// A raw TCP connection from a chosen source address: all of 127/8 is this machine, so one
// test plays many clients.
class RawClient {
 public:
  RawClient(const std::string& source, unsigned short port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in from{};
    from.sin_family = AF_INET;
    ::inet_pton(AF_INET, source.c_str(), &from.sin_addr);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(port);
    ::inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
    if (fd_ < 0 || ::bind(fd_, reinterpret_cast<sockaddr*>(&from), sizeof from) != 0 ||
        ::connect(fd_, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0)
      throw std::runtime_error("cannot connect from " + source);
  }
  ~RawClient() { ::close(fd_); }
  RawClient(const RawClient&) = delete;
  RawClient& operator=(const RawClient&) = delete;

  // False once the server has closed the connection.
  bool send(const std::string& bytes) { return ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL) == ssize_t(bytes.size()); }

  // Reads until the server closes (true) or `timeout` passes (false); what came is in received().
  bool closed_within(std::chrono::milliseconds timeout) {
    const auto end = Clock::now() + timeout;
    for (;;) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(end - Clock::now()).count();
      if (left <= 0) return false;
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(left)) <= 0) continue;
      char buf[4096];
      const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) return true;
      received_.append(buf, static_cast<std::size_t>(n));
    }
  }
  const std::string& received() const { return received_; }

 private:
  int fd_ = -1;
  std::string received_;
};

const std::string slow_request = "GET /api/v1/health HTTP/1.1\r\nHost: school\r\nX-Padding: " + std::string(500, 'a');

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

}  // namespace

TEST_CASE("slow clients: a flood of byte-at-a-time headers does not starve a normal client", "[server][slow]") {
  // 256 descriptors, as a small host might give: without a cap below the limit, 300 slow
  // connections leave none for anyone else until they time out.
  std::unique_ptr<ServerProcess> process;
  {
    rlimit mine{};
    ::getrlimit(RLIMIT_NOFILE, &mine);
    rlimit small = mine;
    small.rlim_cur = 256;  // the server inherits it
    ::setrlimit(RLIMIT_NOFILE, &small);
    process = std::make_unique<ServerProcess>();
    ::setrlimit(RLIMIT_NOFILE, &mine);
  }
  const auto port = process->port();

  std::vector<std::unique_ptr<RawClient>> slow;
  for (int i = 0; i < 300; ++i) {
    slow.push_back(std::make_unique<RawClient>("127.0.0." + std::to_string(10 + i / 10), port));
    slow.back()->send(slow_request.substr(0, 1));
  }
  for (std::size_t byte = 1; byte < 4; ++byte)
    for (auto& c : slow) c->send(slow_request.substr(byte, 1));

  for (int i = 0; i < 5; ++i) {
    const auto start = Clock::now();
    const auto health = get(port, "/api/v1/health");
    CHECK(health.status == 200);
    CHECK(seconds_since(start) < 1.0);
    for (auto& c : slow) c->send("a");  // the flood keeps trickling
  }
  CHECK(process->output().find("connections: at most 160 (128 per address)") != std::string::npos);
}

TEST_CASE("slow clients: headers not complete within HEADER_TIMEOUT are closed", "[server][slow]") {
  ServerOptions options;
  options.env = {{"HEADER_TIMEOUT", "1"}};
  ServerProcess server(options);

  RawClient client("127.0.0.1", server.port());
  const auto start = Clock::now();
  bool closed = false;
  // A byte every 100 ms: never idle, never done. The deadline is for the whole header.
  for (std::size_t i = 0; i < slow_request.size() && !closed; ++i) {
    closed = !client.send(slow_request.substr(i, 1)) || client.closed_within(std::chrono::milliseconds(100));
    if (seconds_since(start) > 5) break;
  }
  CHECK(closed);
  const double after = seconds_since(start);
  CHECK(after > 0.8);
  CHECK(after < 2.5);
}

TEST_CASE("slow clients: a kept-alive connection closes after IDLE_TIMEOUT", "[server][slow]") {
  ServerOptions options;
  options.env = {{"IDLE_TIMEOUT", "1"}};
  ServerProcess server(options);
  Connection connection(server.port());
  CHECK(connection.request("GET", "/api/v1/health").status == 200);
  const auto start = Clock::now();
  CHECK(connection.closed_by_server(std::chrono::milliseconds(3000)));
  CHECK(seconds_since(start) > 0.8);
}

TEST_CASE("slow clients: a body must keep BODY_MIN_RATE, a slow but steady one passes", "[server][slow]") {
  ServerOptions options;
  options.env = {{"HEADER_TIMEOUT", "1"}, {"BODY_MIN_RATE", "2000"}};
  ServerProcess server(options);
  const std::string head = "POST /api/v1/health HTTP/1.1\r\nHost: school\r\nContent-Type: application/json\r\n"
                           "Content-Length: 20000\r\n\r\n";

  SECTION("100 bytes/s is closed once the grace is spent") {
    RawClient trickle("127.0.0.1", server.port());
    trickle.send(head);
    const auto start = Clock::now();
    bool closed = false;
    while (!closed && seconds_since(start) < 5)
      closed = !trickle.send(std::string(10, ' ')) || trickle.closed_within(std::chrono::milliseconds(100));
    CHECK(closed);
    CHECK(seconds_since(start) < 2.0);
    CHECK(trickle.received().empty());  // closed unanswered
  }
  SECTION("5,000 bytes/s (above the minimum, for longer than the grace) gets its answer") {
    RawClient steady("127.0.0.1", server.port());
    steady.send(head);
    for (int i = 0; i < 40; ++i) {  // 4 s
      REQUIRE(steady.send(std::string(500, ' ')));
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    steady.closed_within(std::chrono::milliseconds(2000));
    CHECK(raw_status(steady.received()) == 405);  // read to the end, then judged
  }
}

TEST_CASE("slow clients: one address holds at most MAX_CONNECTIONS_PER_ADDRESS", "[server][slow]") {
  ServerOptions options;
  options.env = {{"MAX_CONNECTIONS_PER_ADDRESS", "5"}};
  ServerProcess server(options);
  const auto port = server.port();

  std::vector<std::unique_ptr<RawClient>> held;
  for (int i = 0; i < 5; ++i) {
    held.push_back(std::make_unique<RawClient>("127.0.0.2", port));
    held.back()->send("GET /api/v1/health HTTP/1.1\r\n");
  }
  RawClient sixth("127.0.0.2", port);
  CHECK(sixth.closed_within(std::chrono::milliseconds(1000)));
  CHECK(raw_status(sixth.received()) == 503);
  CHECK(sixth.received().find("server_busy") != std::string::npos);
  CHECK(sixth.received().find("Retry-After: 5") != std::string::npos);

  // Another address is not affected.
  RawClient other("127.0.0.3", port);
  other.send("GET /api/v1/health HTTP/1.1\r\nHost: school\r\nConnection: close\r\n\r\n");
  CHECK(other.closed_within(std::chrono::milliseconds(1000)));
  CHECK(raw_status(other.received()) == 200);

  // A connection that ends frees its place.
  held.pop_back();
  bool admitted = false;
  for (int attempt = 0; attempt < 20 && !admitted; ++attempt) {
    RawClient again("127.0.0.2", port);
    again.send("GET /api/v1/health HTTP/1.1\r\nHost: school\r\nConnection: close\r\n\r\n");
    again.closed_within(std::chrono::milliseconds(1000));
    admitted = raw_status(again.received()) == 200;
    if (!admitted) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  CHECK(admitted);
}

// A large file goes out by sendfile(2) from memory (HeldBytes): when the socket is full the
// session waits for it, within WRITE_STALL_TIMEOUT of each piece.
TEST_CASE("slow clients: a large file reaches a reader who pauses, and a reader who stops is cut", "[server][slow]") {
  TempDir site;
  write_file(site / "index.html", "<!doctype html>\n");
  std::string big(24 * 1024 * 1024, '\0');  // more than the sockets' buffers hold together
  for (std::size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>((i * 2654435761u) >> 13);
  write_file(site / "big.3f9c1a2b.bin", big);
  ServerOptions options;
  options.site = site.path();
  options.env = {{"WRITE_STALL_TIMEOUT", "2"}};
  ServerProcess server(options);
  const std::string ask = "GET /big.3f9c1a2b.bin HTTP/1.1\r\nHost: school\r\n\r\n";

  SECTION("a pause shorter than the timeout: every byte, twice on one connection") {
    RawClient client("127.0.0.1", server.port());
    REQUIRE(client.send(ask + ask));  // the second is answered after the first
    std::this_thread::sleep_for(std::chrono::milliseconds(800));
    CHECK_FALSE(client.closed_within(std::chrono::milliseconds(2500)));  // kept alive
    const std::string& got = client.received();
    std::size_t at = 0;
    for (int reply = 0; reply < 2; ++reply) {
      CAPTURE(reply);
      REQUIRE(got.compare(at, 15, "HTTP/1.1 200 OK") == 0);
      const auto end = got.find("\r\n\r\n", at);
      REQUIRE(end != std::string::npos);
      CHECK(got.substr(at, end - at).find("Content-Length: " + std::to_string(big.size())) != std::string::npos);
      REQUIRE(got.size() >= end + 4 + big.size());
      CHECK(got.compare(end + 4, big.size(), big) == 0);
      at = end + 4 + big.size();
    }
    CHECK(at == got.size());
  }
  SECTION("a reader who stops reading is closed once the reply stalls that long") {
    RawClient client("127.0.0.1", server.port());
    REQUIRE(client.send(ask));
    std::this_thread::sleep_for(std::chrono::milliseconds(3500));
    CHECK(client.closed_within(std::chrono::milliseconds(5000)));  // what was under way, then the end
    CHECK(client.received().size() < big.size());
  }
}
