#include "server/auth/audit_log.hpp"

#include <ctime>

namespace server::auth {

namespace {

bool starts_with(const std::string& s, std::string_view prefix) { return s.rfind(prefix, 0) == 0; }

// The organisation an event is about (see AuditEvent::org_code); a "user:" target is
// resolved in SQL from the users table.
std::string attributed_org(const AuditEvent& e) {
  if (!e.org_code.empty()) return e.org_code;
  for (std::string_view prefix : {"institution:", "org:", "school:"})
    if (starts_with(e.target, prefix)) return e.target.substr(prefix.size());
  for (const char* key : {"institution", "institution_code"})
    if (auto it = e.detail.find(key); it != e.detail.end() && it->is_string()) return it->get<std::string>();
  return {};
}

std::optional<std::int64_t> target_user(const AuditEvent& e) {
  if (!e.org_code.empty() || !starts_with(e.target, "user:")) return std::nullopt;
  const std::string id = e.target.substr(5);
  if (id.empty() || id.size() > 18 || id.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return std::stoll(id);
}

std::int64_t insert(storage::Database& db, const AuditEvent& e, const nlohmann::json& detail) {
  auto insert = db.prepare(
      "INSERT INTO audit_log (actor_user_id, action, target, client_address, detail, org_code) "
      "VALUES (?1, ?2, ?3, ?4, ?5, COALESCE((SELECT org_code FROM users WHERE id = ?7), ?6)) RETURNING id");
  if (e.actor_user_id) insert.bind(1, *e.actor_user_id);
  else insert.bind_null(1);
  insert.bind(2, e.action).bind(3, e.target).bind(4, e.client_address).bind(5, detail.dump()).bind(6, attributed_org(e));
  if (auto user = target_user(e)) insert.bind(7, *user);
  else insert.bind_null(7);
  return insert.step() ? insert.integer(0) : 0;
}

constexpr std::int64_t repeat_window = 60, repeat_write_every = 10;

}  // namespace

void AuditLog::record(const AuditEvent& e) {
  auto db = db_.acquire();
  insert(*db, e, e.detail);
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
  auto last = db->prepare(
      "SELECT id, detail FROM audit_log WHERE target = ? AND action = ? AND client_address = ? AND at >= ? "
      "ORDER BY id DESC LIMIT 1");
  last.bind(1, e.target).bind(2, e.action).bind(3, e.client_address).bind(4, std::string(since));
  if (last.step()) {
    auto detail = nlohmann::json::parse(last.text(1), nullptr, false);
    if (!detail.is_object()) detail = nlohmann::json::object();
    detail["count"] = detail.value("count", 1) + 1;
    db->prepare("UPDATE audit_log SET detail = ? WHERE id = ?").bind(1, detail.dump()).bind(2, last.integer(0)).run();
  } else {
    auto detail = e.detail;
    detail["count"] = 1;
    insert(*db, e, detail);
  }
  tx.commit();
}

void AuditLog::write_count(storage::Database& db, Repeats& r, std::int64_t now) {
  if (r.count == r.written) return;
  auto detail = nlohmann::json::parse(r.detail, nullptr, false);
  if (!detail.is_object()) detail = nlohmann::json::object();
  detail["count"] = r.count;
  db.prepare("UPDATE audit_log SET detail = ? WHERE id = ?").bind(1, detail.dump()).bind(2, r.row).run();
  r.written = r.count;
  r.written_at = now;
}

void AuditLog::record_repeated_read(const AuditEvent& e, std::int64_t now) {
  const std::string key = std::to_string(e.actor_user_id.value_or(0)) + '\n' + e.action + '\n' + e.target + '\n' +
                          e.client_address + '\n' + e.org_code;
  const std::int64_t window = now - now % repeat_window;
  std::lock_guard lock(repeats_mutex_);
  auto& r = repeats_[key];
  if (r.row && r.window == window) {
    ++r.count;
    if (now - r.written_at < repeat_write_every) return;
    auto db = db_.acquire();
    write_count(*db, r, now);
    return;
  }
  auto db = db_.acquire();
  // A new minute: last minute's repeats of every key go in first, and the finished entries go.
  for (auto it = repeats_.begin(); it != repeats_.end();) {
    if (it->second.row) write_count(*db, it->second, now);
    if (it->second.window < window && &it->second != &r) it = repeats_.erase(it);
    else ++it;
  }
  auto detail = e.detail;
  detail["count"] = 1;
  r = {insert(*db, e, detail), window, 1, 1, now, e.detail.dump()};
}

void AuditLog::flush() {
  std::lock_guard lock(repeats_mutex_);
  if (repeats_.empty()) return;
  auto db = db_.acquire();
  for (auto& [key, r] : repeats_)
    if (r.row) write_count(*db, r, 0);
  repeats_.clear();
}

std::vector<AuditEntry> AuditLog::find(const AuditQuery& q) const {
  std::string sql =
      "SELECT a.id, a.at, a.actor_user_id, a.action, a.target, a.client_address, a.detail, a.org_code, "
      "COALESCE(u.username, '') FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id WHERE 1 = 1";
  if (q.orgs)
    // The subtree as one ",code,code," text, which both engines search the same way.
    sql += " AND (instr(?1, ',' || a.org_code || ',') > 0 OR instr(?1, ',' || u.org_code || ',') > 0)";
  if (!q.person.empty()) sql += " AND (u.username = ?2 OR a.actor_user_id = ?9)";
  if (!q.action.empty()) sql += " AND (a.action = ?3 OR substr(a.action, 1, length(?3) + 1) = ?3 || '.')";
  if (!q.target.empty()) sql += " AND a.target = ?4";
  if (!q.from.empty()) sql += " AND a.at >= ?5";
  if (!q.to.empty()) sql += " AND a.at < ?6";
  if (q.before_id > 0) sql += " AND a.id < ?7";
  sql += " ORDER BY a.id DESC LIMIT ?8";
  auto db = db_.acquire();
  auto stmt = db->prepare(sql);
  if (q.orgs) {
    std::string list = ",";
    for (const auto& code : *q.orgs) list += code + ",";
    stmt.bind(1, list);
  }
  if (!q.person.empty()) {
    stmt.bind(2, q.person);
    if (q.person.size() <= 18 && q.person.find_first_not_of("0123456789") == std::string::npos)
      stmt.bind(9, std::stoll(q.person));
  }
  if (!q.action.empty()) stmt.bind(3, q.action);
  if (!q.target.empty()) stmt.bind(4, q.target);
  if (!q.from.empty()) stmt.bind(5, q.from);
  if (!q.to.empty()) stmt.bind(6, q.to);
  if (q.before_id > 0) stmt.bind(7, q.before_id);
  stmt.bind(8, std::int64_t{q.limit});
  std::vector<AuditEntry> out;
  while (stmt.step()) {
    AuditEvent e;
    if (!stmt.is_null(2)) e.actor_user_id = stmt.integer(2);
    e.action = stmt.text(3);
    e.target = stmt.text(4);
    e.client_address = stmt.text(5);
    e.detail = nlohmann::json::parse(stmt.text(6), nullptr, false);
    e.org_code = stmt.text(7);
    out.push_back({stmt.integer(0), stmt.text(1), std::move(e), stmt.text(8)});
  }
  return out;
}

}  // namespace server::auth
