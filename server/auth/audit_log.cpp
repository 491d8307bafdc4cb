#include "server/auth/audit_log.hpp"

#include <ctime>

namespace server::auth {

void AuditLog::record(const AuditEvent& e) {
  auto db = db_.acquire();
  auto insert = db->prepare(
      "INSERT INTO audit_log (actor_user_id, action, target, client_address, detail) VALUES (?, ?, ?, ?, ?)");
  if (e.actor_user_id) insert.bind(1, *e.actor_user_id);
  else insert.bind_null(1);
  insert.bind(2, e.action).bind(3, e.target).bind(4, e.client_address).bind(5, e.detail.dump());
  insert.run();
}

void AuditLog::record_counted(const AuditEvent& e, std::int64_t now, std::int64_t window) {
  // `at` is ISO text, so the window's start compares as text.
  const std::time_t start = static_cast<std::time_t>(now - now % window);
  std::tm tm{};
  gmtime_r(&start, &tm);
  char since[32];
  std::strftime(since, sizeof since, "%Y-%m-%dT%H:%M:%S", &tm);
  auto db = db_.acquire();
  storage::Transaction tx(*db);
  db->prepare(
        "UPDATE audit_log SET detail = json_set(detail, '$.count', COALESCE(json_extract(detail, '$.count'), 1) + 1) "
        "WHERE id = (SELECT id FROM audit_log WHERE target = ? AND action = ? AND client_address = ? AND at >= ? "
        "ORDER BY id DESC LIMIT 1)")
      .bind(1, e.target)
      .bind(2, e.action)
      .bind(3, e.client_address)
      .bind(4, std::string(since))
      .run();
  if (db->changes() == 0) {
    auto detail = e.detail;
    detail["count"] = 1;
    auto insert = db->prepare(
        "INSERT INTO audit_log (actor_user_id, action, target, client_address, detail) VALUES (?, ?, ?, ?, ?)");
    if (e.actor_user_id) insert.bind(1, *e.actor_user_id);
    else insert.bind_null(1);
    insert.bind(2, e.action).bind(3, e.target).bind(4, e.client_address).bind(5, detail.dump());
    insert.run();
  }
  tx.commit();
}

std::vector<AuditEntry> AuditLog::find(const AuditQuery& q) const {
  std::string sql = "SELECT id, at, actor_user_id, action, target, client_address, detail FROM audit_log WHERE 1";
  if (q.actor_user_id) sql += " AND actor_user_id = ?1";
  if (!q.target.empty()) sql += " AND target = ?2";
  if (!q.action.empty()) sql += " AND action = ?3";
  if (q.before_id > 0) sql += " AND id < ?4";
  sql += " ORDER BY id DESC LIMIT ?5";
  auto db = db_.acquire();
  auto stmt = db->prepare(sql);
  if (q.actor_user_id) stmt.bind(1, *q.actor_user_id);
  if (!q.target.empty()) stmt.bind(2, q.target);
  if (!q.action.empty()) stmt.bind(3, q.action);
  if (q.before_id > 0) stmt.bind(4, q.before_id);
  stmt.bind(5, std::int64_t{q.limit});
  std::vector<AuditEntry> out;
  while (stmt.step()) {
    AuditEvent e;
    if (!stmt.is_null(2)) e.actor_user_id = stmt.integer(2);
    e.action = stmt.text(3);
    e.target = stmt.text(4);
    e.client_address = stmt.text(5);
    e.detail = nlohmann::json::parse(stmt.text(6), nullptr, false);
    out.push_back({stmt.integer(0), stmt.text(1), std::move(e)});
  }
  return out;
}

}  // namespace server::auth
