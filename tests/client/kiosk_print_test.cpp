// A kiosk's printing (platform::native::print_pdf): only a PDF goes to lp, and lp's own
// words come back when it cannot print. The printing itself, through a real CUPS with a
// PDF printer, is tests/native/kiosk_walk.sh.
#include <catch2/catch.hpp>
#include <cstdlib>

#include "wasm/platform/native_print.hpp"

TEST_CASE("kiosk printing: anything but a PDF is refused without asking lp", "[kiosk][print]") {
  for (const char* bytes : {"Name,Phone\n", "\x89PNG\r\n\x1A\n....", ""}) {
    const auto p = platform::native::print_pdf(bytes, "export.csv");
    CHECK_FALSE(p.printable);
    CHECK(p.job.empty());
    CHECK(p.file_name == "export.csv");
  }
}

TEST_CASE("kiosk printing: a printer that does not exist gives lp's error, no job", "[kiosk][print]") {
  ::setenv("LPDEST", "no-such-kiosk-printer", 1);
  const auto p = platform::native::print_pdf("%PDF-1.4\n%%EOF\n", "letter.pdf");
  ::unsetenv("LPDEST");
  CHECK(p.printable);
  CHECK(p.job.empty());
  CHECK_FALSE(p.error.empty());
  INFO(p.error);
}
