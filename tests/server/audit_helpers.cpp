#include "tests/server/audit_helpers.hpp"

#include <catch2/catch.hpp>

#include <ctime>

#include "tests/server/sign_in_helpers.hpp"

namespace test_server {

std::string small_jpeg() {
  TempDir dir;
  auto made = run_command({"/usr/bin/convert", "-size", "320x200", "xc:white", "jpg:" + (dir / "e.jpg").string()}, {});
  REQUIRE(made.exit_code == 0);
  return read_file(dir / "e.jpg");
}

nlohmann::json last_audit(const ServerProcess& server, const std::string& action) {
  const std::string row = query_text(
      server.database(),
      "SELECT json_object('actor', actor_user_id, 'address', client_address, 'org', org_code, 'target', target, "
      "'detail', json(detail)) FROM audit_log WHERE action = '" + action + "' ORDER BY id DESC LIMIT 1");
  return row.empty() ? nlohmann::json() : nlohmann::json::parse(row);
}

std::int64_t user_id(const ServerProcess& server, const std::string& username) {
  return query_int(server.database(), "SELECT id FROM users WHERE username = '" + username + "'");
}

std::string thai_today(int days_from_now) {
  const std::time_t t = std::time(nullptr) + 7 * 3600 + days_from_now * 86400;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

}  // namespace test_server
