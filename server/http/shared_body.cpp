#include "server/http/shared_body.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <atomic>

namespace server::http {

namespace {
// Each memory file holds a descriptor: a few hundred at most (the site's large files, the
// large kept replies), so that kept replies never take the descriptors connections need.
constexpr int max_files = 256;
std::atomic<int> files_open{0};

bool take_file() {
  if (files_open.fetch_add(1) < max_files) return true;
  files_open.fetch_sub(1);
  return false;
}
}  // namespace

std::shared_ptr<const HeldBytes> HeldBytes::of(std::string bytes) {
  std::shared_ptr<HeldBytes> held(new HeldBytes());
  if (bytes.size() >= file_from && take_file()) {
    // Any failure (no memfd, no memory to map) keeps the bytes in the heap instead.
    const int fd = ::memfd_create("school-reply", MFD_CLOEXEC);
    bool written = fd >= 0;
    for (std::size_t at = 0; written && at < bytes.size();) {
      const ssize_t n = ::write(fd, bytes.data() + at, bytes.size() - at);
      written = n > 0;
      at += written ? static_cast<std::size_t>(n) : 0;
    }
    void* map = written ? ::mmap(nullptr, bytes.size(), PROT_READ, MAP_SHARED, fd, 0) : MAP_FAILED;
    if (map != MAP_FAILED) {
      held->fd_ = fd;
      held->map_ = static_cast<const char*>(map);
      held->size_ = bytes.size();
      return held;
    }
    if (fd >= 0) ::close(fd);
    files_open.fetch_sub(1);
  }
  held->bytes_ = std::move(bytes);
  return held;
}

HeldBytes::~HeldBytes() {
  if (map_) ::munmap(const_cast<char*>(map_), size_);
  if (fd_ >= 0) {
    ::close(fd_);
    files_open.fetch_sub(1);
  }
}

}  // namespace server::http
