// A CSV file as the directory import and the LEC register import read it: records from
// CsvReader, then the register's header and rows through check_import.
#include <sstream>

#include "server/directory/csv_reader.hpp"
#include "shared/lec/child_import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  server::directory::CsvReader reader(in);
  domain::ImportTable table;
  std::vector<std::string> fields;
  bool first = true;
  while (reader.next(fields)) {
    if (first) table.header = fields;
    else table.rows.push_back(fields);
    first = false;
  }
  const auto result = domain::check_import(table, 2568, domain::Date{2025, 6, 1}, domain::InstitutionType::school);
  for (const auto& e : result.errors) (void)domain::import_error_json(e);
  return 0;
}
