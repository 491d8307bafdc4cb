#pragma once
// What the client knows about the server: reachable or not, and its mode (development
// mode shows a banner). Learnt from GET /api/v1/health and from every other reply.
#include <string>

namespace app {

class ServerStatus {
 public:
  enum class Reach { unknown, ok, unreachable, untrusted };  // untrusted: HTTPS certificate refused

  void check();  // GET /api/v1/health
  void saw_reply(int http_status, bool untrusted = false);  // any reply: 0 means no answer

  Reach reach() const { return reach_; }
  bool development_mode() const { return mode_ == "development"; }
  const std::string& version() const { return version_; }

 private:
  Reach reach_ = Reach::unknown;
  std::string mode_, version_;
};

}  // namespace app
