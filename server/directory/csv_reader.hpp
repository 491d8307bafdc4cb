#pragma once
// RFC 4180 CSV as spreadsheets export it: quoted fields may hold commas, doubled quotes
// and line breaks; CRLF or LF; a UTF-8 byte-order mark at the start is skipped.
#include <cstddef>
#include <istream>
#include <string>
#include <vector>

namespace server::directory {

class CsvReader {
 public:
  explicit CsvReader(std::istream& in) : in_(in) {}

  // Reads the next record; false at the end of the input. Blank lines are skipped.
  bool next(std::vector<std::string>& fields);
  std::size_t line() const { return record_line_; }  // where the last record started, from 1
  bool unterminated_quote() const { return unterminated_; }

 private:
  std::istream& in_;
  std::size_t current_line_ = 1;
  std::size_t record_line_ = 0;
  bool started_ = false;
  bool unterminated_ = false;
};

}  // namespace server::directory
