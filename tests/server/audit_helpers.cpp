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
  server::storage::Database db(server.database());
  auto q = db.prepare(
      "SELECT actor_user_id, client_address, org_code, target, detail FROM audit_log WHERE action = ? "
      "ORDER BY id DESC LIMIT 1");
  q.bind(1, action);
  if (!q.step()) return nlohmann::json();
  return {{"actor", q.is_null(0) ? nlohmann::json() : nlohmann::json(q.integer(0))}, {"address", q.text(1)},
          {"org", q.text(2)}, {"target", q.text(3)}, {"detail", nlohmann::json::parse(q.text(4))}};
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
