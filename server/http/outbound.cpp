#include "server/http/outbound.hpp"

#include <curl/curl.h>

#include <memory>

namespace server::http {

namespace {

struct Sink {
  std::string* out;
  std::size_t max;
};

std::size_t collect(char* data, std::size_t size, std::size_t n, void* user) {
  auto* sink = static_cast<Sink*>(user);
  if (sink->out->size() < sink->max) sink->out->append(data, std::min(size * n, sink->max - sink->out->size()));
  return size * n;
}

const bool curl_ready = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;

}  // namespace

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

OutboundReply send_outbound(const OutboundRequest& rq) {
  OutboundReply reply;
  if (!curl_ready) {
    reply.error = "libcurl could not start";
    return reply;
  }
  std::unique_ptr<CURL, void (*)(CURL*)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) {
    reply.error = "libcurl could not start";
    return reply;
  }
  CURL* c = curl.get();
  curl_slist* headers = nullptr;
  for (const auto& h : rq.headers) headers = curl_slist_append(headers, h.c_str());
  Sink sink{&reply.body, rq.max_body};
  curl_easy_setopt(c, CURLOPT_URL, rq.url.c_str());
  if (rq.method == "POST") {
    curl_easy_setopt(c, CURLOPT_POST, 1L);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, rq.body.c_str());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, static_cast<long>(rq.body.size()));
  }
  if (headers) curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(rq.timeout.count()));
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(rq.timeout.count()));
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
  if (!rq.username.empty()) {
    curl_easy_setopt(c, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
    curl_easy_setopt(c, CURLOPT_USERNAME, rq.username.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, rq.password.c_str());
  }
  const CURLcode rc = curl_easy_perform(c);
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &reply.status);
  curl_slist_free_all(headers);
  reply.reached = rc == CURLE_OK;
  if (!reply.reached) reply.error = curl_easy_strerror(rc);
  return reply;
}

}  // namespace server::http
