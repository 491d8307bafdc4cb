#pragma once
// A real HTTP listener on a free loopback port standing in for an SMS provider: it records
// every request and answers with the scripted status (after an optional delay).
#include <chrono>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace test_server {

struct ReceivedRequest {
  std::string method, target, body;
  std::map<std::string, std::string> headers;  // names in lower case
};

struct ScriptedAnswer {
  unsigned status = 200;
  std::chrono::milliseconds delay{0};
  std::string body = R"({"remaining_credit":100})";
};

class SmsListener {
 public:
  SmsListener();  // listens at once
  ~SmsListener();
  unsigned short port() const { return port_; }
  std::string url(const std::string& path = "/sms") const;
  // Answers to give, in order; when none are left, 200.
  void script(std::vector<ScriptedAnswer> answers);
  std::vector<ReceivedRequest> received() const;

 private:
  void serve();
  struct Impl;
  std::unique_ptr<Impl> impl_;
  unsigned short port_ = 0;
  mutable std::mutex mutex_;
  std::deque<ScriptedAnswer> script_;
  std::vector<ReceivedRequest> received_;
  std::thread thread_;
};

}  // namespace test_server
