// One event loop per I/O thread, slow requests on workers (server/http/server.hpp): a request
// that waits on another server holds up no other connection, even with a single loop, and a
// stop still delivers its reply. The slow request is a real OTP sent through a real HTTP SMS
// provider that takes 2 s to answer.
#include <catch2/catch.hpp>
#include <chrono>
#include <future>
#include <thread>

#include "tests/server/http_client.hpp"
#include "tests/server/server_process.hpp"
#include "tests/server/sms_listener.hpp"

using namespace test_server;
using namespace std::chrono_literals;

namespace {

ServerOptions one_loop_with_slow_sms(const SmsListener& provider) {
  return {.mode = "production",
          .env = {{"SMS_GATEWAY_URL", provider.url("/sms")}, {"SMS_GATEWAY_ATTEMPTS", "1"}, {"THREADS", "1"}}};
}

std::future<unsigned> send_otp(unsigned short port) {
  return std::async(std::launch::async, [port] {
    return request(port, "POST", "/api/v1/otp", {{"Content-Type", "application/json"}},
                   R"({"phone":"0812345678","purpose":"registration"})")
        .status;
  });
}

void wait_until_received(const SmsListener& provider) {
  for (int i = 0; i < 500 && provider.received().empty(); ++i) std::this_thread::sleep_for(10ms);
  REQUIRE(provider.received().size() == 1);
}

}  // namespace

TEST_CASE("a slow request holds up no other connection on its loop", "[server][event_loops]") {
  SmsListener provider;
  provider.script({{200, 2000ms}});
  ServerProcess server(one_loop_with_slow_sms(provider));
  const auto started = std::chrono::steady_clock::now();
  auto otp = send_otp(server.port());
  wait_until_received(provider);  // the OTP's request now waits on the provider

  // One loop only: had the OTP run on it, each of these would wait for the provider.
  for (int i = 0; i < 5; ++i) {
    const auto before = std::chrono::steady_clock::now();
    CHECK(get(server.port(), "/api/v1/health").status == 200);
    CHECK(get(server.port(), "/").status == 200);
    CHECK(std::chrono::steady_clock::now() - before < 500ms);
  }
  CHECK(std::chrono::steady_clock::now() - started < 1800ms);  // all answered while the SMS waited
  CHECK(otp.get() == 202);                                     // and the slow one answered too
  CHECK(std::chrono::steady_clock::now() - started >= 1900ms);
}

TEST_CASE("a stop waits for the reply of a request running on a worker", "[server][event_loops]") {
  SmsListener provider;
  provider.script({{200, 1500ms}});
  ServerProcess server(one_loop_with_slow_sms(provider));
  auto otp = send_otp(server.port());
  wait_until_received(provider);
  kill(server.pid(), SIGTERM);
  REQUIRE(server.wait_for_output("received SIGTERM"));
  CHECK(otp.get() == 202);
  const int exit_code = server.stop(0, 10s);  // no second signal: it is on its way out
  INFO(server.output());
  CHECK(exit_code == 0);
}
