#include "server/notifications/notification_store.hpp"

#include <algorithm>
#include <set>

namespace server::notifications {

namespace {

constexpr const char* holders_sql =
    "SELECT DISTINCT u.phone FROM users u JOIN grants g ON g.user_id = u.id "
    "WHERE g.org_code = ? AND g.permission = ? AND u.status = 'active'";

}  // namespace

void add(storage::Database& db, const Notice& n) {
  db.prepare("INSERT INTO kpi_notifications (org_code, permission, kind, text_th, text_en, link) VALUES (?,?,?,?,?,?)")
      .bind(1, n.org_code)
      .bind(2, domain::to_string(n.permission))
      .bind(3, n.kind)
      .bind(4, n.text_th)
      .bind(5, n.text_en)
      .bind(6, n.link)
      .run();
}

std::vector<Notification> list(storage::Database& db, const std::vector<std::string>& org_codes, int limit) {
  auto q = db.prepare(
      "SELECT id, org_code, permission, kind, text_th, text_en, link, created_at FROM kpi_notifications "
      "WHERE org_code = ? ORDER BY id DESC LIMIT ?");
  std::vector<Notification> out;
  for (const auto& org : std::set<std::string>(org_codes.begin(), org_codes.end())) {
    q.reset();
    q.bind(1, org).bind(2, std::int64_t{limit});
    while (q.step())
      out.push_back({q.integer(0), q.text(1), q.text(2), q.text(3), q.text(4), q.text(5), q.text(6), q.text(7)});
  }
  q.reset();
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id > b.id; });
  if (out.size() > static_cast<std::size_t>(limit)) out.resize(limit);
  return out;
}

std::vector<std::string> holder_phones(storage::Database& db, const std::string& org_code,
                                       domain::Permission permission) {
  auto q = db.prepare(std::string(holders_sql) + " AND u.phone <> ''");
  q.bind(1, org_code).bind(2, domain::to_string(permission));
  std::vector<std::string> out;
  while (q.step()) out.push_back(q.text(0));
  return out;
}

std::string user_phone(storage::Database& db, std::int64_t user_id) {
  auto q = db.prepare("SELECT phone FROM users WHERE id = ? AND status = 'active'");
  q.bind(1, user_id);
  return q.step() ? q.text(0) : "";
}

std::vector<std::string> orgs_with_holders(storage::Database& db, const std::vector<std::string>& org_codes,
                                           domain::Permission permission) {
  auto q = db.prepare(std::string(holders_sql) + " LIMIT 1");
  std::vector<std::string> out;
  for (const auto& org : org_codes) {
    q.reset();
    q.bind(1, org).bind(2, domain::to_string(permission));
    if (q.step()) out.push_back(org);
  }
  q.reset();
  return out;
}

}  // namespace server::notifications
