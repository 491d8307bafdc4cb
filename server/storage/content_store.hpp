#pragma once
// Uploaded files stored by content, sealed with the server key (file_seal.hpp): the name is
// a keyed hash of the bytes, so the same file is kept once and no name a user chose ever
// reaches the disk.
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "server/storage/file_seal.hpp"

namespace server::storage {

// Writes `bytes`, sealed, to `dir`/<name><suffix> (name = keys.name_of(bytes)) unless a
// good copy is there already, durably: a temporary file of its own (mkstemp, mode 0600, so
// concurrent uploads of the same bytes never share one), fsync, read back and opened,
// rename, fsync of the directory. A copy already there that no longer opens to these bytes
// (a crash, a bad disk) is replaced. Returns the name; throws when the disk refuses or the
// write reads back wrong.
std::string store_by_content(const std::filesystem::path& dir, const FileKeys& keys, std::string_view bytes,
                             std::string_view suffix = {});

// A stored file whose bytes do not hash to its name: never served.
class CorruptFile : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The plain bytes of a file written by store_by_content, checked against its name (up to
// the first '.'): nullopt when it does not exist, CorruptFile (the message names the file
// and what to do) when it does not open or match. Files stored before sealing (plain,
// named by their SHA-256) read too, sealed in place at start or not.
std::optional<std::string> read_by_content(const std::filesystem::path& file, const FileKeys& keys);

// Files stored before sealing (plain bytes named by their SHA-256) sealed in place under
// the same name, at start. Returns how many.
int seal_plain_files(const std::filesystem::path& dir, const FileKeys& keys);

// Temporary files left by a crash in the middle of an upload (`.<sha>.tmp-XXXXXX`, and
// the older `<name>.tmp<pid>`): removed at start. Returns how many.
int remove_leftover_temporaries(const std::filesystem::path& dir);

// The uploads stored under a data folder (files/ and letters/), temporaries not counted.
int count_stored_files(const std::filesystem::path& data_dir);

}  // namespace server::storage
