#pragma once
// Where the native client keeps its settings (platform_native's kiosk reset removes it).
#include <filesystem>

namespace platform::native {

std::filesystem::path settings_file();  // empty when SDL has no preference folder

}  // namespace platform::native
