#include "tests/server/sign_in_helpers.hpp"

#include <catch2/catch.hpp>

#include "server/accounts/account_service.hpp"

namespace test_server {

std::string session_cookie_of(const HttpResponse& r) {
  for (const auto& c : r.set_cookies) {
    if (c.rfind("__Host-session=", 0) != 0) continue;
    return c.substr(0, c.find(';'));
  }
  return {};
}

std::string demo_password(const std::string& username) {
  for (const auto& a : server::accounts::demo_accounts())
    if (a.username == username) return a.password;
  throw std::runtime_error("no demo account " + username);
}

SignedIn sign_in(unsigned short port, const std::string& username, const std::string& password) {
  auto r = post_json(port, "/api/v1/auth/login", {{"username", username}, {"password", password}});
  INFO(r.body);
  REQUIRE(r.status == 200);
  return {session_cookie_of(r), r.json()["csrf_token"].get<std::string>(), r.json()};
}

Headers as(const SignedIn& s, bool with_csrf) {
  Headers h{{"Cookie", s.cookie}};
  if (with_csrf) h["X-CSRF-Token"] = s.csrf;
  return h;
}

HttpResponse post_json(unsigned short port, const std::string& target, const nlohmann::json& body,
                       const Headers& headers) {
  Headers h = headers;
  h["Content-Type"] = "application/json";
  return request(port, "POST", target, h, body.dump());
}

std::string query_text(const fs::path& database, const std::string& sql) {
  server::storage::Database db(database);
  auto q = db.prepare(sql);
  if (!q.step()) return {};
  return q.text(0);
}

std::int64_t query_int(const fs::path& database, const std::string& sql) {
  server::storage::Database db(database);
  auto q = db.prepare(sql);
  if (!q.step()) return -1;
  return q.integer(0);
}

void execute(const fs::path& database, const std::string& sql) {
  server::storage::Database db(database);
  db.exec(sql);
}

}  // namespace test_server
