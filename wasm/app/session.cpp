#include "wasm/app/session.hpp"

#include <algorithm>

namespace app {

bool User::can(domain::Permission permission) const {
  return std::any_of(grants.begin(), grants.end(),
                     [&](const domain::Grant& g) { return g.permission == permission; });
}

std::optional<User> parse_user(const nlohmann::json& body) {
  if (!body.is_object()) return std::nullopt;
  const nlohmann::json& u = body.contains("user") && body["user"].is_object() ? body["user"] : body;
  if (!u.contains("username")) return std::nullopt;
  auto str = [&](const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  auto flag = [&](const char* key) {
    for (const auto* j : {&body, &u})
      if (auto it = j->find(key); it != j->end() && it->is_boolean()) return it->get<bool>();
    return false;
  };
  User user;
  if (auto id = u.find("id"); id != u.end() && id->is_number_integer()) user.id = *id;
  user.username = str(u, "username");
  user.display_name = str(u, "display_name");
  if (user.display_name.empty()) {
    std::string first = str(u, "first_name"), last = str(u, "last_name");
    user.display_name = first.empty() ? user.username : first + (last.empty() ? "" : " " + last);
  }
  user.org_code = str(u, "org_code");
  user.org_name = str(u, "org_name");
  if (auto g = u.find("grants"); g != u.end() && g->is_array())
    for (const auto& item : *g)
      if (auto grant = domain::parse_grant(item)) user.grants.push_back(grant.value());
  if (auto p = u.find("profile"); p != u.end() && p->is_object())
    user.profile = {str(*p, "title"), str(*p, "first_name"), str(*p, "last_name"),
                    str(*p, "position"), str(*p, "phone"), str(*p, "email")};
  user.must_change_password = flag("must_change_password");
  user.must_complete_profile = flag("must_complete_profile");
  return user;
}

void Session::check() {
  api_.get("/api/v1/me", [this](const api::Reply& r) {
    if (r.status == 0) return;  // no answer: stay unknown, the banner offers a retry
    if (r.ok()) update(r.body);
    else {
      user_.reset();
      state_ = State::signed_out;
    }
  });
}

void Session::update(const nlohmann::json& body) {
  if (body.is_object())
    if (auto t = body.find("csrf_token"); t != body.end() && t->is_string()) api_.set_csrf_token(*t);
  if (auto u = parse_user(body)) {
    user_ = std::move(u);
    state_ = State::signed_in;
    ended_by_server_ = false;
  }
}

void Session::signed_in(const nlohmann::json& login_reply) { update(login_reply); }

void Session::sign_out(std::function<void()> done) {
  api_.post("/api/v1/auth/logout", nlohmann::json::object(), [this, done](const api::Reply&) {
    // Whatever the reply, this client forgets the user.
    user_.reset();
    state_ = State::signed_out;
    api_.set_csrf_token({});
    if (done) done();
  });
}

void Session::ended() {
  if (state_ == State::signed_in) ended_by_server_ = true;
  user_.reset();
  state_ = State::signed_out;
  api_.set_csrf_token({});
}

}  // namespace app
