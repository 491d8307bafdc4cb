#include "server/registrations/registration_store.hpp"

namespace server::registrations::store {

namespace {

constexpr const char* columns =
    "id, reference, status, affiliation, institution_code, institution_name, province, district, parent_code, "
    "title, first_name, last_name, position, phone, email, national_id_masked, tsl_username, kiddiary_username, "
    "letter_file, letter_type, letter_bytes, reason, created_at, updated_at, COALESCE(superseded_by, 0)";

Registration read_row(const storage::Statement& q) {
  Registration r;
  r.id = q.integer(0);
  r.reference = q.text(1);
  r.status = domain::parse_registration_status(q.text(2)).value_or(domain::RegistrationStatus::awaiting_letter);
  r.affiliation = q.text(3);
  r.institution_code = q.text(4);
  r.institution_name = q.text(5);
  r.province = q.text(6);
  r.district = q.text(7);
  r.parent_code = q.text(8);
  r.officer = domain::Profile{q.text(9), q.text(10), q.text(11), q.text(12), q.text(13), q.text(14)};
  r.national_id_masked = q.text(15);
  r.tsl_username = q.text(16);
  r.kiddiary_username = q.text(17);
  r.letter_file = q.text(18);
  r.letter_type = q.text(19);
  r.letter_bytes = q.integer(20);
  r.reason = q.text(21);
  r.created_at = q.text(22);
  r.updated_at = q.text(23);
  if (q.integer(24)) r.superseded_by = q.integer(24);
  return r;
}

std::vector<Registration> read_all(storage::Statement& q) {
  std::vector<Registration> out;
  while (q.step()) out.push_back(read_row(q));
  return out;
}

std::optional<std::string> one_text(storage::Database& db, const char* sql, std::int64_t id) {
  auto q = db.prepare(sql);
  q.bind(1, id);
  if (!q.step()) return std::nullopt;
  return q.text(0);
}

}  // namespace

std::optional<Registration> load(storage::Database& db, std::int64_t id) {
  auto q = db.prepare(std::string("SELECT ") + columns + " FROM registrations WHERE id = ?");
  q.bind(1, id);
  if (!q.step()) return std::nullopt;
  return read_row(q);
}

std::vector<Registration> load_open(storage::Database& db, std::string_view institution_code) {
  auto q = db.prepare(std::string("SELECT ") + columns +
                      " FROM registrations WHERE institution_code = ? AND status IN ('awaiting_letter', "
                      "'under_review') ORDER BY id");
  q.bind(1, institution_code);
  return read_all(q);
}

std::optional<Registration> latest(storage::Database& db, std::string_view institution_code) {
  auto q = db.prepare(std::string("SELECT ") + columns +
                      " FROM registrations WHERE institution_code = ? AND status <> 'superseded' ORDER BY id DESC LIMIT 1");
  q.bind(1, institution_code);
  if (!q.step()) return std::nullopt;
  return read_row(q);
}

std::vector<Registration> queue(storage::Database& db, const QueueFilter& f) {
  std::string sql = std::string("SELECT ") + columns + " FROM registrations WHERE 1 = 1";
  std::vector<std::string> args;
  if (f.status) {
    sql += " AND status = ?";
    args.emplace_back(domain::to_string(*f.status));
  }
  if (!f.affiliation.empty()) {
    sql += " AND affiliation = ?";
    args.push_back(f.affiliation);
  }
  if (!f.province.empty()) {
    sql += " AND province = ?";
    args.push_back(f.province);
  }
  sql += " ORDER BY id LIMIT " + std::to_string(f.limit);
  auto q = db.prepare(sql);
  for (std::size_t i = 0; i < args.size(); ++i) q.bind(static_cast<int>(i + 1), args[i]);
  return read_all(q);
}

std::int64_t insert(storage::Database& db, const NewRegistration& n) {
  const Registration& r = n.shown;
  auto q = db.prepare(
      "INSERT INTO registrations (reference, token_hash, status, affiliation, institution_code, institution_name, "
      "province, district, parent_code, title, first_name, last_name, position, phone, email, national_id_sealed, "
      "national_id_hash, national_id_masked, tsl_username, kiddiary_username) VALUES "
      "(?, ?, 'awaiting_letter', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  q.bind(1, r.reference).bind(2, n.token_hash).bind(3, r.affiliation).bind(4, r.institution_code);
  q.bind(5, r.institution_name).bind(6, r.province).bind(7, r.district).bind(8, r.parent_code);
  q.bind(9, r.officer.title).bind(10, r.officer.first_name).bind(11, r.officer.last_name);
  q.bind(12, r.officer.position).bind(13, r.officer.phone).bind(14, r.officer.email);
  q.bind(15, n.national_id_sealed).bind(16, n.national_id_hash).bind(17, r.national_id_masked);
  q.bind(18, r.tsl_username).bind(19, r.kiddiary_username);
  return q.returned_id();
}

void supersede(storage::Database& db, std::int64_t id) {
  db.prepare("UPDATE registrations SET status = 'superseded', updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
             "WHERE id = ?")
      .bind(1, id)
      .run();
}

void set_superseded_by(storage::Database& db, std::int64_t id, std::int64_t by) {
  db.prepare("UPDATE registrations SET superseded_by = ? WHERE id = ?").bind(1, by).bind(2, id).run();
}

void set_token_hash(storage::Database& db, std::int64_t id, const std::string& hash) {
  db.prepare("UPDATE registrations SET token_hash = ? WHERE id = ?").bind(1, hash).bind(2, id).run();
}

std::optional<std::string> token_hash(storage::Database& db, std::int64_t id) {
  return one_text(db, "SELECT token_hash FROM registrations WHERE id = ?", id);
}

std::optional<std::string> national_id_hash(storage::Database& db, std::int64_t id) {
  return one_text(db, "SELECT national_id_hash FROM registrations WHERE id = ?", id);
}

void set_letter(storage::Database& db, std::int64_t id, const std::string& file, const std::string& type,
                std::int64_t bytes) {
  db.prepare("UPDATE registrations SET status = 'under_review', letter_file = ?, letter_type = ?, letter_bytes = ?, "
             "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?")
      .bind(1, file).bind(2, type).bind(3, bytes).bind(4, id)
      .run();
}

void set_decision(storage::Database& db, std::int64_t id, domain::RegistrationStatus status, std::string_view reason,
                  std::int64_t decided_by) {
  db.prepare("UPDATE registrations SET status = ?, reason = ?, decided_by = ?, "
             "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?")
      .bind(1, std::string(domain::to_string(status))).bind(2, reason).bind(3, decided_by).bind(4, id)
      .run();
}

void undo_decision(storage::Database& db, std::int64_t id, domain::RegistrationStatus before) {
  db.prepare("UPDATE registrations SET status = ?, decided_by = NULL WHERE id = ?")
      .bind(1, std::string(domain::to_string(before))).bind(2, id).run();
}

}  // namespace server::registrations::store
