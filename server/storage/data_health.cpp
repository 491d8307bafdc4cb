#include "server/storage/data_health.hpp"

#include <fcntl.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace server::storage {

std::vector<HealthProblem> check_data_dir(const std::filesystem::path& data_dir, std::uint64_t min_free_bytes) {
  std::vector<HealthProblem> problems;
  // A real write: permissions, a read-only mount and a full disk all show here, where
  // access(2) would say yes to root.
  const auto probe = data_dir / ".health-probe";
  const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  int error = fd < 0 ? errno : 0;
  if (fd >= 0) {
    if (::write(fd, "ok", 2) != 2 || ::fsync(fd) != 0) error = errno ? errno : EIO;
    ::close(fd);
    ::unlink(probe.c_str());
  }
  if (error)
    problems.push_back({"data_dir_not_writable", "cannot write to the data folder " + data_dir.string() + ": " +
                                                      std::strerror(error) +
                                                      " (check its permissions, the mount, the free space)"});
  struct statvfs fs {};
  if (::statvfs(data_dir.c_str(), &fs) == 0) {
    const std::uint64_t free_bytes = static_cast<std::uint64_t>(fs.f_bavail) * fs.f_frsize;
    if (free_bytes < min_free_bytes)
      problems.push_back({"disk_low_space", std::to_string(free_bytes / (1024 * 1024)) + " MB free in " +
                                                data_dir.string() + ", below the " +
                                                std::to_string(min_free_bytes / (1024 * 1024)) +
                                                " MB minimum (MIN_FREE_MB): free some space"});
  }
  return problems;
}

std::optional<std::string> database_not_writable(const std::filesystem::path& file) {
  for (const char* suffix : {"", "-wal", "-shm", "-commits"}) {
    const auto path = file.string() + suffix;
    const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
    if (fd >= 0) {
      ::close(fd);
      continue;
    }
    if (errno == ENOENT) continue;  // made when needed (the folder is checked apart)
    return "the database file " + path + " cannot be written (" + std::strerror(errno) +
           "): make it and its folder writable by the user the server runs as (chown/chmod), or remount the disk "
           "read-write, then start again";
  }
  return std::nullopt;
}

}  // namespace server::storage
