#pragma once
// #/audit (users.manage): the audit log of the admin's subtree, newest first: when, who,
// action and target, from where. Filters by person, action and days (checked by the same
// shared rules as the server), "load more" pages back, and the CSV export downloads the
// same selection. (The server decides what is in the subtree and records this reading.)
#include <string>

#include <nlohmann/json.hpp>

#include "wasm/api/client.hpp"
#include "wasm/api/form_errors.hpp"
#include "wasm/app/screen.hpp"

namespace audit_screens {

class AuditScreen : public app::Screen {
 public:
  void open(app::Context& ctx, const app::Route& route) override;
  void draw(app::Context& ctx) override;

 private:
  std::string filters() const;  // the query string of the filters, checked first
  bool check();
  void load(app::Context& ctx, bool more);
  void draw_page(app::Context& ctx);
  void draw_entries(app::Context& ctx);

  std::string person_, action_, from_, to_;
  nlohmann::json entries_ = nlohmann::json::array();
  std::int64_t next_before_ = 0;  // 0: no older page
  bool loading_ = false, loaded_ = false;
  std::string notice_;
  api::FormErrors errors_;
  api::Pending pending_;
};

}  // namespace audit_screens
