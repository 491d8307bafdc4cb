#include "server/storage/commit_count.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/mman.h>
#include <unistd.h>

#include "server/storage/database.hpp"
#include "server/storage/per_file.hpp"

namespace server::storage {

namespace {
constexpr std::size_t map_size = 4096;
static_assert(std::atomic<std::uint64_t>::is_always_lock_free, "the count is shared between processes");
}  // namespace

std::shared_ptr<CommitCount> CommitCount::of(const std::filesystem::path& file) {
  const auto name = file.string();
  if (name.empty() || name.front() == ':' || name.rfind("file:", 0) == 0) return nullptr;
  std::error_code ec;
  auto key = std::filesystem::weakly_canonical(file, ec);
  if (ec) return nullptr;
  return one_per_file<CommitCount>(key, [&]() -> std::shared_ptr<CommitCount> {
    const auto path = key.string() + "-commits";
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) return nullptr;
    struct stat st {};
    // Every process grows it to the same size, zero-filled: the count starts at 0 once.
    if (::fstat(fd, &st) != 0 || (st.st_size < static_cast<off_t>(map_size) && ::ftruncate(fd, map_size) != 0)) {
      ::close(fd);
      return nullptr;
    }
    void* map = ::mmap(nullptr, map_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    ::close(fd);
    if (map == MAP_FAILED) return nullptr;
    static std::uint64_t serials = 0;  // under one_per_file's lock
    return std::shared_ptr<CommitCount>(new CommitCount(map, ++serials));
  });
}

CommitCount::~CommitCount() { ::munmap(map_, map_size); }

std::int64_t KeptNumber::read(Database& db, std::optional<std::int64_t> parameter) {
  CommitCount* count = db.commits();
  const auto now = std::chrono::steady_clock::now();
  std::uint64_t at = 0;
  if (count) {
    at = count->now();  // before the read: a commit after it moves the count, and a later call reads
    std::lock_guard lock(mutex_);
    if (auto it = kept_.find(parameter); it != kept_.end() && it->second.of == count->serial() &&
                                         it->second.at == at && now - it->second.read_at < max_age)
      return it->second.value;
  }
  auto q = db.prepare(sql_);
  if (parameter) q.bind(1, *parameter);
  const std::int64_t value = q.step() ? q.integer(0) : 0;
  if (count) {
    std::lock_guard lock(mutex_);
    if (kept_.size() >= 1024) kept_.clear();
    kept_[parameter] = Kept{count->serial(), at, now, value};
  }
  return value;
}

}  // namespace server::storage
