#pragma once
// #/lec/org/<code>[?year=] : the live view of an LGO, a provincial office or the department:
// each node directly below with done/total, state, deadline and days left, who blocks it,
// a way down (an institution opens its read-only register); the counts by level with lunch
// and milk; confirm when ready; remind by SMS everyone below who has not confirmed;
// counts.xlsx / counts.csv. An LGO also keeps its funded schools (FundedPanel), the
// department the deadlines (DeadlinesPanel), a provincial office its spot checks.
//
// #/lec[?year=] : where the home page's link leads: the signed-in user's own node, as the
// register (an institution) or this view. #/lec/<year>/progress/<code> and
// #/lec/<year>/children/<code> (notifications' links): that node, the same way.
#include <optional>
#include <string>

#include "shared/lec/lec_wire.hpp"
#include "wasm/api/client.hpp"
#include "wasm/api/form_errors.hpp"
#include "wasm/app/screen.hpp"
#include "wasm/screens/lec/org_panels.hpp"
#include "wasm/screens/lec/spot_check_panel.hpp"
#include "wasm/screens/lec/lec_common.hpp"

namespace lec_screens {

class ProgressScreen : public app::Screen {
 public:
  void open(app::Context& ctx, const app::Route& route) override;
  void draw(app::Context& ctx) override;
  void retry() override { stale_ = true; }

 private:
  void load(app::Context& ctx);
  void draw_below(app::Context& ctx);
  void draw_remind(app::Context& ctx);
  void draw_downloads(app::Context& ctx);

  int year_ = 0;
  std::string code_, notice_;
  bool loading_ = false, failed_ = false, stale_ = false;
  std::optional<wire::ProgressReply> progress_;
  bool remind_sending_ = false;
  ConfirmBar confirm_;
  FundedPanel funded_;
  DeadlinesPanel deadlines_;
  SpotCheckPanel spot_checks_;
  api::FormErrors errors_;
  api::Pending pending_, remind_pending_;
};

class LecHomeScreen : public app::Screen {
 public:
  void open(app::Context& ctx, const app::Route& route) override;
  void draw(app::Context& ctx) override;
  void retry() override { stale_ = true; }

 private:
  void load(app::Context& ctx);
  int year_ = 0;
  std::string code_;  // empty: the user's own node
  bool failed_ = false, stale_ = false;
  api::FormErrors errors_;
  api::Pending pending_;
};

}  // namespace lec_screens
