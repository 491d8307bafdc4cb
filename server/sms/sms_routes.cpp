#include "server/sms/sms_routes.hpp"

#include <cstdlib>

#include "server/http/errors.hpp"
#include "shared/contact/phone.hpp"

namespace server::sms {

namespace {

std::string env(const char* name, std::string fallback = {}) {
  const char* v = std::getenv(name);
  return v && *v ? std::string(v) : fallback;
}

long env_number(const char* name, long fallback) {
  const std::string v = env(name);
  try {
    return v.empty() ? fallback : std::stol(v);
  } catch (...) {
    throw std::runtime_error(std::string(name) + " must be a number, not '" + v + "'");
  }
}

}  // namespace

std::unique_ptr<SmsGateway> make_gateway(const Config& config, storage::ConnectionPool& pool) {
  const std::string kind = env("SMS_GATEWAY", config.mode == Mode::development ? "outbox" : "http");
  if (kind == "outbox") return std::make_unique<OutboxGateway>(pool);
  if (kind != "http") throw std::runtime_error("SMS_GATEWAY must be outbox or http, not '" + kind + "'");
  HttpGatewayConfig c;
  c.url = env("SMS_GATEWAY_URL");
  if (c.url.empty()) return std::make_unique<UnconfiguredGateway>();
  c.username = env("SMS_GATEWAY_USER");
  c.password = env("SMS_GATEWAY_PASSWORD");
  c.sender = env("SMS_SENDER", c.sender);
  c.body_template = env("SMS_GATEWAY_BODY", c.body_template);
  c.content_type = env("SMS_GATEWAY_CONTENT_TYPE", c.content_type);
  c.timeout = std::chrono::milliseconds(env_number("SMS_GATEWAY_TIMEOUT_MS", 5000));
  c.attempts = static_cast<int>(env_number("SMS_GATEWAY_ATTEMPTS", 3));
  return std::make_unique<HttpGateway>(std::move(c));
}

void add_sms_routes(http::Router& router, const Config& config, std::shared_ptr<storage::ConnectionPool> pool) {
  if (config.mode != Mode::development) return;  // the route does not exist: 404
  router.add(http::Verb::get, "/api/v1/dev/outbox", http::anyone(), [pool](const http::RequestContext& rq) {
    std::string phone;
    if (auto p = rq.query.get("phone")) {
      if (!*p) return http::bad_request(p->error());
      if (!p->value().empty()) {
        auto number = domain::parse_mobile_phone(p->value());
        if (!number) return http::bad_request(domain::in_field(number.error(), "phone"));
        phone = number.value().national();
      }
    }
    nlohmann::json list = nlohmann::json::array();
    for (const auto& m : OutboxGateway(*pool).list(phone))
      list.push_back({{"phone", m.phone}, {"text", m.text}, {"sent_at", m.sent_at}});
    return http::json_reply(http::Status::ok, list);
  });
}

}  // namespace server::sms
