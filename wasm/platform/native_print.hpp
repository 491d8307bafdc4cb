#pragma once
// A kiosk's printing (issue 15): a document goes to CUPS through `lp`'s standard input, so it
// is never a file on the kiosk's disk.
#include <string>

#include "wasm/platform/platform.hpp"

namespace platform::native {

// Prints a PDF on the default destination (LPDEST/PRINTER); anything else is refused.
// Blocks until lp has taken the job: call it off the UI thread.
Printed print_pdf(const std::string& bytes, const std::string& title);

}  // namespace platform::native
