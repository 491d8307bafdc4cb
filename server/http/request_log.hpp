#pragma once
// One line per request on stdout: time, method, path, status, bytes, duration.
// The query string is never logged: it may hold names, phone numbers or national IDs.
// Request lines are gathered and written together (at most a tenth of a second late, or at
// 32 KB): one write per request cost a system call each, a twentieth of a cached reply.
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

namespace server::http {

class RequestLog {
 public:
  RequestLog();
  RequestLog(const RequestLog&) = delete;
  RequestLog& operator=(const RequestLog&) = delete;
  ~RequestLog();  // writes what is still gathered
  void request(std::string_view method, std::string_view path, unsigned status, std::uint64_t bytes,
               double milliseconds);
  void note(std::string_view message);  // server events: start, stop, errors; written at once

 private:
  void write_locked();
  std::mutex mutex_;
  std::condition_variable wake_;
  std::string gathered_;
  bool stopping_ = false;
  std::thread writer_;
};

}  // namespace server::http
