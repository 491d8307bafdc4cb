#pragma once
// The QR sheets of new institution accounts, kept in the database (migration 124) so that
// any server process behind the load balancer hands the sheet to the admin who made it.
// The PDF is sealed with the server key: its QR codes sign in.
#include <cstdint>
#include <optional>
#include <string>

#include "server/storage/file_seal.hpp"
#include "server/storage/database.hpp"

namespace server::accounts {

struct StoredSheet {
  std::string org_code, file_name, pdf;
};

// Stores the sheet until `expires_at` and returns its new random id; sheets past their
// time (`now`) are deleted on the way.
std::string keep_sheet(storage::Database& db, const storage::FileKeys& keys, std::int64_t owner,
                       const StoredSheet& sheet, std::int64_t now, std::int64_t expires_at);

// The sheet `id` if `owner` made it and it has not expired; nullopt otherwise (also when
// it does not open with this server's key).
std::optional<StoredSheet> find_sheet(storage::Database& db, const storage::FileKeys& keys, const std::string& id,
                                      std::int64_t owner, std::int64_t now);

}  // namespace server::accounts
