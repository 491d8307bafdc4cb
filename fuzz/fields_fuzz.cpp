// The one-line values people type: national ID and G-Code, phone and e-mail, dates in
// Buddhist-era, ISO and Excel forms, institution codes, fiscal years and periods, a child's
// ID and sex, spreadsheet column names, numbers from spreadsheet cells.
#include "fuzz/fuzz_input.hpp"
#include "server/lec/xlsx_reader.hpp"
#include "shared/calendar/buddhist_date.hpp"
#include "shared/calendar/fiscal_year.hpp"
#include "shared/contact/phone.hpp"
#include "shared/directory/institution_code.hpp"
#include "shared/identity/national_id.hpp"
#include "shared/lec/child.hpp"
#include "shared/lec/child_import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view s(reinterpret_cast<const char*>(data), size);
  (void)domain::parse_national_id(s);
  (void)domain::mask_national_id(s);
  (void)domain::parse_g_code(s);
  if (s.size() >= 12) (void)domain::national_id_check_digit(s.substr(0, 12));
  (void)domain::parse_mobile_phone(s);
  (void)domain::parse_optional_email(s);
  if (auto d = domain::parse_be_date(s)) (void)domain::format_be_date(d.value());
  (void)domain::parse_iso_date(s);
  (void)domain::parse_import_date(s);
  (void)domain::parse_institution_code(s);
  (void)domain::parse_fiscal_year(s);
  (void)domain::parse_period(s);
  (void)domain::parse_cadence(s);
  (void)domain::parse_child_id(s);
  (void)domain::parse_sex(s);
  (void)domain::import_column(s);
  (void)domain::institution_type_from_name(s);
  (void)server::lec::number_text(s);
  return 0;
}
