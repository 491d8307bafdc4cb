#include "tests/server/sign_in_helpers.hpp"

#include <catch2/catch.hpp>
#include <ctime>
#include <regex>

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

HttpResponse send_json(unsigned short port, const std::string& method, const std::string& target, const SignedIn& who,
                       const nlohmann::json& body) {
  Headers h = as(who);
  h["Content-Type"] = "application/json";
  return request(port, method, target, h, body.dump());
}

std::string last_sms(unsigned short port, const std::string& phone) {
  auto r = get(port, "/api/v1/dev/outbox?phone=" + phone);
  REQUIRE(r.status == 200);
  const auto list = r.json();
  return list.empty() ? std::string() : list[0]["text"].get<std::string>();
}

std::string otp_token_for(unsigned short port, const std::string& phone, const std::string& purpose) {
  auto sent = post_json(port, "/api/v1/otp", {{"phone", phone}, {"purpose", purpose}});
  INFO(sent.body);
  REQUIRE(sent.status == 202);
  std::smatch m;
  const std::string text = last_sms(port, phone);
  REQUIRE(std::regex_search(text, m, std::regex("(\\d{6})")));
  auto ok = post_json(port, "/api/v1/otp/verify", {{"otp_id", sent.json()["otp_id"]}, {"code", m[1].str()}});
  REQUIRE(ok.status == 200);
  return ok.json()["otp_token"];
}

std::string query_text(const server::storage::Location& database, const std::string& sql) {
  server::storage::Database db(database);
  auto q = db.prepare(sql);
  if (!q.step()) return {};
  return q.text(0);
}

std::int64_t query_int(const server::storage::Location& database, const std::string& sql) {
  server::storage::Database db(database);
  auto q = db.prepare(sql);
  if (!q.step()) return -1;
  return q.integer(0);
}

std::string query_joined(const server::storage::Location& database, const std::string& sql, const std::string& separator) {
  server::storage::Database db(database);
  auto q = db.prepare(sql);
  std::string out;
  for (bool first = true; q.step(); first = false) out += (first ? "" : separator) + q.text(0);
  return out;
}

std::int64_t sum_detail(const server::storage::Location& database, const std::string& sql, const std::string& key) {
  server::storage::Database db(database);
  auto q = db.prepare(sql);
  std::int64_t sum = 0;
  while (q.step()) {
    const auto detail = nlohmann::json::parse(q.text(0), nullptr, false);
    if (detail.is_object() && detail.contains(key) && detail[key].is_number_integer()) sum += detail[key].get<std::int64_t>();
  }
  return sum;
}

std::int64_t count_detail(const server::storage::Location& database, const std::string& sql, const std::string& key,
                          const nlohmann::json& value) {
  server::storage::Database db(database);
  auto q = db.prepare(sql);
  std::int64_t n = 0;
  while (q.step()) {
    const auto detail = nlohmann::json::parse(q.text(0), nullptr, false);
    n += detail.is_object() && detail.contains(key) && detail[key] == value;
  }
  return n;
}

std::string now_sql() { return std::to_string(static_cast<long long>(std::time(nullptr))); }

void execute(const server::storage::Location& database, const std::string& sql) {
  server::storage::Database db(database);
  db.exec(sql);
}

}  // namespace test_server
