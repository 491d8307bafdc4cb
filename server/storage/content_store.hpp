#pragma once
// Uploaded files stored by content: the name is the SHA-256 of the bytes, so the same file
// is kept once and no name a user chose ever reaches the disk.
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace server::storage {

// Writes `bytes` to `dir`/<sha256><suffix> unless a good copy is there already, durably: a
// temporary file of its own (mkstemp, mode 0600, so concurrent uploads of the same bytes
// never share one), fsync, the bytes read back and hashed, rename, fsync of the directory.
// A copy already there whose bytes no longer match its name (a crash, a bad disk) is
// replaced. Returns the SHA-256 (hex); throws when the disk refuses or the write reads
// back wrong.
std::string store_by_content(const std::filesystem::path& dir, std::string_view bytes, std::string_view suffix = {});

// A stored file whose bytes do not hash to its name: never served.
class CorruptFile : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The bytes of a file written by store_by_content (its name up to the first '.' is the
// SHA-256), checked against that name: nullopt when it does not exist, CorruptFile (the
// message names the file and what to do) when it does not match.
std::optional<std::string> read_by_content(const std::filesystem::path& file);

// Temporary files left by a crash in the middle of an upload (`.<sha>.tmp-XXXXXX`, and
// the older `<name>.tmp<pid>`): removed at start. Returns how many.
int remove_leftover_temporaries(const std::filesystem::path& dir);

}  // namespace server::storage
