#pragma once
// The signed-in user, for every screen: learnt from the login reply, or from
// GET /api/v1/me when the app starts (the session cookie outlives a page reload).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "shared/accounts/permission.hpp"
#include "shared/accounts/profile.hpp"
#include "wasm/api/client.hpp"

namespace app {

struct User {
  std::int64_t id = 0;
  std::string username, display_name, org_code;
  std::string org_name;  // the organisation's Thai name (empty when the server has none)
  std::vector<domain::Grant> grants;
  domain::Profile profile;  // as stored (first login fills it in)
  bool must_change_password = false;
  bool must_complete_profile = false;

  // Holds `permission` somewhere (the server decides per node; screens use this to offer).
  bool can(domain::Permission permission) const;
  bool first_login_pending() const { return must_change_password || must_complete_profile; }
};

// {"user":{...},"must_change_password","must_complete_profile"} (login and /me) or the
// user object alone; tolerant of missing fields. nullopt when there is no user object.
std::optional<User> parse_user(const nlohmann::json& body);

class Session {
 public:
  enum class State { unknown, signed_out, signed_in };

  explicit Session(api::Client& api) : api_(api) {}

  void check();  // GET /api/v1/me: who is signed in (on start, after a reload)
  // The login reply: the user, and the CSRF token for later state changes.
  void signed_in(const nlohmann::json& login_reply);
  // After first login's profile or password step: the server's new word on the user.
  void update(const nlohmann::json& body);
  void sign_out(std::function<void()> done = {});  // POST /api/v1/auth/logout
  void ended();  // the server said 401: forget the user

  State state() const { return state_; }
  const User* user() const { return user_ ? &*user_ : nullptr; }
  bool ended_by_server() const { return ended_by_server_; }

 private:
  api::Client& api_;
  State state_ = State::unknown;
  std::optional<User> user_;
  bool ended_by_server_ = false;  // so the sign-in screen can say why
};

}  // namespace app
