#include "server/storage/write_turns.hpp"

#include "server/storage/per_file.hpp"

namespace server::storage {

std::shared_ptr<WriteTurns> WriteTurns::of(const std::filesystem::path& file) {
  std::error_code ec;
  auto key = std::filesystem::weakly_canonical(file, ec);
  return one_per_file<WriteTurns>(ec ? file : key, [] { return std::make_shared<WriteTurns>(); });
}

bool WriteTurns::take(std::chrono::milliseconds patience) {
  std::unique_lock lock(mutex_);
  const auto mine = next_++;
  if (turn_.wait_for(lock, patience, [&] { return serving_ == mine; })) return true;
  given_up_.insert(mine);
  return false;
}

void WriteTurns::give_back() {
  {
    std::lock_guard lock(mutex_);
    ++serving_;
    while (given_up_.erase(serving_)) ++serving_;
  }
  turn_.notify_all();
}

}  // namespace server::storage
