#pragma once
// GET /api/v1/lec/{year}/counts.xlsx|.csv?org=: one row per institution of the subtree (and
// per school of another affiliation that an LGO of the subtree funds), so a provincial
// officer can sort, filter and pivot in Excel; the LGO and province of each row are
// columns; the last row is the total. Thai headers, IDs never appear (counts only).
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/kpi/table_export.hpp"
#include "shared/accounts/organisation.hpp"
#include "shared/lec/level.hpp"

namespace server::lec {

struct CountsRow {
  std::string code, name_th;
  std::string type_th;        // "โรงเรียน", "ศูนย์พัฒนาเด็กเล็ก", "โรงเรียนต่างสังกัด (อุดหนุน)"
  std::string lgo_name_th;    // the local-government org above it (or funding it)
  std::string province_name_th;
  domain::LevelCounts counts;
};

// The rows of the subtree of `org`, in tree order. counts_of: the attending counts of an
// institution; funded_of: the funded schools of an LGO (code, name, counts).
struct FundedCounts {
  std::string code, name_th;
  domain::LevelCounts counts;
};
std::vector<CountsRow> subtree_rows(const domain::OrgTree& tree, std::string_view org,
                                    const std::function<domain::LevelCounts(const std::string&)>& counts_of,
                                    const std::function<std::vector<FundedCounts>(const std::string&)>& funded_of);

kpi::Table counts_table(const std::vector<CountsRow>& rows, int year);

}  // namespace server::lec
