#include "wasm/screens/accounts/users_screen.hpp"

#include "shared/accounts/permission.hpp"
#include "shared/core/text.hpp"
#include "shared/ui/strings_account_screens.hpp"
#include "shared/ui/confirmations.hpp"
#include "shared/ui/strings_client.hpp"
#include "wasm/app/context.hpp"
#include "wasm/app/style.hpp"
#include "wasm/widgets/test_hook.hpp"
#include "wasm/widgets/flow.hpp"
#include "wasm/widgets/widgets.hpp"

namespace accounts {

using namespace ui::text;

namespace {

const char* const status_ids[] = {"", "active", "disabled", "pending"};

const ui::Text& status_text(const std::string& s) {
  if (s == "active") return status_active;
  if (s == "disabled") return status_disabled;
  return status_pending;
}

// The QR's dark modules as squares (with a quiet zone), `side` pixels across.
void draw_qr(const std::vector<std::string>& rows, float side) {
  const float n = float(rows.size()) + 8, cell = side / n;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(at, ImVec2(at.x + side, at.y + side), IM_COL32_WHITE);
  for (size_t y = 0; y < rows.size(); ++y)
    for (size_t x = 0; x < rows[y].size(); ++x)
      if (rows[y][x] == '1') {
        const ImVec2 a(at.x + (float(x) + 4) * cell, at.y + (float(y) + 4) * cell);
        draw->AddRectFilled(a, ImVec2(a.x + cell, a.y + cell), IM_COL32_BLACK);
      }
  ImGui::Dummy(ImVec2(side, side));
}

const nlohmann::json& grants_of(const nlohmann::json& user) {
  static const nlohmann::json none = nlohmann::json::array();
  auto g = user.find("grants");
  return g != user.end() && g->is_array() ? *g : none;
}

std::string permission_name(const nlohmann::json& g, ui::Language language) {
  const std::string id = api::text_of(g, "permission");
  for (const auto& p : domain::permissions())
    if (p.id == id) return std::string(p.name(language == ui::Language::th));
  return id;
}

// "ส่งรายงานตัวชี้วัด 1040010001": the permission's name in the language shown, then the node.
std::string grant_text(const nlohmann::json& g, ui::Language language) {
  return permission_name(g, language) + " " + api::text_of(g, "org_code");
}

}  // namespace

void UsersScreen::open(app::Context& ctx, const app::Route& route) {
  pending_.reset();
  grants_pending_.reset();
  editing_ = 0;
  org_ = route.get("org");
  if (org_.empty() && ctx.session.user()) org_ = ctx.session.user()->org_code;
  issued_for_.clear();
  creating_ = false;
  rejecting_ = 0;
  decided_.clear();
  search(ctx);
  load_requests(ctx);
}

void UsersScreen::search(app::Context& ctx) {
  errors_.clear();
  loading_ = true;
  std::string permission;
  if (permission_ > 0) permission = domain::permissions()[size_t(permission_ - 1)].id;
  ctx.api.get("/api/v1/admin/users" + api::query({{"org", org_}, {"status", status_ids[status_]},
                                                  {"permission", permission}, {"q", text_}}),
              pending_.guard([this](const api::Reply& r) {
                loading_ = false;
                loaded_ = true;
                if (!r.ok()) {
                  errors_.take(r);
                  users_ = nlohmann::json::array();
                  return;
                }
                users_ = r.body.is_object() && r.body.contains("users") && r.body["users"].is_array()
                             ? r.body["users"] : nlohmann::json::array();
              }));
}

void UsersScreen::act(app::Context& ctx, std::int64_t id, const std::string& action) {
  errors_.clear();
  issued_for_.clear();
  const std::string path = "/api/v1/admin/users/" + std::to_string(id) + "/" + action;
  std::string username;
  for (const auto& u : users_)
    if (api::int_of(u, "id") == id) username = api::text_of(u, "username");
  ctx.api.post(path, nlohmann::json::object(), pending_.guard([this, &ctx, action, username](const api::Reply& r) {
    if (!r.ok()) {
      errors_.take(r);
      return;
    }
    if (action == "password" || action == "sign-in-qr") show_issued(username, r);
    search(ctx);  // the status may have changed
  }));
}

void UsersScreen::draw(app::Context& ctx) {
  widgets::heading(ctx.tr(users_heading), ctx.fonts.title);
  if (creating_) {  // the new-user form alone, so it fits a laptop's screen
    draw_create(ctx);
    return;
  }
  draw_create_buttons(ctx);

  // Filters on one line where they fit.
  const float w = ImGui::GetContentRegionAvail().x, spacing = ImGui::GetStyle().ItemSpacing.x;
  const float cell = w < 600 ? (w - spacing) / 2 : std::max(140.0f, (w - 4 * spacing) / 5);
  std::vector<std::string> statuses = {std::string(ctx.tr(users_any)), std::string(ctx.tr(status_active)),
                                       std::string(ctx.tr(status_disabled)), std::string(ctx.tr(status_pending))};
  std::vector<std::string> perms = {std::string(ctx.tr(users_any))};
  for (const auto& p : domain::permissions())
    perms.emplace_back(p.name(ctx.language == ui::Language::th));
  bool go = false;
  go |= widgets::input_text("users.org", ctx.tr(users_filter_org), org_, cell).submitted;
  widgets::same_line_if_fits(cell);
  go |= widgets::combo("users.status", ctx.tr(users_filter_status), statuses, status_, cell);
  widgets::same_line_if_fits(cell);
  go |= widgets::combo("users.permission", ctx.tr(users_filter_permission), perms, permission_, cell);
  widgets::same_line_if_fits(cell);
  go |= widgets::input_text("users.q", ctx.tr(users_filter_text), text_, cell).submitted;
  widgets::same_line_if_fits(widgets::button_width(ctx.tr(users_search)));
  go |= widgets::primary_button("users.search", ctx.tr(users_search), !loading_);
  if (go) search(ctx);

  widgets::error_banner("users.error", errors_.general(), ctx.language);
  draw_issued(ctx);
  draw_bulk(ctx);
  draw_grants(ctx);
  draw_holders(ctx);
  draw_requests(ctx);
  if (loading_ && !loaded_) widgets::text_colored(style::muted_text, ctx.tr(loading));
  else if (users_.empty() && loaded_) widgets::text_colored(style::muted_text, ctx.tr(users_none));
  else draw_table(ctx);
}

void UsersScreen::draw_issued(app::Context& ctx) {
  if (issued_for_.empty()) return;
  style::banner(style::banner_info_bg, style::banner_info_text, [&] {
    if (!issued_password_.empty()) {
      widgets::text_wrapped(std::string(ctx.tr(issued_password_is)) + " " + issued_for_ + ":");
      ImGui::PushFont(ctx.fonts.title);
      widgets::text(issued_password_);
      ImGui::PopFont();
      test_hook::record_item("users.issued.password", "secret", issued_for_, issued_password_);
    } else {
      widgets::text_wrapped(std::string(ctx.tr(qr_is)) + " " + issued_for_);
      draw_qr(qr_modules_, 220);
      test_hook::record_item("users.issued.qr", "qr", issued_for_, qr_url_);
      widgets::text(qr_url_);
    }
    if (widgets::button("users.issued.close", ctx.tr(close_notice))) issued_for_.clear();
  });
}

void UsersScreen::edit_grants(const nlohmann::json& user) {
  editing_ = api::int_of(user, "id");
  grant_permission_ = -1;
  grant_org_ = api::text_of(user, "org_code");
  grant_errors_.clear();
}

// PUT …/grants replaces the grants this admin manages: `grants` holds exactly those.
void UsersScreen::put_grants(app::Context& ctx, nlohmann::json grants) {
  grant_errors_.clear();
  saving_grants_ = true;
  ctx.api.put("/api/v1/admin/users/" + std::to_string(editing_) + "/grants", {{"grants", std::move(grants)}},
              grants_pending_.guard([this, &ctx](const api::Reply& r) {
                saving_grants_ = false;
                if (!r.ok()) {
                  grant_errors_.take(r);
                  return;
                }
                for (auto& u : users_)
                  if (api::int_of(u, "id") == editing_) u = r.body;
                grant_permission_ = -1;
                search(ctx);  // the filters may no longer match
              }));
}

void UsersScreen::draw_grants(app::Context& ctx) {
  if (editing_ == 0) return;
  const nlohmann::json* user = nullptr;
  for (const auto& u : users_)
    if (api::int_of(u, "id") == editing_) user = &u;
  if (!user) return;
  // A plain section, not a banner: its error banner may not sit in another banner.
  {
    ImGui::Separator();
    widgets::heading(std::string(ctx.tr(grants_heading)) + " " + api::text_of(*user, "username") + " (" +
                     api::text_of(*user, "display_name") + ")", ctx.fonts.body);
    nlohmann::json managed = nlohmann::json::array();
    for (const auto& g : grants_of(*user))
      if (g.value("managed", false)) managed.push_back({{"permission", g["permission"]}, {"org_code", g["org_code"]}});
    const auto& grants = grants_of(*user);
    if (grants.empty()) widgets::text_colored(style::muted_text, ctx.tr(grants_none));
    size_t managed_index = 0;
    for (size_t i = 0; i < grants.size(); ++i) {
      const auto& g = grants[i];
      const std::string id = "grants." + std::to_string(i);
      widgets::text("• " + grant_text(g, ctx.language));
      test_hook::record_item(id, "row", grant_text(g, ctx.language),
                             api::text_of(g, "permission") + "@" + api::text_of(g, "org_code"));
      ImGui::SameLine();
      if (!g.value("managed", false)) {
        widgets::text_colored(style::muted_text, ctx.tr(grants_not_managed));
        continue;
      }
      if (widgets::button((id + ".remove").c_str(), ctx.tr(grants_remove)) && !saving_grants_) {
        nlohmann::json rest = managed;
        rest.erase(rest.begin() + std::ptrdiff_t(managed_index));
        ctx.confirm.ask(ui::confirm::remove_grant(ctx.language, api::text_of(*user, "username"), grant_text(g, ctx.language)),
                     [this, &ctx, rest] { put_grants(ctx, rest); });
      }
      ++managed_index;
    }
    ImGui::Spacing();
    // A refused new grant names its field (grants[i].org_code, grants[i].permission).
    const auto ends_with = [](const std::string& s, std::string_view end) {
      return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
    };
    const domain::FieldError* org_error = nullptr;
    const domain::FieldError* permission_error = nullptr;
    if (const auto* e = grant_errors_.general()) {
      if (ends_with(e->field, ".org_code")) org_error = e;
      else if (ends_with(e->field, ".permission")) permission_error = e;
    }
    std::vector<std::string> names;
    for (const auto& p : domain::permissions())
      names.emplace_back(p.name(ctx.language == ui::Language::th));
    const float width = std::min(ImGui::GetContentRegionAvail().x, 420.0f);
    widgets::text(ctx.tr(grants_permission));
    if (widgets::combo("grants.permission", ctx.tr(grants_pick_permission), names, grant_permission_, width))
      grant_errors_.clear();
    widgets::field_error("grants.permission", permission_error, ctx.language);
    if (widgets::field("grants.org", ctx.tr(grants_org), grant_org_, org_error, ctx.language,
                       widgets::Field::text, width).changed)
      grant_errors_.clear();
    widgets::error_banner("grants.error", org_error || permission_error ? nullptr : grant_errors_.general(),
                          ctx.language);
    const bool ready = grant_permission_ >= 0 && !grant_org_.empty() && !saving_grants_;
    if (widgets::primary_button("grants.add", ctx.tr(saving_grants_ ? working : grants_add), ready)) {
      managed.push_back({{"permission", domain::permissions()[size_t(grant_permission_)].id},
                         {"org_code", domain::trim(grant_org_)}});
      put_grants(ctx, std::move(managed));
    }
    ImGui::SameLine();
    if (widgets::button("grants.close", ctx.tr(close_notice))) editing_ = 0;
    ImGui::Separator();
  }
}

void UsersScreen::draw_table(app::Context& ctx) {
  // A phone: one column, each user a card (every cell below the one before).
  const bool narrow = ImGui::GetContentRegionAvail().x < 600;
  const ImGuiTableFlags flags = (narrow ? 0 : ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH) |
                                ImGuiTableFlags_BordersOuter | ImGuiTableFlags_ScrollY;
  if (!ImGui::BeginTable("###users", narrow ? 1 : 5, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  widgets::table_column(ctx.tr(column_username), narrow ? 0 : 130);
  if (!narrow) {
    widgets::table_column(ctx.tr(column_person));
    widgets::table_column(ctx.tr(column_org));
    widgets::table_column(ctx.tr(column_status), 100);
    widgets::table_column(ctx.tr(column_actions), 440);
  }
  ImGui::TableHeadersRow();
  const app::User* me = ctx.session.user();
  for (const auto& u : users_) {
    const std::int64_t id = api::int_of(u, "id");
    const std::string username = api::text_of(u, "username"), status = api::text_of(u, "status");
    const std::string row_id = "users.row." + username;
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    if (narrow) ImGui::Separator();
    // Plain text, not a selectable row: a row spanning the columns would take the clicks
    // meant for the buttons in it.
    widgets::text(username);
    const nlohmann::json profile = u.value("profile", nlohmann::json::object());
    ImGui::PushStyleColor(ImGuiCol_Text, style::muted_text);
    widgets::text(phone_text(profile));  // under the username: short, never wrapped
    ImGui::PopStyleColor();
    test_hook::record_item(row_id, "row",
                           username + " " + api::text_of(u, "display_name") + " " + contact_line(profile) + " " +
                               api::text_of(u, "org_name") + " " + status);
    ImGui::TableNextColumn();
    widgets::text_wrapped(api::text_of(u, "display_name"));
    // Under the name, the permissions (the node only when it is not the user's own).
    std::string shown, wire;
    for (const auto& g : grants_of(u)) {
      const bool own = api::text_of(g, "org_code") == api::text_of(u, "org_code");
      shown += (shown.empty() ? "" : ", ") + (own ? permission_name(g, ctx.language) : grant_text(g, ctx.language));
      wire += (wire.empty() ? "" : ",") + api::text_of(g, "permission") + "@" + api::text_of(g, "org_code");
    }
    ImGui::PushStyleColor(ImGuiCol_Text, style::muted_text);
    if (const std::string position = api::text_of(profile, "position"); !position.empty())
      widgets::text_wrapped(position);
    widgets::text_wrapped(shown);
    ImGui::PopStyleColor();
    test_hook::record_item("users.grants." + username, "text", shown, wire);
    ImGui::TableNextColumn();
    widgets::text_wrapped(api::text_of(u, "org_name"));
    ImGui::TableNextColumn();
    widgets::text(ctx.tr(status_text(status)));
    ImGui::TableNextColumn();
    if (me && me->username == username) continue;  // no actions on one's own account
    const std::string base = "users." + username + ".";
    // The buttons side by side while they fit in the cell, else on the next line.
    auto beside = [](std::string_view label) { widgets::same_line_if_fits(widgets::button_width(label)); };
    // A user with a grant above the admin's offices: the server refuses every action.
    if (!u.value("manageable", true)) {
      widgets::text_colored(style::muted_text, ctx.tr(user_above_subtree));
      test_hook::record_item(base + "above", "text", std::string(ctx.tr(user_above_subtree)), "user_above_subtree");
      continue;
    }
    if (status == "disabled") {
      if (widgets::button((base + "enable").c_str(), ctx.tr(user_enable))) act(ctx, id, "enable");
    } else if (status == "active") {
      if (widgets::button((base + "disable").c_str(), ctx.tr(user_disable)))
        ctx.confirm.ask(ui::confirm::disable_user(ctx.language, username), [this, &ctx, id] { act(ctx, id, "disable"); });
    }
    beside(ctx.tr(user_issue_password));
    if (widgets::button((base + "password").c_str(), ctx.tr(user_issue_password)))
      ctx.confirm.ask(ui::confirm::issue_password(ctx.language, username), [this, &ctx, id] { act(ctx, id, "password"); });
    if (status == "active") {
      beside(ctx.tr(user_issue_qr));
      if (widgets::button((base + "qr").c_str(), ctx.tr(user_issue_qr)))
        ctx.confirm.ask(ui::confirm::issue_sign_in_qr(ctx.language, username), [this, &ctx, id] { act(ctx, id, "sign-in-qr"); });
    }
    beside(ctx.tr(user_edit_grants));
    if (widgets::button((base + "grants").c_str(), ctx.tr(user_edit_grants))) edit_grants(u);
    beside(ctx.tr(user_holders));
    if (widgets::button((base + "holders").c_str(), ctx.tr(user_holders))) show_holders(ctx, id, username);
  }
  ImGui::EndTable();
}

}  // namespace accounts
