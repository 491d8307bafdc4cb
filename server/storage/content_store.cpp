#include "server/storage/content_store.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

#include "server/auth/crypto.hpp"

namespace server::storage {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const std::string& what, const fs::path& file) {
  throw std::system_error(errno, std::generic_category(), what + " " + file.string());
}

// The whole file, or nullopt when it does not exist.
std::optional<std::string> slurp(const fs::path& file) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return std::nullopt;
    fail("cannot read", file);
  }
  std::string out;
  char buf[65536];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int saved = errno;
      ::close(fd);
      errno = saved;
      fail("cannot read", file);
    }
    if (n == 0) break;
    out.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return out;
}

void write_all(int fd, std::string_view bytes, const fs::path& file) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail("cannot write", file);
    done += static_cast<std::size_t>(n);
  }
}

// After a rename the new name is durable only once its directory is synced.
void sync_directory(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) fail("cannot open the directory", dir);
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) fail("cannot sync the directory", dir);
}

std::string expected_sha(const fs::path& file) {
  const std::string name = file.filename().string();
  return name.substr(0, name.find('.'));
}

}  // namespace

std::string store_by_content(const fs::path& dir, std::string_view bytes, std::string_view suffix) {
  const std::string sha = auth::sha256_hex(bytes);
  const auto path = dir / (sha + std::string(suffix));
  if (auto existing = slurp(path); existing && auth::sha256_hex(*existing) == sha) return sha;
  fs::create_directories(dir);
  std::string tmp = (dir / ("." + sha + ".tmp-XXXXXX")).string();
  const int fd = ::mkstemp(tmp.data());  // unique per writer, mode 0600
  if (fd < 0) fail("cannot create", tmp);
  try {
    write_all(fd, bytes, tmp);
    if (::fsync(fd) != 0) fail("cannot sync", tmp);
    if (::close(fd) != 0) fail("cannot close", tmp);
  } catch (...) {
    ::close(fd);
    ::unlink(tmp.c_str());
    throw;
  }
  // What the disk holds, not what we meant to write, is what gets the name.
  auto written = slurp(tmp);
  if (!written || auth::sha256_hex(*written) != sha) {
    ::unlink(tmp.c_str());
    throw std::runtime_error("the file written to " + tmp + " reads back different from the upload");
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const int saved = errno;
    ::unlink(tmp.c_str());
    errno = saved;
    fail("cannot rename into", path);
  }
  sync_directory(dir);
  return sha;
}

std::optional<std::string> read_by_content(const fs::path& file) {
  auto bytes = slurp(file);
  if (!bytes) return std::nullopt;
  if (auth::sha256_hex(*bytes) != expected_sha(file))
    throw CorruptFile("stored file " + file.string() + " is damaged (its SHA-256 does not match its name, " +
                      std::to_string(bytes->size()) + " bytes): not served; restore it from a backup, or a new upload "
                      "of the same file replaces it");
  return bytes;
}

int remove_leftover_temporaries(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return 0;
  int removed = 0;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file(ec) && name.find(".tmp") != std::string::npos && fs::remove(entry.path(), ec)) ++removed;
  }
  return removed;
}

}  // namespace server::storage
