#pragma once
// Who did what, to what, when and from where: every sign-in, permission change, approval and
// read or change of personal data. `detail` holds ids and outcomes, never personal data
// (national IDs only masked). Stored in SQLite (audit_log), newest last.
#include <cstdint>
#include <map>
#include <mutex>
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
  // Whose data this is, so the admins of that subtree see the entry. Empty: taken from the
  // target ("institution:", "org:" or "school:" and a code; "user:" and the user's home
  // organisation) or from detail.institution / detail.institution_code.
  std::string org_code;
};

struct AuditEntry {
  std::int64_t id;
  std::string at;  // ISO 8601 UTC
  AuditEvent event;
  std::string actor_username;  // empty: no actor, or the user is gone
};

struct AuditQuery {
  // Entries whose org_code or whose actor's home organisation is one of these; nullopt = all.
  std::optional<std::vector<std::string>> orgs;
  std::string person;          // actor: a user id or a username; empty = anyone
  std::string action;          // exact, or the family before a dot ("user" = user.*); empty = any
  std::string target;          // exact; empty = any
  std::string from, to;        // ISO instants: from <= at < to; empty = open
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
  // A read that a screen repeats by itself (a polled live view): the first read of each
  // minute by one person of one target from one address is written at once, so who read what
  // and when is never lost; the repeats are counted in memory and written into that row's
  // detail.count at most every 10 s, at the next minute's read, or by flush(). A live view
  // then costs no write per poll.
  void record_repeated_read(const AuditEvent& event, std::int64_t now);
  void flush();  // the repeats counted and not yet written (the server calls it when stopping)
  std::vector<AuditEntry> find(const AuditQuery& query) const;  // newest first

 private:
  struct Repeats {
    std::int64_t row = 0, window = 0, count = 0, written = 0, written_at = 0;
    std::string detail;  // the first read's, as a JSON object
  };
  void write_count(storage::Database& db, Repeats& r, std::int64_t now);

  storage::ConnectionPool& db_;
  std::mutex repeats_mutex_;  // held over the rare writes too, so counts land in order
  std::map<std::string, Repeats> repeats_;
};

}  // namespace server::auth
