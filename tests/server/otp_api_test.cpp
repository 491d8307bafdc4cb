// POST /api/v1/otp, /api/v1/otp/verify and GET /api/v1/dev/outbox over loopback HTTP.
#include <catch2/catch.hpp>
#include <regex>

#include "tests/server/http_client.hpp"
#include "tests/server/server_process.hpp"
#include "tests/server/sms_listener.hpp"

using namespace test_server;
using nlohmann::json;

namespace {

HttpResponse post(const ServerProcess& s, const std::string& path, const json& body) {
  return request(s.port(), "POST", path, {{"Content-Type", "application/json"}}, body.dump());
}

std::string code_in(const std::string& text) {
  std::smatch m;
  REQUIRE(std::regex_search(text, m, std::regex("(\\d{6})")));
  return m[1].str();
}

}  // namespace

TEST_CASE("otp api: send, read the outbox, verify, and the token", "[server][api][otp]") {
  ServerProcess server;
  auto sent = post(server, "/api/v1/otp", {{"phone", "081-234-5678"}, {"purpose", "registration"}});
  REQUIRE(sent.status == 202);
  const auto otp = sent.json();
  CHECK(otp["expires_in"] == 300);
  CHECK(otp["resend_after"] == 60);
  const std::string ref = otp["ref"];

  auto outbox = get(server.port(), "/api/v1/dev/outbox?phone=0812345678");
  REQUIRE(outbox.status == 200);
  REQUIRE(outbox.json().size() == 1);
  const std::string text = outbox.json()[0]["text"];
  CHECK(outbox.json()[0]["phone"] == "0812345678");
  CHECK(text.find(ref) != std::string::npos);
  CHECK(get(server.port(), "/api/v1/dev/outbox?phone=0899999999").json().empty());

  // The cooldown answers 429 with Retry-After.
  auto again = post(server, "/api/v1/otp", {{"phone", "0812345678"}, {"purpose", "registration"}});
  CHECK(again.status == 429);
  CHECK(!again.header("retry-after").empty());
  CHECK(again.json()["error"]["code"] == "rate_limited");

  auto wrong = post(server, "/api/v1/otp/verify", {{"otp_id", otp["otp_id"]}, {"code", code_in(text) == "000000" ? "111111" : "000000"}});
  CHECK(wrong.status == 400);
  CHECK(wrong.json()["error"]["code"] == "otp_wrong");
  CHECK(wrong.json()["error"]["field"] == "code");
  auto ok = post(server, "/api/v1/otp/verify", {{"otp_id", otp["otp_id"]}, {"code", code_in(text)}});
  REQUIRE(ok.status == 200);
  CHECK(ok.json()["otp_token"].get<std::string>().size() == 64);
  auto replay = post(server, "/api/v1/otp/verify", {{"otp_id", otp["otp_id"]}, {"code", code_in(text)}});
  CHECK(replay.status == 410);
}

TEST_CASE("otp api: bad input names the field and sends nothing", "[server][api][otp]") {
  ServerProcess server;
  auto landline = post(server, "/api/v1/otp", {{"phone", "02-123-4567"}, {"purpose", "registration"}});
  CHECK(landline.status == 400);
  CHECK(landline.json()["error"]["field"] == "phone");
  CHECK(!landline.json()["error"]["message_th"].get<std::string>().empty());
  CHECK(post(server, "/api/v1/otp", {{"phone", "0812345678"}, {"purpose", "lottery"}}).json()["error"]["field"] ==
        "purpose");
  CHECK(post(server, "/api/v1/otp", {{"phone", 812345678}, {"purpose", "registration"}}).status == 400);
  auto garbage = request(server.port(), "POST", "/api/v1/otp", {{"Content-Type", "application/json"}}, "{\"phone\":");
  CHECK(garbage.status == 400);
  CHECK(garbage.json()["error"]["code"] == "malformed_json");
  CHECK(post(server, "/api/v1/otp/verify", {{"code", "123456"}}).json()["error"]["field"] == "otp_id");
  CHECK(get(server.port(), "/api/v1/dev/outbox").json().empty());
}

TEST_CASE("otp api: production has no outbox page and sends through the HTTP gateway", "[server][api][otp][sms]") {
  SmsListener provider;
  ServerProcess server({.mode = "production",
                        .env = {{"SMS_GATEWAY_URL", provider.url("/sms")},
                                {"SMS_GATEWAY_USER", "key"},
                                {"SMS_GATEWAY_PASSWORD", "secret"},
                                {"SMS_SENDER", "OBEC"}}});
  CHECK(get(server.port(), "/api/v1/dev/outbox").status == 404);
  CHECK(post(server, "/api/v1/dev/clock", {{"advance_seconds", 600}}).status == 404);
  auto sent = post(server, "/api/v1/otp", {{"phone", "0812345678"}, {"purpose", "password_reset"}});
  REQUIRE(sent.status == 202);
  auto got = provider.received();
  REQUIRE(got.size() == 1);
  CHECK(got[0].body.find("msisdn=66812345678&message=") == 0);
  CHECK(got[0].body.find(sent.json()["ref"].get<std::string>()) != std::string::npos);
}

TEST_CASE("otp api: a failing gateway is a 503, and the number can try again at once", "[server][api][otp][sms]") {
  SmsListener provider;
  provider.script({{500}, {500}, {500}});
  ServerProcess server({.mode = "production",
                        .env = {{"SMS_GATEWAY_URL", provider.url("/sms")}, {"SMS_GATEWAY_ATTEMPTS", "3"}}});
  auto failed = post(server, "/api/v1/otp", {{"phone", "0812345678"}, {"purpose", "registration"}});
  CHECK(failed.status == 503);
  CHECK(failed.json()["error"]["code"] == "sms_unavailable");
  CHECK(provider.received().size() == 3);
  auto retried = post(server, "/api/v1/otp", {{"phone", "0812345678"}, {"purpose", "registration"}});
  CHECK(retried.status == 202);  // the failure started no cooldown
}

TEST_CASE("otp api: the code expires 300 s after it was sent (dev clock)", "[server][api][otp]") {
  ServerProcess server;
  auto sent = post(server, "/api/v1/otp", {{"phone", "0812345678"}, {"purpose", "registration"}}).json();
  const std::string text = get(server.port(), "/api/v1/dev/outbox?phone=0812345678").json()[0]["text"];
  CHECK(post(server, "/api/v1/dev/clock", {{"advance_seconds", 300}}).status == 200);
  auto late = post(server, "/api/v1/otp/verify", {{"otp_id", sent["otp_id"]}, {"code", code_in(text)}});
  CHECK(late.status == 410);
  CHECK(late.json()["error"]["code"] == "otp_expired");
  CHECK(post(server, "/api/v1/dev/clock", {{"advance_seconds", -5}}).status == 400);
}
