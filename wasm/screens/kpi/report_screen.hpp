#pragma once
// #/kpi/report/<kpi>/<period>/<unit>: the school's report form. Up to 10 evidence files,
// each uploaded with a progress bar and described; the self-assessment score within the
// KPI's type; the draft saved as the user goes (a short pause after the last change), with
// its state shown ("saved", "saving…", "not saved: try again"); Confirm (send for review)
// and Unconfirm until reviewed; the return reason, the review and the comment thread.
// What is valid and what is allowed in which state come from shared/kpi.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "shared/kpi/kpi_definition.hpp"
#include "wasm/api/client.hpp"
#include "wasm/api/form_errors.hpp"
#include "wasm/app/screen.hpp"
#include "wasm/screens/kpi/report_parts.hpp"
#include "wasm/widgets/widgets.hpp"

namespace kpi_screens {

class ReportScreen : public ReportView {
 public:
  void open(app::Context& ctx, const app::Route& route) override;
  void draw(app::Context& ctx) override;
  double wake_at() const override;

  // The pause after the last change before the draft is saved.
  static constexpr double kSavePause = 0.8;

 private:
  struct Evidence {
    int local = 0;  // tells an upload's reply which entry it belongs to
    std::string file_id, description, name, content_type;
    std::int64_t size = 0;
    bool uploading = false;
    float progress = 0;
  };
  enum class Save { clean, pending, saving, saved, invalid, failed };

  void took(const nlohmann::json& body) override;
  void draw_files(app::Context& ctx, bool editable);
  void draw_score(app::Context& ctx, bool editable);
  void draw_actions(app::Context& ctx);
  void add_file(app::Context& ctx);
  void edited(app::Context& ctx);
  void save(app::Context& ctx);
  void clear_draft_errors();
  bool uploading() const;
  std::string status() const;
  bool allows(int action) const;  // domain::ReportAction, from the report's state

  bool busy_ = false;
  std::vector<Evidence> files_;
  int next_local_ = 0;
  std::string score_;
  widgets::ChosenFile chosen_;
  Save save_ = Save::clean;
  std::string save_error_;
  double edited_at_ = 0;
  int edits_ = 0, edits_sent_ = 0;
  std::string notice_;
};

}  // namespace kpi_screens
