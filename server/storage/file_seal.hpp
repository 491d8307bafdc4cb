#pragma once
// Uploaded files sealed at rest with keys derived from the server key: a copy of the data
// folder without server.key shows neither the contents (letters carry national IDs) nor
// which files are equal to a file someone already has (names are keyed hashes).
#include <optional>
#include <string>
#include <string_view>

#include "server/auth/crypto.hpp"

namespace server::storage {

class FileKeys {
 public:
  explicit FileKeys(const auth::SecretKey& server_key);
  // The stored name of `plain`: keyed BLAKE2b-256, hex (64 characters, like a SHA-256).
  std::string name_of(std::string_view plain) const;
  // kSealedMagic, a secretstream header, then 64 KiB chunks of XChaCha20-Poly1305, the last
  // one tagged final (a cut file does not open).
  std::string seal(std::string_view plain) const;
  // nullopt when `stored` is not sealed with this key, or damaged, or cut.
  std::optional<std::string> unseal(std::string_view stored) const;

 private:
  auth::SecretKey name_key_{}, seal_key_{};
};

// The first bytes of a sealed file. No accepted upload starts with a NUL byte, so a file
// stored before sealing (plain bytes named by their SHA-256) is told apart by these bytes.
inline constexpr std::string_view kSealedMagic{"\0SSEAL01", 8};
inline bool is_sealed(std::string_view stored) { return stored.substr(0, kSealedMagic.size()) == kSealedMagic; }

}  // namespace server::storage
