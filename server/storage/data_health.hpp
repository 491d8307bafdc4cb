#pragma once
// Whether the data folder can take writes: what /api/v1/health reports so a load balancer
// or an operator can act before users meet failing saves.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace server::storage {

struct HealthProblem {
  std::string code;        // data_dir_not_writable, disk_low_space
  std::string message_en;  // what is wrong and what to do
};

// Writes, syncs and removes a probe file in `data_dir`, and checks that at least
// `min_free_bytes` are free for the server's user. Empty = healthy.
std::vector<HealthProblem> check_data_dir(const std::filesystem::path& data_dir, std::uint64_t min_free_bytes);

// Why the database `file` (with its -wal and -shm files, when they exist) cannot be opened
// for writing, with what to do; nullopt when it can. Checked at start: SQLite would quietly
// open a write-protected file read-only and every sign-in would fail with 500.
std::optional<std::string> database_not_writable(const std::filesystem::path& file);

}  // namespace server::storage
