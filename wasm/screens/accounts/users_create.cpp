// The users screen's "new user" form: a username, the organisation (picked among the
// admin's own offices and the institutions under them, or typed), the permissions to give
// (each on an organisation), then, after a confirmation, the issued password or a one-time
// sign-in QR shown once. The server's refusals stand under the field they name.
#include <algorithm>

#include "shared/accounts/permission.hpp"
#include "shared/accounts/username.hpp"
#include "shared/core/text.hpp"
#include "shared/ui/confirmations.hpp"
#include "shared/ui/strings_account_screens.hpp"
#include "shared/ui/strings_client.hpp"
#include "wasm/app/context.hpp"
#include "wasm/app/style.hpp"
#include "wasm/screens/accounts/users_screen.hpp"
#include "wasm/widgets/flow.hpp"
#include "wasm/widgets/test_hook.hpp"
#include "wasm/widgets/widgets.hpp"

namespace accounts {

using namespace ui::text;

void UsersScreen::open_create(app::Context& ctx) {
  creating_ = true;
  create_sending_ = false;
  new_username_.clear();
  new_org_.clear();
  new_checked_.assign(domain::permissions().size(), 0);
  new_grant_orgs_.assign(domain::permissions().size(), std::string());
  create_errors_.clear();
  org_choice_ = -1;
  org_choices_.clear();
  org_choice_names_.clear();
  create_pending_.reset();
  // The picker: every node where this admin manages users, then the institutions under each.
  const app::User* me = ctx.session.user();
  if (!me) return;
  for (const auto& g : me->grants) {
    if (g.permission != domain::Permission::users_manage) continue;
    if (std::find(org_choices_.begin(), org_choices_.end(), g.org_code) != org_choices_.end()) continue;
    org_choices_.push_back(g.org_code);
    org_choice_names_.push_back(g.org_code + (g.org_code == me->org_code && !me->org_name.empty() ? " " + me->org_name : ""));
    ctx.api.get("/api/v1/orgs/" + api::percent_encode(g.org_code) + "/institutions",
                create_pending_.guard([this](const api::Reply& r) {
                  if (!r.ok() || !r.body.is_array()) return;  // an office without institutions: its code alone
                  for (const auto& o : r.body) {
                    const std::string code = api::text_of(o, "code");
                    if (code.empty() || std::find(org_choices_.begin(), org_choices_.end(), code) != org_choices_.end())
                      continue;
                    org_choices_.push_back(code);
                    org_choice_names_.push_back(code + " " + api::text_of(o, "name_th"));
                  }
                }));
  }
}

// The password or the QR of `username`, in the banner above the list until closed.
void UsersScreen::show_issued(const std::string& username, const api::Reply& r) {
  issued_for_ = username;
  issued_password_ = api::text_of(r.body, "password");
  qr_url_ = api::text_of(r.body, "url");
  qr_modules_.clear();
  if (auto m = r.body.find("qr_modules"); m != r.body.end() && m->is_array())
    for (const auto& row : *m)
      if (row.is_string()) qr_modules_.push_back(row.get<std::string>());
}

// POST /admin/users issues a password; with `qr` the account then gets a one-time sign-in
// QR instead (its password is never shown, the QR signs in once and first login follows).
void UsersScreen::create(app::Context& ctx, bool qr) {
  create_errors_.clear();
  nlohmann::json grants = nlohmann::json::array();
  sent_permissions_.clear();
  const auto& all = domain::permissions();
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (!new_checked_[i]) continue;
    grants.push_back({{"permission", all[i].id}, {"org_code", domain::trim(new_grant_orgs_[i])}});
    sent_permissions_.push_back(i);
  }
  create_sending_ = true;
  const nlohmann::json body = {{"username", domain::trim(new_username_)}, {"org_code", domain::trim(new_org_)},
                               {"grants", grants}};
  ctx.api.post("/api/v1/admin/users", body, create_pending_.guard([this, &ctx, qr](const api::Reply& r) {
    if (!r.ok()) {
      create_sending_ = false;
      create_errors_.take(r);
      return;
    }
    const std::string username = api::text_of(r.body["user"], "username");
    const std::int64_t id = api::int_of(r.body["user"], "id");
    if (!qr) {
      create_sending_ = creating_ = false;
      show_issued(username, r);
      search(ctx);
      return;
    }
    ctx.api.post("/api/v1/admin/users/" + std::to_string(id) + "/sign-in-qr", nlohmann::json::object(),
                 create_pending_.guard([this, &ctx, username](const api::Reply& q) {
                   create_sending_ = false;
                   if (!q.ok()) {
                     create_errors_.take(q);  // the account exists: the list offers a password or a QR
                     search(ctx);
                     return;
                   }
                   creating_ = false;
                   show_issued(username, q);
                   search(ctx);
                 }));
  }));
}

