#include "wasm/platform/native_file_dialog.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <thread>

#include "shared/ui/strings_client.hpp"
#include "wasm/platform/native_process.hpp"
// Last: it brings Xlib's macros (None, Status, Bool...).
#include <SDL.h>
#include <SDL_syswm.h>

namespace platform::native {

namespace {

// File name extensions for the MIME types an `accept` may hold (GTK's patterns match names).
const std::vector<std::pair<std::string_view, std::vector<std::string_view>>> mime_extensions = {
    {"application/pdf", {"pdf"}},
    {"image/jpeg", {"jpg", "jpeg"}},
    {"image/png", {"png"}},
    {"image/*", {"jpg", "jpeg", "png", "gif", "webp"}},
    {"text/csv", {"csv"}},
    {"text/plain", {"txt"}},
};

// The extensions `accept` names, lower case, each once, in its order.
std::vector<std::string> accepted_extensions(std::string_view accept) {
  std::vector<std::string> out;
  auto add = [&out](std::string_view ext) {
    std::string e;
    for (char c : ext) {
      if (!std::isalnum(static_cast<unsigned char>(c))) return;  // nothing a glob could misread
      e += char(std::tolower(static_cast<unsigned char>(c)));
    }
    if (!e.empty() && std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
  };
  while (!accept.empty()) {
    const auto comma = accept.find(',');
    std::string_view item = accept.substr(0, comma);
    accept = comma == std::string_view::npos ? std::string_view() : accept.substr(comma + 1);
    while (!item.empty() && std::isspace(static_cast<unsigned char>(item.front()))) item.remove_prefix(1);
    while (!item.empty() && std::isspace(static_cast<unsigned char>(item.back()))) item.remove_suffix(1);
    std::string lower(item);
    for (char& c : lower) c = char(std::tolower(static_cast<unsigned char>(c)));
    if (!lower.empty() && lower[0] == '.') add(std::string_view(lower).substr(1));
    for (const auto& [mime, extensions] : mime_extensions)
      if (lower == mime)
        for (auto e : extensions) add(e);
  }
  return out;
}

// "*.[pP][dD][fF]": GTK 3's patterns are case-sensitive, and cameras write ".JPG".
std::string any_case_pattern(const std::string& extension) {
  std::string p = "*.";
  for (char c : extension) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalpha(u)) p += std::string("[") + c + char(std::toupper(u)) + "]";
    else p += c;
  }
  return p;
}

std::atomic<pid_t> running{0};  // the zenity up now, ended with the client
bool dialog_open = false;       // UI thread only

}  // namespace

unsigned long x11_window(SDL_Window* window) {
  SDL_SysWMinfo info;
  SDL_VERSION(&info.version);
  if (!window || !SDL_GetWindowWMInfo(window, &info) || info.subsystem != SDL_SYSWM_X11) return 0;
  return static_cast<unsigned long>(info.info.x11.window);
}

bool zenity_found() {
  static const bool found = [] {
    const char* path = std::getenv("PATH");
    std::string_view dirs = path ? path : "";
    while (!dirs.empty()) {
      const auto colon = dirs.find(':');
      const std::string dir(dirs.substr(0, colon));
      dirs = colon == std::string_view::npos ? std::string_view() : dirs.substr(colon + 1);
      const std::string file = (dir.empty() ? std::string(".") : dir) + "/zenity";
      struct stat st {};
      if (stat(file.c_str(), &st) == 0 && S_ISREG(st.st_mode) && access(file.c_str(), X_OK) == 0) return true;
    }
    return false;
  }();
  return found;
}

std::vector<std::string> zenity_arguments(std::string_view accept, std::string_view title,
                                          const std::string& folder, unsigned long parent) {
  std::vector<std::string> args = {"zenity", "--file-selection"};
  if (title.empty()) {  // both languages when the caller has none
    const auto& t = ui::text::file_choose;
    args.push_back("--title=" + std::string(t.th) + " / " + std::string(t.en));
  } else {
    args.push_back("--title=" + std::string(title));
  }
  if (!folder.empty()) args.push_back("--filename=" + folder + (folder.back() == '/' ? "" : "/"));
  if (parent) {
    args.push_back("--attach=" + std::to_string(parent));
    args.push_back("--modal");
  }
  // "--file-filter=PDF JPG | *.[pP][dD][fF] *.[jJ][pP][gG]": no filter when nothing is named.
  if (const auto extensions = accepted_extensions(accept); !extensions.empty()) {
    std::string name, patterns;
    for (const auto& e : extensions) {
      std::string upper = e;
      for (char& c : upper) c = char(std::toupper(static_cast<unsigned char>(c)));
      if (!name.empty()) name += ' ', patterns += ' ';
      name += upper;
      patterns += any_case_pattern(e);
    }
    args.push_back("--file-filter=" + name + " | " + patterns);
  }
  return args;
}

std::optional<std::string> run_zenity(const std::vector<std::string>& arguments) {
  const auto zenity = run_process(arguments, {}, false, &running);
  if (!zenity.started) std::fprintf(stderr, "file dialog: %s\n", zenity.output.c_str());
  if (!zenity.ok || zenity.output.empty()) return std::nullopt;
  return zenity.output;
}

void choose_file(std::vector<std::string> arguments, ToUi to_ui, std::function<void(PickedFile)> done) {
  if (dialog_open) return;  // a second click while the chooser is up
  dialog_open = true;
  static const bool ends_with_client = [] {  // a dialog left up would outlive the client
    return std::atexit([] {
             if (const pid_t pid = running; pid > 0) kill(pid, SIGTERM);
           }) == 0;
  }();
  (void)ends_with_client;
  std::thread([arguments = std::move(arguments), to_ui = std::move(to_ui), done = std::move(done)] {
    auto picked = std::make_shared<std::optional<PickedFile>>();
    if (const auto path = run_zenity(arguments)) {
      if (auto bytes = platform::read_file(*path))
        picked->emplace(PickedFile{std::filesystem::path(*path).filename().string(), std::move(*bytes)});
      else
        std::fprintf(stderr, "file dialog: cannot read %s\n", path->c_str());
    }
    to_ui([picked, done] {
      dialog_open = false;
      if (*picked) done(std::move(**picked));
    });
  }).detach();
}

}  // namespace platform::native
