#pragma once
// Imports the institution directory from CSV (exported from DMC / LEC):
//   code,name_th,affiliation,province,district,parent_code
// Good rows are inserted or updated by code in one transaction; bad rows are reported
// with their line number and reason and change nothing.
#include <filesystem>
#include <istream>
#include <stdexcept>
#include <string>
#include <vector>

#include "server/storage/storage.hpp"
#include "shared/core/field_error.hpp"

namespace server::directory {

// The file as a whole is unusable (unreadable, wrong header): nothing was imported.
class ImportError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct RejectedRow {
  std::size_t line;
  std::string reason;  // "code: Institution code must have 10 digits (got 5)"
};

struct ImportReport {
  std::size_t rows = 0;  // data rows read
  storage::UpsertCounts counts;
  std::vector<RejectedRow> rejected;
};

extern const char* const institutions_csv_header;

// One CSV row -> an institution, or the first thing wrong with it (field = CSV column).
domain::Checked<domain::Institution> check_institution_row(const std::vector<std::string>& fields);

ImportReport import_institutions(std::istream& csv, storage::InstitutionStore& store);
ImportReport import_institutions_file(const std::filesystem::path& file, storage::InstitutionStore& store);

// "institutions.csv: 2922 rows, 2920 new, 0 updated, 0 unchanged, 2 rejected"
std::string summary(const ImportReport& report, const std::string& source);

}  // namespace server::directory