// Beside the screen's heading (where they cost no line): "new user" and the institution accounts.
void UsersScreen::draw_create_buttons(app::Context& ctx) {
  widgets::same_line_if_fits(widgets::button_width(ctx.tr(user_new)));
  if (widgets::button("users.new", ctx.tr(user_new))) open_create(ctx);
  widgets::same_line_if_fits(widgets::button_width(ctx.tr(bulk_open)));
  if (widgets::button("users.bulk", ctx.tr(bulk_open))) {
    bulk_open_ = true;
    bulk_errors_.clear();
    bulk_result_.clear();
    bulk_sheet_.clear();
    if (bulk_org_.empty() && ctx.session.user()) bulk_org_ = ctx.session.user()->org_code;
  }
}

void UsersScreen::draw_create(app::Context& ctx) {
  ImGui::Separator();
  widgets::heading(ctx.tr(user_new_heading), ctx.fonts.body);
  // Wide: the fields side by side and the permissions in a grid, so the form and its
  // buttons fit a laptop's screen; a phone: one under the other.
  const float avail = ImGui::GetContentRegionAvail().x;
  const float width = std::min(avail, 300.0f);
  ImGui::BeginGroup();
  if (widgets::field("new.username", ctx.tr(column_username), new_username_, create_errors_.of("username"),
                     ctx.language, widgets::Field::text, width).changed) {
    const auto checked = domain::check_username(new_username_);
    create_errors_.check("username", checked || new_username_.empty() ? std::nullopt
                                                                       : std::optional(checked.error()));
  }
  ImGui::EndGroup();
  widgets::same_line_if_fits(width);
  ImGui::BeginGroup();
  widgets::text(ctx.tr(user_new_org));
  if (widgets::combo("new.org.pick", ctx.tr(user_new_org_pick), org_choice_names_, org_choice_, width)) {
    const std::string before = new_org_;
    new_org_ = org_choices_[std::size_t(org_choice_)];
    for (auto& g : new_grant_orgs_)
      if (g == before || g.empty()) g = new_org_;  // permissions follow the account's organisation
    create_errors_.clear("org_code");
  }
  ImGui::EndGroup();
  widgets::same_line_if_fits(width);
  ImGui::BeginGroup();
  if (widgets::field("new.org", ctx.tr(user_new_org_code), new_org_, create_errors_.of("org_code"), ctx.language,
                     widgets::Field::text, width).changed)
    create_errors_.clear("org_code");
  ImGui::EndGroup();

  // The permissions: a checkbox each; a checked one asks on which organisation (beside it
  // where it fits). Their errors come under the grid, each recorded under its field.
  widgets::text_wrapped(ctx.tr(user_new_permissions));
  const auto& all = domain::permissions();
  std::vector<std::string> shown = {"username", "org_code"};
  std::vector<std::pair<std::string, domain::FieldError>> grant_errors;  // copies: a change clears the map
  const float org_w = 130, cell = std::min(avail, 250.0f + org_w);
  for (std::size_t i = 0; i < all.size(); ++i) {
    const std::string id = "new.perm." + std::string(all[i].id);
    if (i > 0) widgets::same_line_if_fits(cell);
    ImGui::BeginGroup();
    const float x0 = ImGui::GetCursorScreenPos().x;
    bool on = new_checked_[i] != 0;
    const std::string_view name = all[i].name(ctx.language == ui::Language::th);
    if (widgets::checkbox(id.c_str(), name, on)) {
      new_checked_[i] = on;
      if (on && new_grant_orgs_[i].empty()) new_grant_orgs_[i] = domain::trim(new_org_);
    }
    if (on) {
      // The server names grants[k]; k counts the checked permissions sent.
      const domain::FieldError* error = nullptr;
      for (std::size_t k = 0; k < sent_permissions_.size(); ++k)
        if (sent_permissions_[k] == i)
          for (const char* f : {".org_code", ".permission"}) {
            const std::string field = "grants[" + std::to_string(k) + "]" + f;
            if (!error) error = create_errors_.of(field);
            shown.push_back(field);
          }
      if (error) grant_errors.emplace_back(id + ".org", *error);
      widgets::same_line_if_fits(org_w);
      if (widgets::input_text((id + ".org").c_str(), ctx.tr(user_new_grant_org), new_grant_orgs_[i], org_w).changed)
        create_errors_.clear();
    }
    // The cells line up: each as wide as the widest.
    if (const float used = ImGui::GetItemRectMax().x - x0; used < cell) {
      ImGui::SameLine(0, 0);
      ImGui::Dummy(ImVec2(cell - used, 1));
    }
    ImGui::EndGroup();
  }
  for (const auto& [field, error] : grant_errors) widgets::field_error(field.c_str(), &error, ctx.language);
  const auto* general = create_errors_.general_if(
      [&](const std::string& field) { return std::find(shown.begin(), shown.end(), field) != shown.end(); });
  widgets::error_banner("new.error", general, ctx.language);

  const bool ready = !create_sending_ && !domain::trim(new_username_).empty() && !domain::trim(new_org_).empty();
  const std::string who = domain::trim(new_username_);
  if (widgets::primary_button("new.create.password", ctx.tr(create_sending_ ? working : user_new_with_password), ready))
    ctx.confirm.ask(ui::confirm::create_user(ctx.language, who, domain::trim(new_org_), false),
                    [this, &ctx] { create(ctx, false); });
  widgets::same_line_if_fits(widgets::button_width(ctx.tr(user_new_with_qr)));
  if (widgets::primary_button("new.create.qr", ctx.tr(user_new_with_qr), ready))
    ctx.confirm.ask(ui::confirm::create_user(ctx.language, who, domain::trim(new_org_), true),
                    [this, &ctx] { create(ctx, true); });
  widgets::same_line_if_fits(widgets::button_width(ctx.tr(user_new_cancel)));
  if (widgets::button("new.cancel", ctx.tr(user_new_cancel))) creating_ = false;
  ImGui::Separator();
}


