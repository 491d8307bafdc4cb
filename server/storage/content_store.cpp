#include "server/storage/content_store.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <functional>
#include <system_error>
#include <vector>

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

std::string expected_name(const fs::path& file) {
  const std::string name = file.filename().string();
  return name.substr(0, name.find('.'));
}

// The plain bytes of `stored` if they belong under `name`: sealed with this key and named
// by their keyed hash (or, sealed in place at start, by their SHA-256), or stored before
// sealing, plain and named by their SHA-256.
std::optional<std::string> open_stored(const FileKeys& keys, std::string_view stored, const std::string& name) {
  if (!is_sealed(stored)) {
    if (auth::sha256_hex(stored) == name) return std::string(stored);
    return std::nullopt;
  }
  auto plain = keys.unseal(stored);
  if (plain && (keys.name_of(*plain) == name || auth::sha256_hex(*plain) == name)) return plain;
  return std::nullopt;
}

// `bytes` as `dir`/`name`: a temporary file of its own (mkstemp, mode 0600), fsync, read
// back and checked by `good`, rename, fsync of the directory.
void write_durably(const fs::path& dir, const std::string& name, std::string_view bytes,
                   const std::function<bool(std::string_view)>& good) {
  fs::create_directories(dir);
  const auto path = dir / name;
  std::string tmp = (dir / ("." + name.substr(0, name.find('.')) + ".tmp-XXXXXX")).string();
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
  if (!written || !good(*written)) {
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
}

}  // namespace

std::string store_by_content(const fs::path& dir, const FileKeys& keys, std::string_view bytes, std::string_view suffix) {
  const std::string name = keys.name_of(bytes);
  const auto path = dir / (name + std::string(suffix));
  if (auto existing = slurp(path); existing && open_stored(keys, *existing, name) == bytes) return name;
  write_durably(dir, path.filename().string(), keys.seal(bytes),
                [&](std::string_view written) { return open_stored(keys, written, name) == bytes; });
  return name;
}

std::optional<std::string> read_by_content(const fs::path& file, const FileKeys& keys) {
  auto bytes = slurp(file);
  if (!bytes) return std::nullopt;
  auto plain = open_stored(keys, *bytes, expected_name(file));
  if (!plain)
    throw CorruptFile("stored file " + file.string() + " is damaged (it does not open with the server key or its bytes "
                      "do not match its name, " + std::to_string(bytes->size()) + " bytes): not served; restore it from "
                      "a backup, or a new upload of the same file replaces it");
  return plain;
}

int seal_plain_files(const fs::path& dir, const FileKeys& keys) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return 0;
  std::vector<fs::path> files;  // listed first: sealing renames into the directory
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.is_regular_file(ec) && !entry.path().filename().string().starts_with(".")) files.push_back(entry.path());
  int sealed = 0;
  for (const auto& file : files) {
    auto bytes = slurp(file);
    // A damaged plain copy is left as it is: read_by_content refuses it, a new upload replaces it.
    if (!bytes || is_sealed(*bytes) || auth::sha256_hex(*bytes) != expected_name(file)) continue;
    const std::string plain = std::move(*bytes);
    write_durably(dir, file.filename().string(), keys.seal(plain),
                  [&](std::string_view written) { return keys.unseal(written) == plain; });
    ++sealed;
  }
  return sealed;
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

int count_stored_files(const fs::path& data_dir) {
  int n = 0;
  std::error_code ec;
  for (const char* sub : {"files", "letters"}) {
    if (!fs::is_directory(data_dir / sub, ec)) continue;
    for (const auto& entry : fs::directory_iterator(data_dir / sub, ec))
      n += entry.is_regular_file(ec) && entry.path().filename().string().find(".tmp") == std::string::npos;
  }
  return n;
}

}  // namespace server::storage
