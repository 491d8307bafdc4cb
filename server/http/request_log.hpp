#pragma once
// One line per request on stdout: time, method, path, status, bytes, duration.
// The query string is never logged: it may hold names, phone numbers or national IDs.
#include <cstdint>
#include <mutex>
#include <string_view>

namespace server::http {

class RequestLog {
 public:
  void request(std::string_view method, std::string_view path, unsigned status, std::uint64_t bytes,
               double milliseconds);
  void note(std::string_view message);  // server events: start, stop, errors

 private:
  std::mutex mutex_;
};

}  // namespace server::http
