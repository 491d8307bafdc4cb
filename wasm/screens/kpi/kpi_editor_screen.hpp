#pragma once
// #/kpi/edit/new?year=<B.E.> and #/kpi/edit/<id> (kpi.manage): a KPI's definition (number,
// name, description, type, criteria levels, owner group, cadence, the periods open, status
// Open/Closed) checked as typed with the shared rules (shared/kpi/kpi_definition.hpp) and
// the server's refusals shown under their field; once saved, the documents attached to it
// (uploaded with a progress bar) and a way to each period's reporting units.
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "wasm/api/client.hpp"
#include "wasm/api/form_errors.hpp"
#include "wasm/app/screen.hpp"
#include "wasm/widgets/widgets.hpp"

namespace kpi_screens {

class KpiEditorScreen : public app::Screen {
 public:
  void open(app::Context& ctx, const app::Route& route) override;
  void draw(app::Context& ctx) override;

 private:
  struct Form {
    std::string number, name, description, criteria, owner_group;
    int type = 0;      // kKpiTypes
    int cadence = -1;  // kCadences; -1: not chosen yet
    std::vector<std::string> open_periods;
    bool closed = false;
  };

  void fill(const nlohmann::json& kpi);
  nlohmann::json body() const;
  // The shared rules' word on one field of the form (its wire name), as typed.
  std::optional<domain::FieldError> problem_of(std::string_view field) const;
  void edited(std::string_view field);  // touched: checked from now on
  void save(app::Context& ctx);  // asks first when it closes periods holding reports
  void send(app::Context& ctx);
  void draw_form(app::Context& ctx);
  void draw_periods(app::Context& ctx);
  void draw_documents(app::Context& ctx);
  void detach(app::Context& ctx, std::int64_t doc_id);  // DELETE a document, once confirmed
  void attach(app::Context& ctx);

  std::int64_t id_ = 0;  // 0: a new KPI
  int year_ = 0;
  Form form_;
  std::set<std::string, std::less<>> touched_;
  api::FormErrors errors_;
  bool loading_ = false, saving_ = false, saved_ = false, fix_first_ = false;
  int saved_cadence_ = -1;  // the cadence on the server: its periods have units
  nlohmann::json periods_ = nlohmann::json::array(), documents_ = nlohmann::json::array();
  api::Pending pending_;

  // Attaching a document.
  int doc_kind_ = 0;
  std::string doc_label_, doc_notice_;
  widgets::ChosenFile doc_file_;
  float doc_progress_ = 0;
  bool uploading_ = false;
  api::FormErrors doc_errors_;
  api::Pending doc_pending_;
};

}  // namespace kpi_screens
