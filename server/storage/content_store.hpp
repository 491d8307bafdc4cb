#pragma once
// Uploaded files stored by content: the name is the SHA-256 of the bytes, so the same file
// is kept once and no name a user chose ever reaches the disk.
#include <filesystem>
#include <string>
#include <string_view>

namespace server::storage {

// Writes `bytes` to `dir`/<sha256><suffix> unless it is there already, durably: a
// temporary file (mode 0600), fsync, rename, so a crash never leaves half a file under the
// final name and an acknowledged upload is on disk. Returns the SHA-256 (hex); throws when
// the disk refuses.
std::string store_by_content(const std::filesystem::path& dir, std::string_view bytes, std::string_view suffix = {});

}  // namespace server::storage
