#include <curl/curl.h>

#include <memory>
#include <thread>

#include "server/sms/sms_gateway.hpp"

namespace server::sms {

namespace {

std::string form_encode(std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

void replace_all(std::string& s, std::string_view from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
}

std::size_t collect(char* data, std::size_t size, std::size_t n, void* out) {
  auto* s = static_cast<std::string*>(out);
  if (s->size() < 2000) s->append(data, std::min<std::size_t>(size * n, 2000 - s->size()));
  return size * n;
}

const bool curl_ready = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;

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
  if (!curl_ready) return {false, "libcurl could not start"};
  const std::string body = body_for(message);
  std::string last;
  for (int attempt = 1; attempt <= config_.attempts; ++attempt) {
    if (attempt > 1) std::this_thread::sleep_for(config_.retry_pause * (attempt - 1));
    std::unique_ptr<CURL, void (*)(CURL*)> curl(curl_easy_init(), curl_easy_cleanup);
    if (!curl) return {false, "libcurl could not start"};
    std::string answer;
    curl_slist* headers = curl_slist_append(nullptr, ("Content-Type: " + config_.content_type).c_str());
    headers = curl_slist_append(headers, "Accept: application/json");
    CURL* c = curl.get();
    curl_easy_setopt(c, CURLOPT_URL, config_.url.c_str());
    curl_easy_setopt(c, CURLOPT_POST, 1L);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(config_.timeout.count()));
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(config_.timeout.count()));
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &answer);
    if (!config_.username.empty()) {
      curl_easy_setopt(c, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
      curl_easy_setopt(c, CURLOPT_USERNAME, config_.username.c_str());
      curl_easy_setopt(c, CURLOPT_PASSWORD, config_.password.c_str());
    }
    const CURLcode rc = curl_easy_perform(c);
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(headers);
    if (rc != CURLE_OK) {
      last = "attempt " + std::to_string(attempt) + ": " + curl_easy_strerror(rc);
      continue;
    }
    if (status >= 200 && status < 300) return {true, "HTTP " + std::to_string(status)};
    last = "attempt " + std::to_string(attempt) + ": HTTP " + std::to_string(status) + " " + answer.substr(0, 200);
    if (status < 500 && status != 429) break;  // the request itself is refused: retrying will not help
  }
  return {false, last};
}

}  // namespace server::sms
