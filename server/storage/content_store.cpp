#include "server/storage/content_store.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <stdexcept>

#include "server/auth/crypto.hpp"

namespace server::storage {

std::string store_by_content(const std::filesystem::path& dir, std::string_view bytes, std::string_view suffix) {
  const std::string sha = auth::sha256_hex(bytes);
  const auto path = dir / (sha + std::string(suffix));
  if (std::filesystem::exists(path)) return sha;
  std::filesystem::create_directories(dir);
  const auto tmp = path.string() + ".tmp" + std::to_string(::getpid());
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) throw std::runtime_error("cannot write " + tmp);
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) {
      ::close(fd);
      throw std::runtime_error("cannot write " + tmp);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) throw std::runtime_error("cannot sync " + tmp);
  std::filesystem::rename(tmp, path);
  return sha;
}

}  // namespace server::storage
