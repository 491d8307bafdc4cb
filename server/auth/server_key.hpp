#pragma once
// The server secret that seals national IDs and OTP codes. Losing it loses every sealed
// value, so a server never quietly makes a new one over sealed data: it refuses to start
// and says which file to restore.
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "server/auth/crypto.hpp"
#include "server/storage/database.hpp"

namespace server::auth {

// The key file is missing or short while the database holds sealed values.
class KeyLost : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Rows holding a value sealed with the server key: registrations' national IDs and signed
// letters, OTP codes, KPI files, and the LEC children's IDs where that table exists. Tables not created yet count 0.
std::int64_t count_sealed_values(storage::Database& db);

// The key is not the one this database's values are sealed with (another server's key, or
// a new one made where the right one was expected).
class KeyMismatch : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct LoadedKey {
  SecretKey key{};
  bool created = false;  // a new key was written (first start, or a new installation)
};

// Reads the 32-byte key in `file`. When it is missing or short: with `sealed_values` == 0
// or `new_installation`, writes a new one durably (temporary file, fsync, rename, fsync of
// the directory; mode 0600); otherwise throws KeyLost naming the file and what to restore.
LoadedKey load_server_key(const std::filesystem::path& file, std::int64_t sealed_values, bool new_installation);

// A new random key in `file`, durably (as above). `replace` false: a key that another
// process put there first wins, and is returned, so servers starting at once share one.
SecretKey write_new_server_key(const std::filesystem::path& file, bool replace = true);

// The database records a keyed hash of the first key it met (server_key_check): every later
// start, of any server, must bring the same key. Throws KeyMismatch naming `file`; with
// `new_installation` this key is recorded instead.
void check_key_matches_database(storage::Database& db, const SecretKey& key, const std::filesystem::path& file,
                                bool new_installation);

}  // namespace server::auth
