#pragma once
// The class list for the notice board: an A4 PDF in Thai with the institution, academic
// year, level and room, each child's name and sex, and IDs only masked.
#include <optional>
#include <string>
#include <vector>

#include "shared/calendar/buddhist_date.hpp"
#include "shared/lec/child.hpp"
#include "shared/lec/level.hpp"

namespace server::lec {

struct ClassListChild {
  std::string id_masked;  // never the full ID: the list hangs in a corridor
  std::string title, first_name, last_name;
  domain::Sex sex = domain::Sex::m;
  domain::Level level = domain::Level::p1;
  std::string room;
};

struct ClassList {
  std::string institution_name_th;
  std::string institution_code;
  int year = 0;                        // B.E. academic year
  std::optional<domain::Level> level;  // none: every level
  std::string room;                    // empty: every room
  std::vector<ClassListChild> children;  // in the order to print
  domain::Date printed;
};

std::string render_class_list_pdf(const ClassList& list);

}  // namespace server::lec
