#include "server/http/request_log.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>

namespace server::http {

namespace {

std::string now_utc() {
  using namespace std::chrono;
  auto now = system_clock::now();
  std::time_t t = system_clock::to_time_t(now);
  auto ms = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
  // The date and time to the second, formatted once a second per thread.
  thread_local std::time_t second = -1;
  thread_local char date[32];
  if (t != second) {
    std::tm tm{};
    gmtime_r(&t, &tm);
    std::snprintf(date, sizeof date, "%04d-%02d-%02dT%02d:%02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec);
    second = t;
  }
  char buf[48];
  std::snprintf(buf, sizeof buf, "%s.%03dZ", date, static_cast<int>(ms));
  return buf;
}

// Paths are logged as received (still percent-encoded), cut short and without control bytes.
std::string printable(std::string_view s) {
  std::string out;
  for (char c : s.substr(0, 200)) out.push_back(static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? '?' : c);
  return out.empty() ? "-" : out;
}

}  // namespace

RequestLog::RequestLog() {
  writer_ = std::thread([this] {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      wake_.wait_for(lock, std::chrono::milliseconds(100));
      write_locked();
    }
  });
}

RequestLog::~RequestLog() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  writer_.join();
  write_locked();
}

void RequestLog::write_locked() {
  if (gathered_.empty()) return;
  std::fwrite(gathered_.data(), 1, gathered_.size(), stdout);
  std::fflush(stdout);
  gathered_.clear();
}

void RequestLog::request(std::string_view method, std::string_view path, unsigned status,
                         std::uint64_t bytes, double milliseconds) {
  std::string line = now_utc() + " " + printable(method) + " " + printable(path) + " " +
                     std::to_string(status) + " " + std::to_string(bytes);
  char ms[32];
  std::snprintf(ms, sizeof ms, " %.1fms\n", milliseconds);
  line += ms;
  std::lock_guard lock(mutex_);
  gathered_ += line;
  if (gathered_.size() >= 32 * 1024) write_locked();
}

void RequestLog::note(std::string_view message) {
  std::string line = now_utc() + " " + std::string(message) + "\n";
  std::lock_guard lock(mutex_);
  gathered_ += line;  // after the requests before it
  write_locked();
}

}  // namespace server::http
