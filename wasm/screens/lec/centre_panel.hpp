#pragma once
// A child-development centre's basic data (staff, rooms, ages taken, capacity) on its
// register screen: typed and checked with shared's parse_centre_profile, saved with
// PUT .../centre, and what the save voided shown. Read only for offices above.
// Hook: "lecc.open", "lecc.<field>", "lecc.save", "lecc.saved", "lecc.per_carer".
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "shared/lec/lec_wire.hpp"
#include "wasm/api/client.hpp"
#include "wasm/api/form_errors.hpp"

namespace app {
struct Context;
}

namespace lec_screens {

class CentrePanel {
 public:
  void start(app::Context& ctx, int year, const std::string& code);
  // `voided`: the confirmations a save voided (the register screen shows them and reloads).
  void draw(app::Context& ctx, bool editable, const std::function<void(const std::vector<domain::lec_wire::OrgRef>&)>& voided);

 private:
  nlohmann::json body() const;  // numbers as typed; a non-number stays text for the rule to name
  void check();
  int year_ = 0;
  std::string code_;
  std::map<std::string, std::string> typed_;
  std::optional<double> per_carer_;
  bool open_ = false, loaded_ = false, saved_ = false, saving_ = false;
  api::FormErrors errors_;
  api::Pending pending_;
};

}  // namespace lec_screens
