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

class AuditLog {
 public:
  explicit AuditLog(storage::ConnectionPool& db) : db_(db) {}
  void record(const AuditEvent& event);
  std::vector<AuditEntry> find(const AuditQuery& query) const;  // newest first

 private:
  storage::ConnectionPool& db_;
};

}  // namespace server::auth
