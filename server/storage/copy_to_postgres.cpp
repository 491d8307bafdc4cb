#include "server/storage/copy_to_postgres.hpp"

#include <algorithm>
#include <set>

#include "server/storage/migrations.hpp"

namespace server::storage {

namespace {

// Parents before children (foreign keys); the revision counters last, after the triggers
// that the copy itself sets off.
const std::vector<std::string>& tables() {
  static const std::vector<std::string> all = {
      "institutions", "organisations", "users", "grants", "sessions", "sign_in_failures", "one_time_tokens",
      "audit_log", "access_requests", "account_holders", "server_key_check", "sign_in_sheets", "identity_flows",
      "identity_proofs", "sms_outbox",
      "otp_codes", "otp_sends", "otp_tokens", "registrations", "kpi_files", "kpis", "kpi_documents", "kpi_reports",
      "kpi_report_files", "kpi_period_summary", "kpi_comments", "kpi_notifications", "lec_rounds", "lec_children",
      "lec_child_history", "lec_counts", "lec_funded", "lec_confirmations", "lec_centres", "lec_spot_checks",
      "lec_spot_check_items", "kpi_revision", "lec_revision", "auth_revision"};
  return all;
}

std::int64_t count(Database& db, const std::string& table) {
  auto q = db.prepare("SELECT COUNT(*) FROM " + table);
  q.step();
  return q.integer(0);
}

// The target's columns that take a copied value: not the `rowid` identities that stand in
// for SQLite's rowid (they are made anew, in the source's rowid order).
std::vector<std::string> columns(Database& pg, const std::string& table, bool& has_rowid) {
  auto q = pg.prepare(
      "SELECT column_name, is_identity, identity_generation FROM information_schema.columns "
      "WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position");
  q.bind(1, table);
  std::vector<std::string> out;
  has_rowid = false;
  while (q.step()) {
    if (q.text(2) == "ALWAYS") {
      has_rowid = true;
      continue;
    }
    out.push_back(q.text(0));
  }
  return out;
}

void check_source_tables(Database& sqlite) {
  const std::set<std::string> known(tables().begin(), tables().end());
  auto q = sqlite.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
      "AND name NOT LIKE 'institution_names%' AND name <> 'schema_migrations'");
  while (q.step())
    if (!known.count(q.text(0)))
      throw StorageError("table " + q.text(0) + " is not in the copy list of server/storage/copy_to_postgres.cpp: "
                         "add it there (parents before children) and build again");
}

}  // namespace

std::vector<CopiedTable> copy_to_postgres(const Location& sqlite_at, const Location& postgres_at,
                                          const std::function<void(const CopiedTable&)>& progress) {
  if (sqlite_at.engine != Engine::sqlite || postgres_at.engine != Engine::postgres)
    throw StorageError("copy from a SQLite file to a postgresql:// database");
  Database sqlite(sqlite_at);
  Database pg(postgres_at);
  migrate(sqlite);
  migrate(pg);
  check_source_tables(sqlite);
  for (const auto& t : tables())
    if (t != "kpi_revision" && t != "auth_revision" && count(pg, t) > 0)  // the schema seeds those two
      throw StorageError("the PostgreSQL database already holds data (table " + t +
                         "): copy into a new, empty database (createdb) and start the servers on it afterwards");

  std::vector<CopiedTable> copied;
  Transaction tx(pg);
  for (const auto& t : tables()) {
    bool has_rowid = false;
    const auto cols = columns(pg, t, has_rowid);
    std::string list, marks;
    for (const auto& c : cols) {
      list += (list.empty() ? "" : ", ") + c;
      marks += marks.empty() ? "?" : ", ?";
    }
    pg.exec("DELETE FROM " + t);  // the counters' first rows, made by the schema
    auto read = sqlite.prepare("SELECT " + list + " FROM " + t + (has_rowid ? " ORDER BY rowid" : ""));
    auto write = pg.prepare("INSERT INTO " + t + " (" + list + ") VALUES (" + marks + ")");
    while (read.step()) {
      write.reset();
      for (int i = 0; i < static_cast<int>(cols.size()); ++i) {
        if (read.is_null(i)) write.bind_null(i + 1);
        else write.bind(i + 1, read.text(i));  // PostgreSQL reads the text as the column's type
      }
      write.run();
    }
    // Ids given from now on continue after the copied ones.
    auto sequence = pg.prepare("SELECT pg_get_serial_sequence(?, 'id')");
    sequence.bind(1, t);
    if (std::find(cols.begin(), cols.end(), "id") != cols.end() && sequence.step() && !sequence.is_null(0))
      pg.exec("SELECT setval('" + sequence.text(0) + "', COALESCE(MAX(id), 0) + 1, false) FROM " + t);
    copied.push_back({t, count(sqlite, t), 0});
  }
  tx.commit();
  for (auto& c : copied) {
    c.target_rows = count(pg, c.name);
    if (progress) progress(c);
  }
  for (const auto& c : copied)
    if (c.source_rows != c.target_rows)
      throw StorageError("table " + c.name + ": " + std::to_string(c.source_rows) + " rows in SQLite but " +
                         std::to_string(c.target_rows) + " in PostgreSQL");
  return copied;
}

}  // namespace server::storage
