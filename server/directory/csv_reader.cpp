#include "server/directory/csv_reader.hpp"

namespace server::directory {

bool CsvReader::next(std::vector<std::string>& fields) {
  if (!started_) {
    started_ = true;
    if (in_.peek() == 0xEF) {  // BOM: EF BB BF
      char bom[3];
      in_.read(bom, 3);
      if (!(in_.gcount() == 3 && bom[1] == '\xBB' && bom[2] == '\xBF')) {
        in_.clear();
        in_.seekg(0);
      }
    }
  }
  for (;;) {
    fields.assign(1, std::string());
    record_line_ = current_line_;
    unterminated_ = false;
    bool quoted = false, any = false;
    int c;
    while ((c = in_.get()) != std::char_traits<char>::eof()) {
      any = true;
      if (quoted) {
        if (c == '"') {
          if (in_.peek() == '"') {
            in_.get();
            fields.back().push_back('"');
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') ++current_line_;
          fields.back().push_back(static_cast<char>(c));
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.emplace_back();
      } else if (c == '\n') {
        ++current_line_;
        break;
      } else if (c != '\r') {
        fields.back().push_back(static_cast<char>(c));
      }
    }
    if (!any) return false;
    unterminated_ = quoted;
    if (fields.size() == 1 && fields[0].empty() && !unterminated_) continue;  // blank line
    return true;
  }
}

}  // namespace server::directory
