#pragma once
// Pieces the KPI report screens share: routes, labels of states and scores, the evidence
// file list with downloads, the report's comment thread with its box, and ReportView, what
// both screens are.
#include <nlohmann/json.hpp>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "shared/kpi/kpi_definition.hpp"
#include "shared/ui/strings.hpp"
#include "wasm/api/client.hpp"
#include "wasm/api/form_errors.hpp"
#include "wasm/app/screen.hpp"
#include "wasm/widgets/image.hpp"

namespace app {
struct Context;
}

namespace kpi_screens {

// Where a report is: the KPI, the period ("h1") and the unit's code.
struct ReportKey {
  std::int64_t kpi_id = 0;
  std::string period, unit;

  bool valid() const { return kpi_id > 0 && !period.empty() && !unit.empty(); }
  std::string api_path() const;  // /api/v1/kpi/{id}/periods/{period}/reports/{unit}
};
// From the route params <kpi>/<period>/<unit>.
ReportKey report_key(const std::vector<std::string>& params);
// "#/kpi/report/<kpi>/<period>/<unit>" (kind "report") or "#/kpi/review/..." (kind "review").
std::string report_route(const std::string& kind, const ReportKey& key);

// The period's name from the KPI's reply ("รอบ 6 เดือน"), never its code.
std::string period_name(const nlohmann::json& kpi, const std::string& period, ui::Language language);
// "โรงเรียนบ้านโนน (1040010002)" from the report's reply, the code alone until it is loaded.
std::string unit_name(const nlohmann::json& report, const ReportKey& key);
// "3", "4.5", or "–" when the JSON is not a number.
std::string score_text(const nlohmann::json& v);
// The report state's label ("รอตรวจ"), from shared's lifecycle.
std::string status_label(const std::string& status_id, ui::Language language);
// "(1 ถึง 5)" for the KPI's type.
std::string range_text(domain::KpiType type, ui::Language language);
// The KPI type of GET /api/v1/kpi/{id}'s reply (score 1-5 when unknown).
domain::KpiType kpi_type_of(const nlohmann::json& kpi);

// The images of a report's evidence, by file id, fetched once while the report is shown.
using EvidenceImages = std::map<std::string, std::unique_ptr<widgets::RemoteImage>>;

// The evidence files of a report: description, name and size, a download button each
// (IDs "<id>.<i>.download"); with `images`, JPEG and PNG files are shown ("<id>.<i>.image",
// widgets::RemoteImage: loading, error, enlarge).
void draw_evidence_list(app::Context& ctx, const char* id, const nlohmann::json& files, std::string& notice,
                        EvidenceImages* images = nullptr);

// The report's thread (returns, reviews, comments) and a box to add one ("<id>.body",
// "<id>.send"). After a comment is added, `added` runs (reload the report).
class CommentThread {
 public:
  void draw(app::Context& ctx, const char* id, const nlohmann::json& comments, const ReportKey& key,
            std::function<void()> added);
  void reset() {
    body_.clear();
    errors_.clear();
    pending_.reset();
  }

 private:
  std::string body_;
  bool sending_ = false;
  api::FormErrors errors_;
  api::Pending pending_;
};

// A screen of one report (the school's form, the reviewer's page): the KPI (for its type)
// and the report of the route, loaded together, and again once the server is back.
class ReportView : public app::Screen {
 public:
  void retry() override { stale_ = true; }

 protected:
  // A new route: the key from its params, nothing of the last report kept.
  void forget(const app::Route& route);
  // GET the KPI and the report of key_; took() gets the report when it comes.
  void load(app::Context& ctx);
  virtual void took(const nlohmann::json& report) { report_ = report; }

  ReportKey key_;
  nlohmann::json kpi_, report_;
  domain::KpiType type_ = domain::KpiType::score_1_5;
  bool loading_ = false, failed_ = false, stale_ = false;
  api::FormErrors errors_;
  api::Pending pending_;
  CommentThread thread_;
};

}  // namespace kpi_screens
