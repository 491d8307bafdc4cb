// The client's saved choices natively (the language, the text size): settings.json in
// SCHOOL_CLIENT_SETTINGS_DIR, else SDL's preference folder.
#include <SDL.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "wasm/platform/native_settings.hpp"
#include "wasm/platform/platform.hpp"

namespace platform {

namespace native {
std::filesystem::path settings_file() {
  if (const char* dir = std::getenv("SCHOOL_CLIENT_SETTINGS_DIR"); dir && *dir)
    return std::filesystem::path(dir) / "settings.json";
  char* pref = SDL_GetPrefPath("school", "school-client");
  if (!pref) return {};
  std::filesystem::path file = std::filesystem::path(pref) / "settings.json";
  SDL_free(pref);
  return file;
}

}  // namespace native

namespace {
nlohmann::json read_settings(const std::filesystem::path& file) {
  std::ifstream in(file);
  nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  return j.is_object() ? j : nlohmann::json::object();
}
}  // namespace

std::string load_setting(std::string_view key) {
  const auto file = native::settings_file();
  if (file.empty()) return {};
  const nlohmann::json j = read_settings(file);
  const auto it = j.find(std::string(key));
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Written beside and renamed over, so a crash never leaves half a file.
void save_setting(std::string_view key, std::string_view value) {
  const auto file = native::settings_file();
  if (file.empty()) return;
  nlohmann::json j = read_settings(file);
  j[std::string(key)] = std::string(value);
  std::error_code ec;
  std::filesystem::create_directories(file.parent_path(), ec);
  const auto temporary = std::filesystem::path(file).concat(".new");
  {
    std::ofstream out(temporary, std::ios::trunc);
    out << j.dump();
    if (!out) return;
  }
  std::filesystem::rename(temporary, file, ec);
}

}  // namespace platform
