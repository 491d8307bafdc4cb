// The native file dialog (platform::native, zenity): the arguments it is given, and what
// comes back from the process. The dialog itself, in a real X display, is in
// tests/native/walks.sh.
#include <catch2/catch.hpp>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "wasm/platform/native_file_dialog.hpp"

using platform::native::run_zenity;
using platform::native::zenity_arguments;

namespace {
std::string filter_of(const std::vector<std::string>& args) {
  for (const auto& a : args)
    if (a.rfind("--file-filter=", 0) == 0) return a.substr(14);
  return "";
}

// A stand-in zenity on PATH, for as long as it lives: `script` is its body.
struct FakeZenity {
  std::filesystem::path dir = std::filesystem::temp_directory_path() / "fake-zenity-test";
  std::string old_path = std::getenv("PATH") ? std::getenv("PATH") : "";
  explicit FakeZenity(const std::string& script) {
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "zenity") << "#!/bin/sh\n" << script << "\n";
    std::filesystem::permissions(dir / "zenity", std::filesystem::perms::owner_all);
    ::setenv("PATH", (dir.string() + ":" + old_path).c_str(), 1);
  }
  ~FakeZenity() {
    ::setenv("PATH", old_path.c_str(), 1);
    std::filesystem::remove_all(dir);
  }
};
}  // namespace

TEST_CASE("file dialog: the accept list becomes one filter, in any letter case", "[file_dialog]") {
  const auto args = zenity_arguments(".pdf, .JPG,.jpeg,.jpg", "เลือกไฟล์", "", 0);
  REQUIRE(args.size() >= 3);
  CHECK(args[0] == "zenity");
  CHECK(args[1] == "--file-selection");
  CHECK(args[2] == "--title=เลือกไฟล์");
  CHECK(filter_of(args) == "PDF JPG JPEG | *.[pP][dD][fF] *.[jJ][pP][gG] *.[jJ][pP][eE][gG]");
}

TEST_CASE("file dialog: MIME types are named by their extensions; unknown ones are left out", "[file_dialog]") {
  CHECK(filter_of(zenity_arguments("image/jpeg,application/pdf,.docx", "t", "", 0)) ==
        "JPG JPEG PDF DOCX | *.[jJ][pP][gG] *.[jJ][pP][eE][gG] *.[pP][dD][fF] *.[dD][oO][cC][xX]");
  CHECK(filter_of(zenity_arguments(".xlsx,.7z", "t", "", 0)) == "XLSX 7Z | *.[xX][lL][sS][xX] *.7[zZ]");
  // Nothing it understands, or something a glob would misread: no filter, every file shown.
  CHECK(filter_of(zenity_arguments("application/x-unknown", "t", "", 0)).empty());
  CHECK(filter_of(zenity_arguments(".p*f, .a|b", "t", "", 0)).empty());
  CHECK(filter_of(zenity_arguments("", "t", "", 0)).empty());
}

TEST_CASE("file dialog: title, start folder and parent window", "[file_dialog]") {
  const auto args = zenity_arguments(".pdf", "", "/home/kru/Downloads", 0x2a00007);
  auto has = [&args](const std::string& a) { return std::find(args.begin(), args.end(), a) != args.end(); };
  CHECK(has("--title=เลือกไฟล์ / Choose a file"));  // no language given: both
  CHECK(has("--filename=/home/kru/Downloads/"));      // a folder: GTK opens it
  CHECK(has("--attach=44040199"));
  CHECK(has("--modal"));
  const auto plain = zenity_arguments(".pdf", "Choose a file", "", 0);
  CHECK(std::none_of(plain.begin(), plain.end(), [](const std::string& a) {
    return a.rfind("--filename", 0) == 0 || a.rfind("--attach", 0) == 0 || a == "--modal";
  }));
}

TEST_CASE("file dialog: the chosen path comes back; a cancel or a failure gives nothing", "[file_dialog]") {
  {
    FakeZenity z("printf '/tmp/ใบสมัคร ลงนาม.pdf\\n'");
    CHECK(run_zenity({"zenity", "--file-selection"}) == "/tmp/ใบสมัคร ลงนาม.pdf");
  }
  {
    FakeZenity z("exit 1");  // Cancel, Escape, the window closed
    CHECK_FALSE(run_zenity({"zenity", "--file-selection"}));
  }
  {
    FakeZenity z("echo /tmp/half; exit 5");  // --timeout, or killed
    CHECK_FALSE(run_zenity({"zenity", "--file-selection"}));
  }
  {
    // Its arguments arrive one by one, spaces and Thai intact.
    FakeZenity z("for a in \"$@\"; do echo \"[$a]\"; done | tr -d '\\n'");
    CHECK(run_zenity({"zenity", "--title=เลือก ไฟล์", "--file-filter=PDF | *.[pP][dD][fF]"}) ==
          "[--title=เลือก ไฟล์][--file-filter=PDF | *.[pP][dD][fF]]");
  }
}
