#pragma once
// An uploaded register judged by its bytes, not its name or declared type: an XLSX
// workbook (a ZIP holding xl/workbook.xml) or UTF-8 CSV text (BOM allowed).
#include <string_view>

#include "shared/core/field_error.hpp"
#include "shared/lec/child_import.hpp"

namespace server::lec {

// The table of the file's first sheet (the header its first row). Error codes (field
// "file"): file_type (neither XLSX nor UTF-8 text: the caller answers 415), file_unreadable
// (a damaged workbook, an unterminated CSV quote: 400).
domain::Checked<domain::ImportTable> read_import_file(std::string_view bytes);

}  // namespace server::lec
