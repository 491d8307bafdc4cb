#include "server/accounts/access_request_store.hpp"

#include "server/accounts/account_store.hpp"

namespace server::accounts {

namespace {

using domain::Permission;

// Stored as space-separated permission ids.
std::string rights_text(const std::vector<Permission>& rights) {
  std::string out;
  for (auto p : rights) out += (out.empty() ? "" : " ") + std::string(domain::to_string(p));
  return out;
}

std::vector<Permission> rights_of(const std::string& text) {
  std::vector<Permission> out;
  std::size_t at = 0;
  while (at < text.size()) {
    const auto end = std::min(text.find(' ', at), text.size());
    if (auto p = domain::parse_permission(text.substr(at, end - at))) out.push_back(p.value());
    at = end + 1;
  }
  return out;
}

}  // namespace

std::optional<StoredRequest> find_request(storage::Database& db, std::int64_t id) {
  auto q = db.prepare(
      "SELECT id, area_code, school_code, title, first_name, last_name, position, phone, email, status, reason, "
      "created_at, user_id, rights, granted, identity_provider, id_masked, national_id_hash, national_id_sealed "
      "FROM access_requests WHERE id = ?");
  q.bind(1, id);
  if (!q.step()) return std::nullopt;
  StoredRequest r;
  r.id = q.integer(0);
  r.request.area_code = q.text(1);
  r.request.school_code = q.text(2);
  r.request.person = {q.text(3), q.text(4), q.text(5), q.text(6), q.text(7), q.text(8)};
  r.request.status = domain::parse_access_request_status(q.text(9)).value();
  r.request.reason = q.text(10);
  r.created_at = q.integer(11);
  if (!q.is_null(12)) r.user_id = q.integer(12);
  r.request.rights = rights_of(q.text(13));
  r.request.granted = rights_of(q.text(14));
  r.request.identity_provider = q.text(15);
  r.request.id_masked = q.text(16);
  r.national_id_hash = q.text(17);
  r.national_id_sealed = q.text(18);
  return r;
}

std::int64_t insert_request(storage::Database& db, const domain::AccessRequest& r, std::int64_t now,
                            const std::string& national_id_hash, const std::string& national_id_sealed) {
  return db.prepare(
        "INSERT INTO access_requests (area_code, school_code, title, first_name, last_name, position, phone, "
        "email, status, created_at, rights, identity_provider, id_masked, national_id_hash, national_id_sealed) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?) RETURNING id")
      .bind(1, r.area_code).bind(2, r.school_code).bind(3, r.person.title).bind(4, r.person.first_name)
      .bind(5, r.person.last_name).bind(6, r.person.position).bind(7, r.person.phone).bind(8, r.person.email)
      .bind(9, now).bind(10, rights_text(r.rights)).bind(11, r.identity_provider).bind(12, r.id_masked)
      .bind(13, national_id_hash).bind(14, national_id_sealed)
      .returned_id();
}

void record_decision(storage::Database& db, const StoredRequest& stored, std::int64_t admin_id, std::int64_t now) {
  auto update = db.prepare(
      "UPDATE access_requests SET status = ?, reason = ?, user_id = ?, decided_at = ?, decided_by = ?, granted = ? "
      "WHERE id = ?");
  update.bind(1, domain::to_string(stored.request.status)).bind(2, stored.request.reason);
  if (stored.user_id) update.bind(3, *stored.user_id);
  else update.bind_null(3);
  update.bind(4, now).bind(5, admin_id).bind(6, rights_text(stored.request.granted)).bind(7, stored.id);
  update.run();
}

std::int64_t pending_requests_from(storage::Database& db, std::string_view school_code, std::string_view phone) {
  auto q = db.prepare("SELECT COUNT(*) FROM access_requests WHERE school_code = ? AND phone = ? AND status = 'pending'");
  q.bind(1, school_code).bind(2, phone);
  q.step();
  return q.integer(0);
}

int count_school_users(storage::Database& db, std::string_view school_code, std::int64_t except_user_id) {
  auto q = db.prepare(
      "SELECT COUNT(*) FROM users WHERE school_user = 1 AND status != 'disabled' AND org_code = ? AND id != ?");
  q.bind(1, school_code).bind(2, except_user_id);
  q.step();
  return static_cast<int>(q.integer(0));
}

std::string next_school_username(storage::Database& db, const std::string& school_code) {
  for (int n = 1;; ++n) {
    std::string name = school_code + "-w" + std::to_string(n);
    if (!find_user(db, name)) return name;
  }
}

std::vector<OrgRow> find_orgs(storage::Database& db, const std::vector<std::string>& kinds, const std::string& q) {
  std::string sql = "SELECT code, name_th, kind, province, parent_code FROM organisations WHERE kind IN (";
  for (std::size_t i = 0; i < kinds.size(); ++i) sql += i ? ", ?" : "?";
  sql += ") AND (? = '' OR instr(name_th, ?) > 0 OR code LIKE ? || '%' OR province = ?) ORDER BY code LIMIT 200";
  auto stmt = db.prepare(sql);
  int i = 1;
  for (const auto& k : kinds) stmt.bind(i++, k);
  for (int j = 0; j < 4; ++j) stmt.bind(i++, q);
  std::vector<OrgRow> out;
  while (stmt.step()) out.push_back({stmt.text(0), stmt.text(1), stmt.text(2), stmt.text(3), stmt.text(4)});
  return out;
}

std::vector<InstitutionRow> institutions_directly_under(storage::Database& db, const std::string& office,
                                                        const std::string& q) {
  auto stmt = db.prepare(
      "SELECT code, name_th, affiliation, province, district, parent_code FROM institutions WHERE parent_code = ? "
      "AND (? = '' OR instr(name_th, ?) > 0 OR code LIKE ? || '%') ORDER BY code LIMIT 500");
  stmt.bind(1, office).bind(2, q).bind(3, q).bind(4, q);
  std::vector<InstitutionRow> out;
  while (stmt.step())
    out.push_back({stmt.text(0), stmt.text(1), stmt.text(2), stmt.text(3), stmt.text(4), stmt.text(5)});
  return out;
}

}  // namespace server::accounts
