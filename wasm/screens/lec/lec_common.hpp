#pragma once
// Pieces every local education data screen shares: the academic year (route and picker),
// API paths, the counts table, named node lists (voided, blocked by), and ConfirmBar: a
// node's confirmation with confirm / withdraw and the 409's blocked_by.
#include <imgui.h>

#include <functional>
#include <string>
#include <vector>

#include "shared/lec/lec_wire.hpp"
#include "shared/ui/strings.hpp"
#include "wasm/api/client.hpp"
#include "wasm/api/form_errors.hpp"
#include "wasm/app/route.hpp"

namespace app {
struct Context;
}

namespace lec_screens {

namespace wire = domain::lec_wire;

// For the time a LEC screen draws: frames at least 44 px high (fingers on a phone).
class TouchSize {
 public:
  TouchSize();
  ~TouchSize();
  TouchSize(const TouchSize&) = delete;
  TouchSize& operator=(const TouchSize&) = delete;
};

// ImGui::SameLine() when a button labelled `next_label` still fits on the line; else the
// next widget goes below (a phone).
void beside(std::string_view next_label);

// A title wrapped at the edge (an institution's long name on a phone).
void heading_wrapped(std::string_view s, ImFont* font);
// Coloured text wrapped at the edge (a phone): nothing drawn past the right side.
void text_colored_wrapped(ImU32 color, std::string_view s);

// The academic year of today (from 16 May), and the route's ?year= (else today's).
int current_academic_year();
int route_academic_year(const app::Route& route);
// "ปีการศึกษา [2569 v]": next year first, then four back. True when the year changed.
bool academic_year_picker(app::Context& ctx, const char* id, int& year);

// "/api/v1/lec/2569" + rest.
std::string lec_path(int year, const std::string& rest);
// "#/lec/inst/<code>?year=" and "#/lec/org/<code>?year=".
std::string institution_route(const std::string& code, int year);
std::string org_route(const std::string& code, int year);

// The state's words, from shared/ (label_th / label_en).
std::string state_label(domain::NodeState s, ui::Language language);
// "12 วัน" from the reply's days_left, else from the deadline and today; "" without either.
std::string deadline_text(const std::optional<domain::Date>& deadline, const std::optional<std::int64_t>& days_left,
                          ui::Language language);
std::string level_name(domain::Level level, ui::Language language);  // "ป.1" / "Primary 1"

// The levels with children (or all of `levels` when `all_levels`), total, lunch and milk.
// Hook: "<id>" (text, value "total=.. lunch=.. milk=..") and "<id>.<level>" per level shown.
void draw_counts(app::Context& ctx, const std::string& id, const wire::Counts& counts);
// A titled, coloured list of nodes; hook "<id>" (kind "list", value the codes, comma separated).
void draw_org_refs(app::Context& ctx, const std::string& id, std::string_view title,
                   const std::vector<wire::OrgRef>& refs, bool warning);

// A node's confirmation: "Confirmed by … at …" or "Not confirmed", and Confirm (asks
// first) or Withdraw. A 409 confirmation_blocked lists who blocks. `changed` runs after a
// confirmation or a withdrawal (reload). Hook IDs: <id>.state, <id>.confirm,
// <id>.confirm.yes, <id>.withdraw, <id>.blocked, <id>.voided, <id>.error.
class ConfirmBar {
 public:
  void reset();
  void draw(app::Context& ctx, const std::string& id, int year, const wire::ProgressNode& node, bool may_confirm,
            std::function<void()> changed);

 private:
  bool sending_ = false;
  std::vector<wire::OrgRef> blocked_, voided_;
  api::FormErrors errors_;
  api::Pending pending_;
};

}  // namespace lec_screens
