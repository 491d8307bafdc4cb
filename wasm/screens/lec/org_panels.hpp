#pragma once
// Two parts of the progress view that only some nodes have:
//  - FundedPanel (an LGO): the schools of other affiliations it funds, chosen from the
//    directory (OBEC schools of its province), and their counts k1..p6 or "closed" (all 0).
//    Hook: "lecs.school.<code>" (row, value recorded/closed/missing), "lecs.edit.<code>",
//    "lecs.count.<level>", "lecs.closed", "lecs.save", "lecs.remove.<code>", "lecs.search",
//    "lecs.found.<code>".
//  - DeadlinesPanel (the department): the four deadlines, typed B.E., checked with shared's
//    parse_deadlines as typed. Hook: "lecd.<key>", "lecd.save", "lecd.saved".
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "shared/lec/lec_wire.hpp"
#include "wasm/api/client.hpp"
#include "wasm/api/form_errors.hpp"

namespace app {
struct Context;
}

namespace lec_screens {

class FundedPanel {
 public:
  void start(app::Context& ctx, int year, const std::string& lgo_code, const std::string& some_institution);
  // `changed`: counts or the list were saved (the progress view reloads).
  void draw(app::Context& ctx, bool editable, const std::function<void()>& changed);
  // A school's counts are being typed: the view shows only them (a phone's screen).
  bool editing() const { return !editing_.empty(); }

 private:
  void load(app::Context& ctx);
  void save_list(app::Context& ctx, std::vector<std::string> codes, const std::function<void()>& changed);
  void draw_editor(app::Context& ctx, const std::function<void()>& changed);
  void draw_search(app::Context& ctx, const std::function<void()>& changed);

  int year_ = 0;
  std::string lgo_, province_, editing_, query_, searched_;
  bool loading_ = false, failed_ = false, closed_ = false, saving_ = false;
  std::vector<domain::lec_wire::FundedSchool> schools_;
  std::map<std::string, std::string> counts_;  // level id -> typed count
  nlohmann::json found_ = nlohmann::json::array();
  std::vector<domain::lec_wire::OrgRef> voided_;
  api::FormErrors errors_;
  api::Pending pending_, save_pending_, search_pending_;
};

class DeadlinesPanel {
 public:
  void start(app::Context& ctx, int year);
  void draw(app::Context& ctx);

 private:
  void check();
  int year_ = 0;
  std::map<std::string, std::string> typed_;  // key -> B.E. date as typed
  bool loaded_ = false, saved_ = false, saving_ = false;
  api::FormErrors errors_;
  api::Pending pending_;
};

}  // namespace lec_screens
