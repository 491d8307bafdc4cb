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
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
  return buf;
}

// Paths are logged as received (still percent-encoded), cut short and without control bytes.
std::string printable(std::string_view s) {
  std::string out;
  for (char c : s.substr(0, 200)) out.push_back(static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? '?' : c);
  return out.empty() ? "-" : out;
}

}  // namespace

void RequestLog::request(std::string_view method, std::string_view path, unsigned status,
                         std::uint64_t bytes, double milliseconds) {
  std::string line = now_utc() + " " + printable(method) + " " + printable(path) + " " +
                     std::to_string(status) + " " + std::to_string(bytes);
  char ms[32];
  std::snprintf(ms, sizeof ms, " %.1fms\n", milliseconds);
  line += ms;
  std::lock_guard lock(mutex_);
  std::fputs(line.c_str(), stdout);
  std::fflush(stdout);
}

void RequestLog::note(std::string_view message) {
  std::string line = now_utc() + " " + std::string(message) + "\n";
  std::lock_guard lock(mutex_);
  std::fputs(line.c_str(), stdout);
  std::fflush(stdout);
}

}  // namespace server::http
