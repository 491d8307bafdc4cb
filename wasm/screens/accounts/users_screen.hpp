#pragma once
// #/admin/users (users.manage): the users of the admin's subtree, filtered by
// organisation, status, permission and text; enable or disable an account, issue a
// temporary password or a one-time sign-in QR; give or remove permissions on organisations
// of the admin's subtree (the server says which grants are the admin's to change). (The server decides what the admin may
// touch; every action is audited there.)
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "wasm/api/client.hpp"
#include "wasm/api/form_errors.hpp"
#include "wasm/app/screen.hpp"

namespace accounts {

class UsersScreen : public app::Screen {
 public:
  void open(app::Context& ctx, const app::Route& route) override;
  void draw(app::Context& ctx) override;

 private:
  void search(app::Context& ctx);
  void act(app::Context& ctx, std::int64_t id, const std::string& action);
  void draw_table(app::Context& ctx);
  void draw_issued(app::Context& ctx);
  void load_requests(app::Context& ctx);
  void draw_requests(app::Context& ctx);
  void decide(app::Context& ctx, std::int64_t id, bool approve);
  void draw_rights_asked(app::Context& ctx, const nlohmann::json& request, std::int64_t id);
  std::vector<std::string> given_rights(std::int64_t id) const;
  void edit_grants(const nlohmann::json& user);
  void draw_grants(app::Context& ctx);
  void put_grants(app::Context& ctx, nlohmann::json grants);
  // users_holders.cpp: who holds the account now and who held it before.
  static std::string phone_text(const nlohmann::json& profile);
  static std::string contact_line(const nlohmann::json& profile);
  void show_holders(app::Context& ctx, std::int64_t id, const std::string& username);
  void draw_holders(app::Context& ctx);
  // users_create.cpp: the "new user" form (the account, its permissions, then the issued
  // password or a one-time sign-in QR).
  void open_create(app::Context& ctx);
  void draw_create_buttons(app::Context& ctx);
  void draw_create(app::Context& ctx);
  void create(app::Context& ctx, bool qr);
  void show_issued(const std::string& username, const api::Reply& r);
  // The accounts of every institution under an office, and their QR sheet (users_create.cpp).
  void draw_bulk(app::Context& ctx);
  void bulk_preview(app::Context& ctx);
  void bulk_create(app::Context& ctx);

  std::string org_, text_;
  int status_ = 0, permission_ = 0;  // 0: any
  nlohmann::json users_ = nlohmann::json::array();
  bool loading_ = false, loaded_ = false;
  api::FormErrors errors_;
  // The last password or QR issued, shown until closed.
  std::string issued_for_, issued_password_, qr_url_;
  std::vector<std::string> qr_modules_;
  // School website access requests waiting for this admin.
  nlohmann::json requests_ = nlohmann::json::array();
  std::int64_t rejecting_ = 0;  // the request whose rejection reason is being typed
  std::set<std::pair<std::int64_t, std::string>> withheld_;  // (request, right) the admin unticked
  std::string reason_, decided_;
  // The user whose permissions are being edited (0: none) and the grant being added.
  std::int64_t editing_ = 0;
  int grant_permission_ = -1;
  std::string grant_org_;
  api::FormErrors grant_errors_;
  bool saving_grants_ = false;
  // The new-user form (open while `creating_`): the permission checked at index i of
  // domain::permissions() is given on new_grant_orgs_[i].
  bool creating_ = false, create_sending_ = false;
  std::string new_username_, new_org_;
  std::vector<char> new_checked_;
  std::vector<std::string> new_grant_orgs_;
  std::vector<std::string> org_choices_, org_choice_names_;  // the admin's nodes and their institutions
  int org_choice_ = -1;
  std::vector<std::size_t> sent_permissions_;  // grants[i] of the last request: which permission
  api::FormErrors create_errors_;
  // Institution accounts: the office, the last result (created, remaining, the sheet's path).
  bool bulk_open_ = false, bulk_sending_ = false;
  std::string bulk_org_, bulk_sheet_, bulk_result_;
  api::FormErrors bulk_errors_;
  // The account whose holders are shown (0: none).
  std::int64_t holders_of_ = 0;
  std::string holders_username_;
  nlohmann::json holders_ = nlohmann::json::array();
  bool holders_failed_ = false;
  api::Pending pending_, requests_pending_, grants_pending_, create_pending_, holders_pending_;
};

}  // namespace accounts
