#pragma once
// One T per database file in this process, shared by the file's connections while any holds
// it (the commit count's mapping, the writers' queue). `make` is called under the lock when
// there is none; a null it returns is not kept.
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>

namespace server::storage {

template <class T, class Make>
std::shared_ptr<T> one_per_file(const std::filesystem::path& canonical, Make make) {
  static std::mutex mutex;
  static std::map<std::filesystem::path, std::weak_ptr<T>> open;
  std::lock_guard lock(mutex);
  if (auto kept = open[canonical].lock()) return kept;
  std::shared_ptr<T> made = make();
  if (made) open[canonical] = made;
  return made;
}

}  // namespace server::storage
