#pragma once
// `school-server migrate-to-postgres`: every row of a SQLite installation into a new, empty
// PostgreSQL database, table by table in one transaction, then the counts compared.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "server/storage/database.hpp"

namespace server::storage {

struct CopiedTable {
  std::string name;
  std::int64_t source_rows = 0;
  std::int64_t target_rows = 0;
};

// Both databases are brought to the current schema first. Throws StorageError, with what
// to do, when the target already holds data or the source has a table this program does
// not know; nothing is left half-copied (one transaction).
std::vector<CopiedTable> copy_to_postgres(const Location& sqlite, const Location& postgres,
                                          const std::function<void(const CopiedTable&)>& progress = {});

}  // namespace server::storage
