// The access requests of the users screen: school website users waiting for this admin's
// decision (approve, giving some or all of the rights asked for, or reject with a reason),
// each asked for confirmation first.
#include <algorithm>

#include "shared/accounts/permission.hpp"
#include "shared/ui/confirmations.hpp"
#include "shared/ui/strings_account_screens.hpp"
#include "shared/identity/oidc.hpp"
#include "shared/ui/strings_identity.hpp"
#include "wasm/app/context.hpp"
#include "wasm/screens/accounts/users_screen.hpp"
#include "wasm/widgets/test_hook.hpp"
#include "wasm/widgets/widgets.hpp"

namespace accounts {

using namespace ui::text;

void UsersScreen::load_requests(app::Context& ctx) {
  requests_pending_.reset();
  ctx.api.get("/api/v1/admin/access-requests?status=pending", requests_pending_.guard([this](const api::Reply& r) {
    requests_ = r.ok() && r.body.is_object() && r.body.contains("requests") && r.body["requests"].is_array()
                    ? r.body["requests"] : nlohmann::json::array();
  }));
}

void UsersScreen::decide(app::Context& ctx, std::int64_t id, bool approve) {
  errors_.clear();
  const std::string path = "/api/v1/admin/access-requests/" + std::to_string(id) + (approve ? "/approve" : "/reject");
  nlohmann::json body = approve ? nlohmann::json{{"rights", given_rights(id)}} : nlohmann::json{{"reason", reason_}};
  ctx.api.post(path, body, requests_pending_.guard([this, &ctx](const api::Reply& r) {
    if (!r.ok()) {
      errors_.take(r);
      return;
    }
    rejecting_ = 0;
    reason_.clear();
    decided_ = api::text_of(r.body, "username");
    load_requests(ctx);
    search(ctx);
  }));
}

// The rights a request asked for, less those the admin unticked.
std::vector<std::string> UsersScreen::given_rights(std::int64_t id) const {
  std::vector<std::string> out;
  for (const auto& q : requests_)
    if (api::int_of(q, "id") == id && q.contains("rights") && q["rights"].is_array())
      for (const auto& r : q["rights"])
        if (r.is_string() && !withheld_.count({id, r.get<std::string>()})) out.push_back(r.get<std::string>());
  return out;
}

// "ส่งรายงานตัวชี้วัด, ..." in the user's language: the rights given beyond view.
static std::string right_names(const std::vector<std::string>& ids, ui::Language l) {
  std::string out;
  for (const auto& id : ids)
    if (auto p = domain::parse_permission(id))
      out += (out.empty() ? "" : ", ") +
             std::string(domain::info(p.value()).name(l == ui::Language::th));
  return out;
}

void UsersScreen::draw_rights_asked(app::Context& ctx, const nlohmann::json& request, std::int64_t id) {
  if (!request.contains("rights") || !request["rights"].is_array() || request["rights"].empty()) return;
  widgets::text(ctx.tr(request_give));
  for (const auto& r : request["rights"]) {
    auto p = r.is_string() ? domain::parse_permission(r.get<std::string>()) : domain::parse_permission("");
    if (!p) continue;
    const auto& about = domain::info(p.value());
    bool on = !withheld_.count({id, std::string(about.id)});
    const std::string cid = "requests." + std::to_string(id) + ".right." + std::string(about.id);
    if (widgets::checkbox(cid.c_str(), about.name(ctx.language == ui::Language::th), on)) {
      if (on) withheld_.erase({id, std::string(about.id)});
      else withheld_.insert({id, std::string(about.id)});
    }
  }
}

void UsersScreen::draw_requests(app::Context& ctx) {
  if (requests_.empty()) return;
  widgets::heading(ctx.tr(requests_heading), ctx.fonts.body);
  for (const auto& q : requests_) {
    const std::int64_t id = api::int_of(q, "id");
    const auto& person = q.contains("person") ? q["person"] : q;
    const std::string who = api::text_of(person, "title") + api::text_of(person, "first_name") + " " +
                            api::text_of(person, "last_name") + " " + api::text_of(person, "phone");
    const std::string base = "requests." + std::to_string(id);
    const std::string line = api::text_of(q, "school_code") + " " + api::text_of(q, "school_name") + ": " + who;
    widgets::text(line);
    test_hook::record_item(base, "row", line);
    // The admin sees how the person was proved: by an identity provider (who they are), or only their phone.
    const auto& identity = q.contains("identity") ? q["identity"] : nlohmann::json();
    const std::string proved = identity.is_object()
        ? std::string(ctx.tr(identity_admin_proved)) + " " + domain::identity_provider_name(api::text_of(identity, "provider")) +
              " (" + api::text_of(identity, "id_masked") + ")"
        : std::string(ctx.tr(identity_admin_sms));
    widgets::text(proved);
    test_hook::record_item(base + ".identity", "text", proved);
    const std::string school = api::text_of(q, "school_name");
    const std::string person_name = api::text_of(person, "first_name") + " " + api::text_of(person, "last_name");
    draw_rights_asked(ctx, q, id);
    if (widgets::button((base + ".approve").c_str(), ctx.tr(request_approve)))
      ctx.confirm.ask(ui::confirm::approve_access(ctx.language, person_name, school,
                                                  right_names(given_rights(id), ctx.language)),
                      [this, &ctx, id] { decide(ctx, id, true); });
    ImGui::SameLine();
    if (widgets::button((base + ".reject").c_str(), ctx.tr(request_reject))) rejecting_ = id, reason_.clear();
    if (rejecting_ == id) {
      widgets::input_text("requests.reason", ctx.tr(request_reason), reason_,
                          std::min(ImGui::GetContentRegionAvail().x, 560.0f));
      if (widgets::primary_button("requests.reject.confirm", ctx.tr(request_reject), !reason_.empty()))
        ctx.confirm.ask(ui::confirm::reject_access(ctx.language, person_name, school), [this, &ctx, id] { decide(ctx, id, false); });
    }
    ImGui::Separator();
  }
}

}  // namespace accounts
