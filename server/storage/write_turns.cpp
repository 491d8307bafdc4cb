#include "server/storage/write_turns.hpp"

#include <map>
#include <string>

namespace server::storage {

std::shared_ptr<WriteTurns> WriteTurns::of(const std::filesystem::path& file) {
  static std::mutex mutex;
  static std::map<std::string, std::weak_ptr<WriteTurns>> open;
  std::error_code ec;
  auto key = std::filesystem::weakly_canonical(file, ec).string();
  if (ec) key = file.string();
  std::lock_guard lock(mutex);
  if (auto kept = open[key].lock()) return kept;
  auto turns = std::make_shared<WriteTurns>();
  open[key] = turns;
  return turns;
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
