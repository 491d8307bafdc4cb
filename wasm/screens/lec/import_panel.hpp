#pragma once
// Importing a register from a CSV or XLSX file: pick the file, a dry run first (every row's
// problem listed by row and field), then the write, which the server refuses while any row
// is wrong. The upload shows its progress. Hook IDs: "leci.file", "leci.check",
// "leci.progress", "leci.errors" (value: the count), "leci.error.<i>" (value
// "<row>:<field>:<code>"), "leci.ok", "leci.write", "leci.done", "leci.close".
#include <functional>
#include <string>
#include <vector>

#include "shared/lec/lec_wire.hpp"
#include "wasm/api/client.hpp"
#include "wasm/api/form_errors.hpp"
#include "wasm/widgets/widgets.hpp"

namespace app {
struct Context;
}

namespace lec_screens {

class ImportPanel {
 public:
  using Written = std::function<void(const std::vector<domain::lec_wire::OrgRef>& voided)>;

  void start(int year, const std::string& institution_code);
  // False once closed.
  bool draw(app::Context& ctx, const Written& written);

 private:
  void send(app::Context& ctx, bool dry_run, const Written& written);

  int year_ = 0;
  std::string code_;
  widgets::ChosenFile file_;
  enum class Step { choose, sending, checked, written } step_ = Step::choose;
  bool dry_run_ = true, open_ = false;
  float progress_ = 0;
  domain::lec_wire::ImportResult result_;
  api::FormErrors errors_;
  api::Pending pending_;
};

}  // namespace lec_screens