// First how many accounts the call would make (the confirmation says it), then the call.
void UsersScreen::bulk_preview(app::Context& ctx) {
  bulk_errors_.clear();
  bulk_result_.clear();
  bulk_sheet_.clear();
  bulk_sending_ = true;
  const std::string org = domain::trim(bulk_org_);
  ctx.api.get("/api/v1/admin/institution-accounts" + api::query({{"org_code", org}}),
              create_pending_.guard([this, &ctx](const api::Reply& r) {
                bulk_sending_ = false;
                if (!r.ok()) {
                  bulk_errors_.take(r);
                  return;
                }
                const std::int64_t n = api::int_of(r.body, "to_create");
                if (n == 0) {
                  bulk_result_ = std::string(ctx.tr(bulk_none_left));
                  return;
                }
                const std::string office = api::text_of(r.body, "org_name") + " (" + api::text_of(r.body, "org_code") + ")";
                ctx.confirm.ask(ui::confirm::create_institution_accounts(ctx.language, office, n),
                                [this, &ctx] { bulk_create(ctx); });
              }));
}

void UsersScreen::bulk_create(app::Context& ctx) {
  bulk_sending_ = true;
  ctx.api.post("/api/v1/admin/institution-accounts", {{"org_code", domain::trim(bulk_org_)}},
               create_pending_.guard([this, &ctx](const api::Reply& r) {
                 bulk_sending_ = false;
                 if (!r.ok()) {
                   bulk_errors_.take(r);
                   return;
                 }
                 bulk_sheet_ = api::text_of(r.body, "sheet");
                 const std::int64_t made = api::int_of(r.body, "created"), left = api::int_of(r.body, "remaining");
                 bulk_result_ = std::string(ctx.tr(bulk_created)) + " " + std::to_string(made) + " " +
                                std::string(ctx.tr(bulk_accounts));
                 if (left > 0)
                   bulk_result_ += " " + std::string(ctx.tr(bulk_remaining)) + " " + std::to_string(left) + " " +
                                   std::string(ctx.tr(bulk_accounts));
                 search(ctx);
               }));
}

void UsersScreen::draw_bulk(app::Context& ctx) {
  if (!bulk_open_) return;
  ImGui::Separator();
  widgets::heading(ctx.tr(bulk_heading), ctx.fonts.body);
  widgets::text_wrapped(ctx.tr(bulk_intro));
  const float width = std::min(ImGui::GetContentRegionAvail().x, 420.0f);
  if (widgets::field("bulk.org", ctx.tr(bulk_org), bulk_org_, bulk_errors_.of("org_code"), ctx.language,
                     widgets::Field::text, width).changed)
    bulk_errors_.clear();
  widgets::error_banner("bulk.error", bulk_errors_.general({"org_code"}), ctx.language);
  if (!bulk_result_.empty()) {
    widgets::text_wrapped(bulk_result_);
    test_hook::record_item("bulk.result", "text", bulk_result_);
  }
  if (!bulk_sheet_.empty()) {
    if (widgets::primary_button("bulk.sheet", ctx.tr(bulk_download)))
      ctx.api.download(bulk_sheet_, "sign-in-qr-" + domain::trim(bulk_org_) + ".pdf",
                       [this, alive = create_pending_.alive()](const api::Reply& r, const std::string&) {
                         if (alive.lock() && !r.ok()) bulk_errors_.take(r);
                       });
    widgets::same_line_if_fits(widgets::button_width(ctx.tr(bulk_create_button)));
  }
  if (widgets::primary_button("bulk.create", ctx.tr(bulk_sending_ ? working : bulk_create_button),
                              !bulk_sending_ && !domain::trim(bulk_org_).empty()))
    bulk_preview(ctx);
  widgets::same_line_if_fits(widgets::button_width(ctx.tr(close_notice)));
  if (widgets::button("bulk.close", ctx.tr(close_notice))) bulk_open_ = false;
  ImGui::Separator();
}

}  // namespace accounts
