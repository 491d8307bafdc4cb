// The SMS gateways: the HTTP gateway against a real local HTTP listener, and the outbox.
#include <catch2/catch.hpp>

#include "server/sms/sms_gateway.hpp"
#include "server/storage/migrations.hpp"
#include "tests/server/server_process.hpp"
#include "tests/server/sms_listener.hpp"

using namespace server::sms;
using namespace std::chrono_literals;
using test_server::ScriptedAnswer;
using test_server::SmsListener;

namespace {

HttpGatewayConfig config_for(const SmsListener& listener) {
  HttpGatewayConfig c;
  c.url = listener.url("/sms");
  c.username = "api-key";
  c.password = "api-secret";
  c.sender = "OBEC";
  c.timeout = 500ms;
  c.retry_pause = 50ms;
  return c;
}

}  // namespace

TEST_CASE("http gateway: ThaiBulkSMS shape, Basic auth, Thai text form-encoded", "[server][sms]") {
  SmsListener listener;
  HttpGateway gateway(config_for(listener));
  auto result = gateway.send({"0812345678", "รหัส OTP 123456 & ref=AB"});
  REQUIRE(result.ok);
  auto got = listener.received();
  REQUIRE(got.size() == 1);
  CHECK(got[0].method == "POST");
  CHECK(got[0].target == "/sms");
  CHECK(got[0].headers["authorization"] == "Basic YXBpLWtleTphcGktc2VjcmV0");  // api-key:api-secret
  CHECK(got[0].headers["content-type"] == "application/x-www-form-urlencoded");
  CHECK(got[0].body ==
        "msisdn=66812345678&message=%E0%B8%A3%E0%B8%AB%E0%B8%B1%E0%B8%AA%20OTP%20123456%20%26%20ref%3DAB&sender=OBEC");
}

TEST_CASE("http gateway: the body template is configurable (JSON provider)", "[server][sms]") {
  SmsListener listener;
  auto c = config_for(listener);
  c.username.clear();
  c.content_type = "application/json";
  c.body_template = R"({"to":"{phone}","text":"{message}"})";
  HttpGateway gateway(c);
  REQUIRE(gateway.send({"0812345678", "hello"}).ok);
  auto got = listener.received();
  REQUIRE(got.size() == 1);
  CHECK(got[0].body == R"({"to":"0812345678","text":"hello"})");
  CHECK(got[0].headers.count("authorization") == 0);
}

TEST_CASE("http gateway: a 5xx is retried, a 4xx is not", "[server][sms]") {
  SmsListener listener;
  HttpGateway gateway(config_for(listener));
  listener.script({{503}, {502}, {200}});
  CHECK(gateway.send({"0812345678", "x"}).ok);
  CHECK(listener.received().size() == 3);

  listener.script({{401, 0ms, R"({"error":"bad key"})"}});
  auto refused = gateway.send({"0812345678", "x"});
  CHECK_FALSE(refused.ok);
  CHECK(refused.detail.find("HTTP 401") != std::string::npos);
  CHECK(listener.received().size() == 4);  // one attempt only

  listener.script({{500}, {500}, {500}});
  auto down = gateway.send({"0812345678", "x"});
  CHECK_FALSE(down.ok);
  CHECK(down.detail.find("attempt 3") != std::string::npos);
}

TEST_CASE("http gateway: a provider that does not answer times out, each attempt bounded", "[server][sms]") {
  SmsListener listener;
  auto c = config_for(listener);
  c.timeout = 200ms;
  c.attempts = 2;
  listener.script({{200, 1500ms}});
  HttpGateway gateway(c);
  const auto start = std::chrono::steady_clock::now();
  auto result = gateway.send({"0812345678", "x"});
  const auto took = std::chrono::steady_clock::now() - start;
  CHECK_FALSE(result.ok);
  CHECK(result.detail.find("attempt 2") != std::string::npos);
  CHECK(took < 1200ms);
}

TEST_CASE("http gateway: nobody listening is a failure, not an exception", "[server][sms]") {
  unsigned short closed_port = 0;
  { SmsListener gone; closed_port = gone.port(); }
  HttpGatewayConfig c;
  c.url = "http://127.0.0.1:" + std::to_string(closed_port) + "/sms";
  c.attempts = 2;
  c.retry_pause = 10ms;
  auto result = HttpGateway(c).send({"0812345678", "x"});
  CHECK_FALSE(result.ok);
  CHECK_FALSE(result.detail.empty());
  CHECK_FALSE(UnconfiguredGateway().send({"0812345678", "x"}).ok);
}

TEST_CASE("outbox gateway: records messages, newest first, by phone", "[server][sms]") {
  test_server::TempDir dir;
  {
    server::storage::Database db(dir / "school.db");
    server::storage::migrate(db);
  }
  server::storage::ConnectionPool pool(dir / "school.db");
  OutboxGateway outbox(pool);
  CHECK(outbox.send({"0812345678", "หนึ่ง"}).ok);
  CHECK(outbox.send({"0898765432", "สอง"}).ok);
  CHECK(outbox.send({"0812345678", "สาม"}).ok);
  auto mine = outbox.list("0812345678");
  REQUIRE(mine.size() == 2);
  CHECK(mine[0].text == "สาม");
  CHECK(mine[1].text == "หนึ่ง");
  CHECK(mine[0].sent_at.size() == 24);  // 2026-01-01T00:00:00.000Z
  CHECK(outbox.list("").size() == 3);
}
