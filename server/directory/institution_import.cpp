#include "server/directory/institution_import.hpp"

#include <fstream>
#include <unordered_map>

#include "server/directory/csv_reader.hpp"
#include "shared/core/text.hpp"
#include "shared/directory/institution_code.hpp"

namespace server::directory {

const char* const institutions_csv_header = "code,name_th,affiliation,province,district,parent_code";

namespace {

constexpr domain::TextRule name_rule{"name_th", "ชื่อสถานศึกษา", "Institution name", 200};
constexpr domain::TextRule province_rule{"province", "จังหวัด", "Province", 100};
constexpr domain::TextRule district_rule{"district", "อำเภอ", "District", 100};

std::string describe(const domain::FieldError& e) {
  return (e.field.empty() ? "" : e.field + ": ") + e.message_en;
}

}  // namespace

domain::Checked<domain::Institution> check_institution_row(const std::vector<std::string>& f) {
  if (f.size() != 6)
    return domain::FieldError{"csv_field_count", "", "ต้องมี 6 ช่อง (มี " + std::to_string(f.size()) + ")",
                              "Expected 6 fields, got " + std::to_string(f.size())};
  domain::Institution in;
  auto code = domain::parse_institution_code(f[0]);
  if (!code) return domain::in_field(code.error(), "code");
  in.code = code.value();

  auto name = domain::check_text(f[1], name_rule);
  if (!name) return name.error();
  in.name_th = name.value();

  in.affiliation = domain::ascii_lower(domain::trim(f[2]));
  if (!domain::find_affiliation(in.affiliation))
    return domain::FieldError{"unknown_affiliation", "affiliation", "ไม่รู้จักสังกัด '" + in.affiliation + "'",
                              "Unknown affiliation '" + in.affiliation + "'"};

  auto province = domain::check_text(f[3], province_rule);
  if (!province) return province.error();
  in.province = province.value();
  auto district = domain::check_text(f[4], district_rule);
  if (!district) return district.error();
  in.district = district.value();

  if (!domain::trim(f[5]).empty()) {
    auto parent = domain::parse_institution_code(f[5]);
    if (!parent) return domain::in_field(parent.error(), "parent_code");
    in.parent_code = parent.value();
  }
  return in;
}

ImportReport import_institutions(std::istream& csv, storage::InstitutionStore& store) {
  CsvReader reader(csv);
  std::vector<std::string> fields;
  if (!reader.next(fields)) throw ImportError("the file is empty");
  std::string header;
  for (const auto& f : fields) header += (header.empty() ? "" : ",") + domain::trim(f);
  if (header != institutions_csv_header)
    throw ImportError("line " + std::to_string(reader.line()) + ": the header must be '" +
                      institutions_csv_header + "'");

  ImportReport report;
  std::vector<domain::Institution> good;
  std::unordered_map<std::string, std::size_t> first_line;  // code -> line
  while (reader.next(fields)) {
    ++report.rows;
    const std::size_t line = reader.line();
    if (reader.unterminated_quote()) {
      report.rejected.push_back({line, "a quoted field is not closed"});
      break;  // the rest of the file was swallowed by the open quote
    }
    auto row = check_institution_row(fields);
    if (!row) {
      report.rejected.push_back({line, describe(row.error())});
      continue;
    }
    auto [it, fresh] = first_line.emplace(row.value().code, line);
    if (!fresh) {
      report.rejected.push_back(
          {line, "code: " + row.value().code + " appears already on line " + std::to_string(it->second)});
      continue;
    }
    good.push_back(std::move(row.value()));
  }
  report.counts = store.upsert(good);
  return report;
}

ImportReport import_institutions_file(const std::filesystem::path& file, storage::InstitutionStore& store) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ImportError("cannot read " + file.string());
  return import_institutions(in, store);
}

std::string summary(const ImportReport& r, const std::string& source) {
  return source + ": " + std::to_string(r.rows) + " rows, " + std::to_string(r.counts.inserted) + " new, " +
         std::to_string(r.counts.updated) + " updated, " + std::to_string(r.counts.unchanged) + " unchanged, " +
         std::to_string(r.rejected.size()) + " rejected";
}

}  // namespace server::directory
