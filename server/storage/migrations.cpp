#include "server/storage/migrations.hpp"

#include <string>

#include "server/accounts/account_schema.hpp"
#include "server/kpi/kpi_schema.hpp"
#include "server/lec/lec_file_schema.hpp"
#include "server/lec/lec_schema.hpp"
#include "server/otp/otp_schema.hpp"
#include "server/registrations/registration_schema.hpp"

namespace server::storage {

const std::vector<Migration>& migrations() {
  // Ordered by version. Each feature numbers in its own range: directory 1-99,
  // accounts/auth 100-199, OTP/SMS 200-299, registrations 300-399, KPI 400-499, local education data 500-599.
  static const std::vector<Migration> all = {
      {1, "institutions", R"sql(
CREATE TABLE institutions (
  code        TEXT PRIMARY KEY,   -- 10 digits, from DMC (obec) or LEC (dla)
  name_th     TEXT NOT NULL,
  affiliation TEXT NOT NULL,
  province    TEXT NOT NULL,
  district    TEXT NOT NULL,
  parent_code TEXT NOT NULL DEFAULT '',
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX institutions_by_province ON institutions (province, code);
CREATE INDEX institutions_by_affiliation ON institutions (affiliation, code);
)sql"},
      // Thai is written without spaces between words, so word tokenizers do not help:
      // a trigram index finds any substring of three characters or more.
      {2, "institution names trigram index", R"sql(
CREATE VIRTUAL TABLE institution_names USING fts5 (
  name_th, content = 'institutions', content_rowid = 'rowid', tokenize = 'trigram'
);
CREATE TRIGGER institutions_names_insert AFTER INSERT ON institutions BEGIN
  INSERT INTO institution_names (rowid, name_th) VALUES (new.rowid, new.name_th);
END;
CREATE TRIGGER institutions_names_delete AFTER DELETE ON institutions BEGIN
  INSERT INTO institution_names (institution_names, rowid, name_th) VALUES ('delete', old.rowid, old.name_th);
END;
CREATE TRIGGER institutions_names_update AFTER UPDATE OF name_th ON institutions BEGIN
  INSERT INTO institution_names (institution_names, rowid, name_th) VALUES ('delete', old.rowid, old.name_th);
  INSERT INTO institution_names (rowid, name_th) VALUES (new.rowid, new.name_th);
END;
INSERT INTO institution_names (institution_names) VALUES ('rebuild');
)sql"},
      {100, "organisations", accounts::schema::organisations},
      {101, "users and grants", accounts::schema::users_and_grants},
      {102, "sessions, sign-in failures, one-time tokens", accounts::schema::sign_in},
      {103, "audit log", accounts::schema::audit_log},
      {104, "school website access requests", accounts::schema::access_requests},
      {110, "audit log: the organisation each entry is about", accounts::schema::audit_log_org},
      {120, "sessions: a public id and the browser's User-Agent", accounts::schema::sessions_device},
      {121, "access requests: the rights asked for and given", accounts::schema::access_request_rights},
      {122, "the past holders of each account", accounts::schema::account_holders},
      {123, "the check value of the server key", accounts::schema::server_key_check},
      {124, "QR sheets of new institution accounts, for every server process", accounts::schema::sign_in_sheets},
      {125, "proofs of identity by an OpenID provider (ThaID)", accounts::schema::identity_proofs},
      {126, "the proven national ID on access requests and users", accounts::schema::identity_columns,
       accounts::schema::identity_columns},
      {127, "a revision of sessions, users and grants for the guard's cache", accounts::schema::auth_revision},
      {200, "sms outbox and one-time passwords", sms_otp_schema},
      {300, "school account registrations", registrations_schema},
      {400, "kpi definitions, reports, evidence and live summaries", kpi::kSchema400},
      {401, "kpi files: sealed content name, purpose, decoded images", kpi::kSchema401},
      {402, "kpi: a revision of every write for the live summaries' cache", kpi::kSchema402},
      {500, "local education data: rounds, children, live counts, funded schools, confirmations", lec::kSchema500},
      {501, "local education data: child-development centres' basic data", lec::kSchema501},
      {502, "local education data: a revision per year for the progress view's cache", lec::kSchema502},
      {550, "local education data: spot checks by provincial offices", lec::kSchema550},
  };
  return all;
}

namespace {

void create_history(Database& db) {
  db.exec(db.engine() == Engine::sqlite ? R"sql(
CREATE TABLE IF NOT EXISTS schema_migrations (
  version    INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
))sql"
                                        : R"sql(
CREATE TABLE IF NOT EXISTS schema_migrations (
  version    BIGINT PRIMARY KEY,
  name       TEXT NOT NULL,
  applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
))sql");
}

bool applied(Database& db, int version) {
  auto q = db.prepare("SELECT 1 FROM schema_migrations WHERE version = ?");
  q.bind(1, std::int64_t{version});
  return q.step();
}

void record(Database& db, const Migration& m) {
  db.prepare("INSERT INTO schema_migrations (version, name) VALUES (?, ?)").bind(1, std::int64_t{m.version}).bind(2, m.name).run();
}

}  // namespace

int migrate(Database& db, const std::vector<Migration>& list) {
  const bool postgres = db.engine() == Engine::postgres;
  int count = 0;
  {
    // Inside the write lock: several processes starting at once create the history and
    // the PostgreSQL schema once.
    Transaction tx(db);
    create_history(db);
    auto q = db.prepare("SELECT COALESCE(MAX(version), 0), COUNT(*) FROM schema_migrations");
    q.step();
    const std::int64_t newest = q.integer(0), recorded = q.integer(1);
    if (newest > list.back().version)
      throw StorageError("the database schema (version " + std::to_string(newest) +
                         ") is newer than this program knows (" + std::to_string(list.back().version) + ")");
    if (postgres && recorded == 0) {
      db.exec(postgres_schema(list));
      for (const Migration& m : list) record(db, m), ++count;
    }
    tx.commit();
  }
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Migration& m = list[i];
    // Checked inside the write transaction: two processes starting at once apply it once.
    Transaction tx(db);
    // Each feature numbers its migrations in its own range, so check each version itself.
    if (applied(db, m.version)) continue;
    db.exec(postgres ? postgres_migration(list, i) : std::string(m.sql));
    record(db, m);
    tx.commit();
    ++count;
  }
  return count;
}

}  // namespace server::storage
