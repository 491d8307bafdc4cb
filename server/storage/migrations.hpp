#pragma once
// Schema changes as numbered migrations, applied in order at start, each in its own write
// transaction (one at a time across every server process on the database) and recorded in
// schema_migrations. Never edit a released migration: add one, with its DDL for both engines.
#include <string_view>
#include <vector>

#include "server/storage/database.hpp"

namespace server::storage {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;       // SQLite
  std::string_view postgres;  // PostgreSQL; empty: part of postgres_baseline()
};

const std::vector<Migration>& migrations();

// The PostgreSQL schema of every migration without a PostgreSQL text: a new PostgreSQL
// database gets it in one step, then the migrations after it.
std::string_view postgres_baseline_core();     // postgres_baseline.cpp
std::string_view postgres_baseline_kpi_lec();  // postgres_baseline_kpi_lec.cpp

// Applies the missing migrations; returns how many ran. Refuses a database whose schema
// is newer than this program (an older binary must not write to it).
int migrate(Database& db, const std::vector<Migration>& list = migrations());

}  // namespace server::storage
