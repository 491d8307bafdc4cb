#include "wasm/platform/native_print.hpp"

#include "wasm/platform/native_process.hpp"

namespace platform::native {

Printed print_pdf(const std::string& bytes, const std::string& title) {
  Printed p;
  p.file_name = title;
  if (bytes.rfind("%PDF-", 0) != 0) {
    p.printable = false;
    return p;
  }
  const auto lp = run_process({"lp", "-t", title.empty() ? std::string("document") : title, "-"}, bytes, true);
  const std::string& said = lp.output;
  if (!lp.ok) {
    p.error = said.empty() ? std::string("lp failed") : said;
    return p;
  }
  // "request id is kiosk-7 (0 file(s))"
  const std::string marker = "request id is ";
  if (auto at = said.find(marker); at != std::string::npos) {
    const auto start = at + marker.size();
    p.job = said.substr(start, said.find(' ', start) - start);
  }
  if (p.job.empty()) p.job = "?";
  return p;
}

}  // namespace platform::native
