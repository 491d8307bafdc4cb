// An uploaded workbook: the XLSX reader (ZIP, XML), then the register import over its rows.
#include "server/lec/xlsx_reader.hpp"
#include "shared/lec/child_import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)server::lec::looks_like_xlsx(bytes);
  std::vector<std::vector<std::string>> rows;
  try {
    rows = server::lec::read_xlsx_first_sheet(bytes);
  } catch (const server::lec::XlsxError&) {
    return 0;
  }
  if (rows.empty()) return 0;
  domain::ImportTable table{rows.front(), {rows.begin() + 1, rows.end()}};
  (void)domain::check_import(table, 2568, domain::Date{2025, 6, 1}, domain::InstitutionType::child_development_centre);
  return 0;
}
