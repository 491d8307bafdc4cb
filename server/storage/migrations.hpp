#pragma once
// Schema changes as numbered migrations, applied in order at start, each in its own write
// transaction (one at a time across every server process on the database) and recorded in
// schema_migrations. Never edit a released migration: add one, with its DDL for both engines.
#include <string>
#include <string_view>
#include <vector>

#include "server/storage/database.hpp"

namespace server::storage {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;       // SQLite
  std::string_view postgres;  // PostgreSQL, for databases made before it; empty: translated
};

const std::vector<Migration>& migrations();

// The PostgreSQL schema that the migrations without a PostgreSQL text leave, translated from
// their SQLite text (postgres_schema.cpp): a new PostgreSQL database gets it in one step,
// then the migrations after it.
std::string postgres_schema(const std::vector<Migration>& list = migrations());
// The PostgreSQL text of list[index] for a PostgreSQL database that holds the ones before:
// its own text, or its SQLite text translated when it only adds tables, indexes, views or
// triggers; a migration that changes what exists without a PostgreSQL text is refused.
std::string postgres_migration(const std::vector<Migration>& list, std::size_t index);

// Applies the missing migrations; returns how many ran. Refuses a database whose schema
// is newer than this program (an older binary must not write to it).
int migrate(Database& db, const std::vector<Migration>& list = migrations());

}  // namespace server::storage
