#pragma once
// #/lec/inst/<code>[?year=&tab=removed] : an institution's register of children of an
// academic year. With children.edit on it: add, edit, remove with a reason, restore, reveal
// one ID (audited by the server), import, start the year from last year's register
// (rollover), a centre's basic data, and the confirmation with what an edit voided.
// Offices above see it read only (names and masked IDs). Always: the class list PDF and the
// counts by level.
#include <map>
#include <string>
#include <vector>

#include "shared/lec/lec_wire.hpp"
#include "wasm/api/client.hpp"
#include "wasm/api/form_errors.hpp"
#include "wasm/app/screen.hpp"
#include "wasm/screens/lec/centre_panel.hpp"
#include "wasm/screens/lec/child_form.hpp"
#include "wasm/screens/lec/import_panel.hpp"
#include "wasm/screens/lec/lec_common.hpp"

namespace lec_screens {

class RegisterScreen : public app::Screen {
 public:
  void open(app::Context& ctx, const app::Route& route) override;
  void draw(app::Context& ctx) override;
  void retry() override { stale_ = true; }

 private:
  void load(app::Context& ctx);
  void draw_header(app::Context& ctx);
  void draw_list(app::Context& ctx);
  void draw_row_actions(app::Context& ctx, const wire::ChildRow& c);
  void draw_remove(app::Context& ctx);
  void draw_rollover(app::Context& ctx);
  void roll_over(app::Context& ctx);
  void changed(app::Context& ctx, const std::vector<wire::OrgRef>& voided);
  bool shown(const wire::ChildRow& c) const;

  int year_ = 0;
  std::string code_, tab_ = "attending", query_, notice_;
  int level_filter_ = 0;  // 0: all, else levels()[i - 1]
  bool editable_ = false, loading_ = false, failed_ = false, stale_ = false;
  std::optional<wire::ProgressReply> node_;
  std::vector<wire::ChildRow> children_;
  std::map<std::int64_t, std::string> revealed_;
  std::vector<wire::OrgRef> voided_;

  // Removing one child: reason (required) and note.
  std::optional<wire::ChildRow> removing_;
  int reason_ = -1;
  std::string note_;

  // Starting the year from last year's register: asked first, then what it did.
  enum class Roll { idle, sending } roll_ = Roll::idle;
  std::string rolled_;
  std::vector<std::string> rolled_elsewhere_;

  ChildForm form_;
  ImportPanel import_;
  CentrePanel centre_;  // a child-development centre's basic data
  bool centre_started_ = false;
  ConfirmBar confirm_;
  api::FormErrors errors_;
  api::Pending pending_, action_pending_;
};

}  // namespace lec_screens
