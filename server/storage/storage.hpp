#pragma once
// The institution directory's store. Every method is safe to call from any thread.
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

class ConnectionPool;

// Brings the database's schema up to date (either engine) and opens the stores over it.
std::unique_ptr<Storage> open_storage(ConnectionPool& pool);

}  // namespace server::storage
