#pragma once
// Signing in over real HTTP for the integration tests: the session cookie and CSRF token a
// browser would keep, and direct access to the server's SQLite file to look behind it.
#include <nlohmann/json.hpp>
#include <string>

#include "server/storage/database.hpp"
#include "tests/server/http_client.hpp"
#include "tests/server/server_process.hpp"

namespace test_server {

struct SignedIn {
  std::string cookie;  // "__Host-session=<id>"
  std::string csrf;
  nlohmann::json body;  // the login reply
};

// "__Host-session=abc" from a reply's Set-Cookie ("" when it sets none).
std::string session_cookie_of(const HttpResponse& r);

// Signs in (asserting 200) with the demo password of `username` or the one given.
SignedIn sign_in(unsigned short port, const std::string& username, const std::string& password);
std::string demo_password(const std::string& username);

// Headers of a signed-in browser: the cookie, and the CSRF token for state changes.
Headers as(const SignedIn& s, bool with_csrf = true);
HttpResponse post_json(unsigned short port, const std::string& target, const nlohmann::json& body,
                       const Headers& headers = {});
// A JSON request of any method as `who` (cookie and CSRF token).
HttpResponse send_json(unsigned short port, const std::string& method, const std::string& target, const SignedIn& who,
                       const nlohmann::json& body = nlohmann::json::object());

// An otp_token for `phone` through the real flow: POST /api/v1/otp, the dev outbox, verify.
std::string otp_token_for(unsigned short port, const std::string& phone, const std::string& purpose);
// The newest outbox message to `phone` ("" when none).
std::string last_sms(unsigned short port, const std::string& phone);

// One value from the database (the first column of the first row), as text.
std::string query_text(const server::storage::Location& database, const std::string& sql);
std::int64_t query_int(const server::storage::Location& database, const std::string& sql);
void execute(const server::storage::Location& database, const std::string& sql);
// The first column of every row, joined by `separator` (SQLite's group_concat, on either engine).
std::string query_joined(const server::storage::Location& database, const std::string& sql, const std::string& separator = ",");
// The sum of a number in the JSON `detail` of the rows the SQL selects (its one column).
std::int64_t sum_detail(const server::storage::Location& database, const std::string& sql, const std::string& key);
// How many of those details hold `value` under `key`.
std::int64_t count_detail(const server::storage::Location& database, const std::string& sql, const std::string& key,
                          const nlohmann::json& value);
// Seconds since the epoch, as SQL text: for rows dated now on either engine.
std::string now_sql();

}  // namespace test_server
