#pragma once
// #/admin/users (users.manage): the users of the admin's subtree, filtered by
// organisation, status, permission and text; enable or disable an account, issue a
// temporary password or a one-time sign-in QR; give or remove permissions on organisations
// of the admin's subtree (the server says which grants are the admin's to change). (The server decides what the admin may
// touch; every action is audited there.)
#include <optional>
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
  void edit_grants(const nlohmann::json& user);
  void draw_grants(app::Context& ctx);
  void put_grants(app::Context& ctx, nlohmann::json grants);

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
  std::string reason_, decided_;
  // The user whose permissions are being edited (0: none) and the grant being added.
  std::int64_t editing_ = 0;
  int grant_permission_ = -1;
  std::string grant_org_;
  api::FormErrors grant_errors_;
  bool saving_grants_ = false;
  api::Pending pending_, requests_pending_, grants_pending_;
};

}  // namespace accounts
