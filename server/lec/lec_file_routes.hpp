#pragma once
// The LEC endpoints that read and write files and samples, on the same LecServices as
// lec_routes: the register import (CSV/XLSX), the counts exports (XLSX/CSV), the class list
// PDF, the new academic year (rollover) and spot checks by provincial offices.
#include <memory>

#include "server/http/router.hpp"
#include "server/lec/lec_routes.hpp"

namespace server::lec {

void add_lec_file_routes(http::Router& router, const Services& services);

// The largest upload the import takes (a 20,000-row workbook is ~1.5 MB).
constexpr std::uint64_t kMaxImportBytes = 20u * 1024 * 1024;

}  // namespace server::lec
