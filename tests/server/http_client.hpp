#pragma once
// A tiny blocking HTTP/1.1 client over loopback for the integration tests: real requests
// with Beast, and raw bytes for what a well-behaved client would never send.
#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace test_server {

struct HttpResponse {
  unsigned status = 0;
  std::map<std::string, std::string> headers;  // names in lower case
  std::vector<std::string> set_cookies;        // every Set-Cookie value, in order
  std::string body;

  std::string header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? std::string() : it->second;
  }
  nlohmann::json json() const { return nlohmann::json::parse(body); }
};

using Headers = std::map<std::string, std::string>;

HttpResponse request(unsigned short port, const std::string& method, const std::string& target,
                     const Headers& headers = {}, const std::string& body = {});
inline HttpResponse get(unsigned short port, const std::string& target, const Headers& headers = {}) {
  return request(port, "GET", target, headers);
}

// Percent-encodes a query value ("หนองบัว" -> "%E0%B8%AB...").
std::string url_encode(const std::string& value);

// Sends `bytes` as is and returns everything the server sends back until it closes the
// connection (or `timeout` passes).
std::string raw_exchange(unsigned short port, const std::string& bytes,
                         std::chrono::milliseconds timeout = std::chrono::milliseconds(5000));
unsigned raw_status(const std::string& raw_response);  // "HTTP/1.1 431 ..." -> 431

// A connection kept open (keep-alive), for several requests or to hold it idle.
class Connection {
 public:
  explicit Connection(unsigned short port);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  HttpResponse request(const std::string& method, const std::string& target, const Headers& headers = {});
  void send(const std::string& raw_bytes);  // e.g. half a request
  HttpResponse receive(const std::string& method = "GET");  // the next response
  bool closed_by_server(std::chrono::milliseconds timeout);  // waits for EOF

 struct State;  // the socket and its buffer (http_client.cpp)

 private:
  State* state_;
};

}  // namespace test_server
