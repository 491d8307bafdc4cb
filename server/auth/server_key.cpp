#include "server/auth/server_key.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <ctime>
#include <system_error>

namespace server::auth {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const std::string& what, const fs::path& file) {
  throw std::system_error(errno, std::generic_category(), what + " " + file.string());
}

// Bytes read from `file` (at most one more than a key, to tell "too long" from "exact").
std::string read_key_bytes(const fs::path& file, bool& exists) {
  exists = false;
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return {};
    fail("cannot read the server key", file);
  }
  exists = true;
  std::string out(sizeof(SecretKey) + 1, '\0');
  std::size_t got = 0;
  while (got < out.size()) {
    const ssize_t n = ::read(fd, out.data() + got, out.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
  }
  ::close(fd);
  out.resize(got);
  return out;
}

}  // namespace

std::int64_t count_sealed_values(storage::Database& db) {
  struct Column {
    const char* table;
    const char* column;
  };
  static constexpr Column sealed[] = {
      {"registrations", "national_id_sealed"}, {"otp_codes", "code_sealed"}, {"lec_children", "id_sealed"},
      // Uploaded files, sealed at rest (storage/file_seal.hpp).
      {"registrations", "letter_file"}, {"kpi_files", "content_name"}};
  std::int64_t n = 0;
  for (const auto& c : sealed) {
    if (!db.has_table(c.table)) continue;
    auto q = db.prepare(std::string("SELECT count(*) FROM \"") + c.table + "\" WHERE \"" + c.column +
                        "\" IS NOT NULL AND \"" + c.column + "\" <> ''");
    if (q.step()) n += q.integer(0);
  }
  return n;
}

SecretKey write_new_server_key(const fs::path& file, bool replace) {
  init_crypto();
  SecretKey key;
  randombytes_buf(key.data(), key.size());
  const fs::path dir = file.has_parent_path() ? file.parent_path() : fs::path(".");
  fs::create_directories(dir);
  std::string tmp = (dir / (file.filename().string() + ".new-XXXXXX")).string();
  const int fd = ::mkstemp(tmp.data());  // mode 0600: readable by the server's user only
  if (fd < 0) fail("cannot create", tmp);
  const bool written = ::write(fd, key.data(), key.size()) == static_cast<ssize_t>(key.size()) && ::fsync(fd) == 0;
  const int saved = errno;
  ::close(fd);
  // link() publishes only where no key is yet: a second server starting at the same moment
  // reads the first one's key instead of writing its own over it.
  bool published = false, lost_race = false;
  if (written) {
    if (replace) published = ::rename(tmp.c_str(), file.c_str()) == 0;
    else if (::link(tmp.c_str(), file.c_str()) == 0) published = true;
    else if (errno == EEXIST) published = lost_race = true;
  }
  if (!published) {
    const int why = written ? errno : saved;
    ::unlink(tmp.c_str());
    errno = why;
    fail("cannot write the server key", file);
  }
  if (!replace) ::unlink(tmp.c_str());
  if (lost_race) {
    bool exists = false;
    const std::string bytes = read_key_bytes(file, exists);
    if (bytes.size() < key.size()) fail("another process wrote a short server key", file);
    std::copy_n(bytes.begin(), key.size(), key.begin());
    return key;
  }
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd < 0 || ::fsync(dfd) != 0) {
    if (dfd >= 0) ::close(dfd);
    fail("cannot sync the directory of the server key", dir);
  }
  ::close(dfd);
  return key;
}

LoadedKey load_server_key(const fs::path& file, std::int64_t sealed_values, bool new_installation) {
  bool exists = false;
  const std::string bytes = read_key_bytes(file, exists);
  LoadedKey loaded;
  if (bytes.size() >= sizeof(SecretKey)) {
    std::copy_n(bytes.begin(), sizeof(SecretKey), loaded.key.begin());
    return loaded;
  }
  if (sealed_values > 0 && !new_installation)
    throw KeyLost("the server key " + file.string() + " is " +
                  (exists ? "only " + std::to_string(bytes.size()) + " bytes long (32 expected)" : std::string("missing")) +
                  ", but the database holds " + std::to_string(sealed_values) +
                  " value(s) sealed with it (national IDs, OTP codes). Restore server.key from the backup kept with "
                  "this database (or point SERVER_KEY_FILE / --key-file at it) and start again. A new key would make "
                  "them unreadable: only to begin a new, empty installation, start with --new-installation "
                  "(NEW_INSTALLATION=1).");
  loaded.key = write_new_server_key(file, new_installation || exists);
  loaded.created = true;
  return loaded;
}

void check_key_matches_database(storage::Database& db, const SecretKey& key, const fs::path& file,
                                bool new_installation) {
  static constexpr std::string_view label = "school-server: the key this database is sealed with";
  std::array<unsigned char, 32> mac{};
  crypto_generichash(mac.data(), mac.size(), reinterpret_cast<const unsigned char*>(label.data()), label.size(),
                     key.data(), key.size());
  const std::string verifier = to_hex(mac.data(), mac.size());
  storage::Transaction tx(db);
  auto q = db.prepare("SELECT verifier FROM server_key_check WHERE id = 1");
  if (q.step()) {
    if (equal_in_constant_time(q.text(0), verifier)) return;
    if (!new_installation)
      throw KeyMismatch("the server key " + file.string() +
                        " is not the key this database is sealed with: another server's key, or a new one made "
                        "where the right one was missing. Every server on one database must read the same key file: "
                        "copy it from the server that first started on this database (SERVER_KEY_FILE / --key-file) "
                        "and start again; only to begin a new, empty installation, start with --new-installation.");
  }
  db.prepare("INSERT INTO server_key_check (id, verifier, created_at) VALUES (1, ?, ?) "
             "ON CONFLICT (id) DO UPDATE SET verifier = excluded.verifier, created_at = excluded.created_at")
      .bind(1, verifier)
      .bind(2, static_cast<std::int64_t>(::time(nullptr)))
      .run();
  tx.commit();
}

}  // namespace server::auth
