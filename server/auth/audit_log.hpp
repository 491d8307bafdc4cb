#pragma once
// Who did what, to what, when and from where: every sign-in, permission change, approval and
// read or change of personal data. `detail` holds ids and outcomes, never personal data
// (national IDs only masked). Stored in SQLite (audit_log), newest last.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "server/storage/connection_pool.hpp"

namespace server::auth {

struct AuditEvent {
  std::optional<std::int64_t> actor_user_id;  // nullopt: not signed in (a failed login, a request)
  std::string action;                         // e.g. "sign_in", "user.disable", "grants.change"
  std::string target;                         // e.g. "user:17", "registration:5", "school:1010720001"
  std::string client_address;
  nlohmann::json detail = nlohmann::json::object();
};

struct AuditEntry {
  std::int64_t id;
  std::string at;  // ISO 8601 UTC
  AuditEvent event;
};

struct AuditQuery {
  std::optional<std::int64_t> actor_user_id;
  std::string target;      // exact; empty = any
  std::string action;      // exact; empty = any
  std::int64_t before_id = 0;  // paging: entries older than this id; 0 = newest
  int limit = 100;
};

// Refused sign-ins (429) are counted per address on one row a minute.
inline constexpr std::int64_t throttled_audit_window = 60;

class AuditLog {
 public:
  explicit AuditLog(storage::ConnectionPool& db) : db_(db) {}
  void record(const AuditEvent& event);
  // Repeats of one event (same action, target and address) within the same `window` seconds
  // share one row: detail.count counts them, the rest of detail is the first one's.
  void record_counted(const AuditEvent& event, std::int64_t now, std::int64_t window);
  std::vector<AuditEntry> find(const AuditQuery& query) const;  // newest first

 private:
  storage::ConnectionPool& db_;
};

}  // namespace server::auth
