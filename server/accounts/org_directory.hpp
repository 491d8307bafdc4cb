#pragma once
// The organisation tree in SQLite: offices (assets/directory/offices.csv) in `organisations`,
// institutions in `institutions`, joined by the org_tree view, with the centre
// 0000000000 above the departments. The server loads it into a domain::OrgTree at start.
#include <filesystem>
#include <string>
#include <vector>

#include "server/storage/connection_pool.hpp"
#include "shared/accounts/organisation.hpp"

namespace server::accounts {

inline constexpr std::string_view centre_code = "0000000000";
inline constexpr std::string_view centre_name_th = "ศูนย์กลาง (ผู้ดูแลระบบ)";

struct OfficeImport {
  std::size_t rows = 0, inserted = 0, updated = 0;
  std::vector<std::string> rejected;  // "line 12: kind: unknown organisation kind"
};

// Reads code,name_th,kind,province,parent_code and upserts by code in one transaction.
// Throws std::runtime_error when the file cannot be read or has another header.
OfficeImport import_offices(storage::ConnectionPool& db, const std::filesystem::path& csv);

struct LoadedTree {
  domain::OrgTree tree;
  std::vector<std::string> dropped;  // nodes left out (unknown parent...), for the log
};
// Every node of org_tree plus the centre. A node whose parent is unknown is left out (with
// everything below it) and reported, so one bad row cannot stop the server.
LoadedTree load_org_tree(storage::ConnectionPool& db);

}  // namespace server::accounts
