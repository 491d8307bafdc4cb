#pragma once
// Schema changes as numbered migrations, applied in order at start, each in its own
// transaction and recorded in schema_migrations. Never edit a released migration: add one.
#include <string_view>
#include <vector>

#include "server/storage/sqlite_database.hpp"

namespace server::storage {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

const std::vector<Migration>& sqlite_migrations();

// Applies the missing migrations; returns how many ran. Refuses a database whose schema
// is newer than this program (an older binary must not write to it).
int migrate(Database& db, const std::vector<Migration>& migrations = sqlite_migrations());

}  // namespace server::storage
