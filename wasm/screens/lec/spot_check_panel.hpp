#pragma once
// Spot checks of a provincial office (or the department) while the round is open: draw a
// random sample of institutions and children (server side), then mark each child found or
// not found with a note. Hook: "lect.draw", "lect.check.<id>" (text, value checked/total),
// "lect.item.<item>" (row, value found/not_found/open), "lect.item.<item>.found",
// "lect.item.<item>.not_found", "lect.item.<item>.note".
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "wasm/api/client.hpp"
#include "wasm/api/form_errors.hpp"

namespace app {
struct Context;
}

namespace lec_screens {

class SpotCheckPanel {
 public:
  void start(app::Context& ctx, int year, const std::string& org);
  void draw(app::Context& ctx);

 private:
  void load(app::Context& ctx);
  void mark(app::Context& ctx, std::int64_t check, std::int64_t item, bool found);

  int year_ = 0;
  std::string org_;
  bool loading_ = false, drawing_ = false;
  nlohmann::json checks_ = nlohmann::json::array();
  std::map<std::int64_t, std::string> notes_;  // item -> typed note
  api::FormErrors errors_;
  api::Pending pending_, write_pending_;
};

}  // namespace lec_screens
