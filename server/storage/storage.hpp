#pragma once
// What the handlers need from persistence, independent of the database: SQLite is the
// embedded default; a PostgreSQL backend implements the same interfaces for deployments
// with several server processes. Every method is safe to call from any thread.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "shared/directory/institution.hpp"

namespace server::storage {

struct InstitutionSearch {
  std::string code;         // exact; empty = any
  std::string code_prefix;  // digits typed into the search box; empty = any
  std::string name;         // substring of name_th; empty = any
  std::string affiliation;  // exact; empty = any
  std::string province;     // exact; empty = any
  int limit = 50;
};

struct UpsertCounts {
  std::size_t inserted = 0;
  std::size_t updated = 0;
  std::size_t unchanged = 0;
};

class InstitutionStore {
 public:
  virtual ~InstitutionStore() = default;
  // Ordered by code.
  virtual std::vector<domain::Institution> search(const InstitutionSearch& search) = 0;
  // Inserts or updates by code, all in one transaction (all or nothing).
  virtual UpsertCounts upsert(const std::vector<domain::Institution>& institutions) = 0;
  virtual std::int64_t count() = 0;
};

class Storage {
 public:
  virtual ~Storage() = default;
  virtual InstitutionStore& institutions() = 0;
};

// Opens (creating) the SQLite database file and brings its schema up to date.
std::unique_ptr<Storage> open_sqlite_storage(const std::filesystem::path& file);

}  // namespace server::storage
