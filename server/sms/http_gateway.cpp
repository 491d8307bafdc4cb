#include <thread>

#include "server/http/outbound.hpp"
#include "server/sms/sms_gateway.hpp"

namespace server::sms {

namespace {

using http::form_encode;

void replace_all(std::string& s, std::string_view from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
}

}  // namespace

HttpGateway::HttpGateway(HttpGatewayConfig config) : config_(std::move(config)) {}

std::string HttpGateway::body_for(const SmsMessage& m) const {
  std::string body = config_.body_template;
  const std::string msisdn = m.phone.size() == 10 && m.phone[0] == '0' ? "66" + m.phone.substr(1) : m.phone;
  // {message} last, so text that looks like a placeholder is never expanded.
  replace_all(body, "{msisdn}", form_encode(msisdn));
  replace_all(body, "{phone}", form_encode(m.phone));
  replace_all(body, "{sender}", form_encode(config_.sender));
  replace_all(body, "{message}", form_encode(m.text));
  return body;
}

SendResult HttpGateway::send(const SmsMessage& message) {
  http::OutboundRequest rq;
  rq.method = "POST";
  rq.url = config_.url;
  rq.body = body_for(message);
  rq.headers = {"Content-Type: " + config_.content_type, "Accept: application/json"};
  rq.username = config_.username;
  rq.password = config_.password;
  rq.timeout = config_.timeout;
  rq.max_body = 2000;
  std::string last;
  for (int attempt = 1; attempt <= config_.attempts; ++attempt) {
    if (attempt > 1) std::this_thread::sleep_for(config_.retry_pause * (attempt - 1));
    const auto answer = http::send_outbound(rq);
    if (!answer.reached) {
      last = "attempt " + std::to_string(attempt) + ": " + answer.error;
      continue;
    }
    const long status = answer.status;
    if (status >= 200 && status < 300) return {true, "HTTP " + std::to_string(status)};
    last = "attempt " + std::to_string(attempt) + ": HTTP " + std::to_string(status) + " " + answer.body.substr(0, 200);
    if (status < 500 && status != 429) break;  // the request itself is refused: retrying will not help
  }
  return {false, last};
}

}  // namespace server::sms
