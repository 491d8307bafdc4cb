#pragma once
// #/kpi/review/<kpi>/<period>/<unit>: a reviewer reads a report (self score, evidence files:
// images shown in the client, the rest downloaded) and scores it with a comment, or
// returns it with a mandatory reason; a review or a return can be cancelled. The actions
// offered follow the report's state through shared's lifecycle.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "shared/kpi/kpi_definition.hpp"
#include "wasm/api/client.hpp"
#include "wasm/api/form_errors.hpp"
#include "wasm/app/screen.hpp"
#include "wasm/screens/kpi/report_parts.hpp"

namespace kpi_screens {

class ReviewScreen : public ReportView {
 public:
  void open(app::Context& ctx, const app::Route& route) override;
  void draw(app::Context& ctx) override;

 private:
  void act(app::Context& ctx, const std::string& method, const std::string& action, std::optional<nlohmann::json> body);
  bool allows(int action) const;

  bool busy_ = false, done_ = false;
  std::string score_, comment_, reason_, notice_;
  EvidenceImages images_;
};

}  // namespace kpi_screens
