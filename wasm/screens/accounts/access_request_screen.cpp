#include "wasm/screens/accounts/access_request_screen.hpp"

#include "shared/accounts/school_users.hpp"
#include "shared/ui/strings_account_screens.hpp"
#include "shared/ui/strings_client.hpp"
#include "wasm/app/style.hpp"
#include "wasm/widgets/test_hook.hpp"
#include "wasm/widgets/widgets.hpp"

namespace accounts {

using namespace ui::text;

namespace {

void read_orgs(const nlohmann::json& body, std::vector<std::string>& names, auto& out) {
  out.clear();
  names.clear();
  if (!body.is_array()) return;
  for (const auto& o : body) {
    out.push_back({api::text_of(o, "code"), api::text_of(o, "name_th")});
    names.push_back(out.back().code + " " + out.back().name);
  }
}

}  // namespace

void AccessRequestScreen::open(app::Context& ctx, const app::Route& route) {
  wanted_area_ = route.get("area");
  wanted_school_ = route.get("school");
  errors_.clear();
  // What was typed stays when the person comes back to it (browser back and forward); only
  // a request already sent starts a fresh form.
  if (done_) {
    done_ = sending_ = false;
    area_ = school_ = -1;
    schools_.clear(), school_names_.clear();
    person_.fill({});
    otp_.reset();
    identity_.reset();
    person_.unlock_names();
    asked_.clear();
  }
  identity_.open(ctx, route);
  if (!areas_.empty()) return choose_wanted(ctx);
  ctx.api.get("/api/v1/orgs?kind=area_office", pending_.guard([this, &ctx](const api::Reply& r) {
    if (!r.ok()) {
      errors_.take(r);
      return;
    }
    read_orgs(r.body, area_names_, areas_);
    choose_wanted(ctx);
  }));
}

// The area and school the home page's search came with (#/access-request?area=&school=).
void AccessRequestScreen::choose_wanted(app::Context& ctx) {
  for (std::size_t i = 0; i < areas_.size() && !wanted_area_.empty(); ++i) {
    if (areas_[i].code != wanted_area_) continue;
    wanted_area_.clear();
    if (area_ != int(i)) {
      area_ = int(i);
      return load_schools(ctx);  // the school is chosen when the list arrives
    }
  }
  choose_wanted_school();
}

void AccessRequestScreen::choose_wanted_school() {
  for (std::size_t i = 0; i < schools_.size() && !wanted_school_.empty(); ++i)
    if (schools_[i].code == wanted_school_) {
      school_ = int(i);
      wanted_school_.clear();
    }
}

void AccessRequestScreen::load_schools(app::Context& ctx) {
  schools_pending_.reset();
  school_ = -1;
  schools_.clear(), school_names_.clear();
  ctx.api.get("/api/v1/orgs/" + api::percent_encode(areas_[size_t(area_)].code) + "/institutions",
              schools_pending_.guard([this](const api::Reply& r) {
                if (!r.ok()) {
                  errors_.take(r);
                  return;
                }
                read_orgs(r.body, school_names_, schools_);
                choose_wanted_school();
              }));
}

void AccessRequestScreen::draw(app::Context& ctx) {
  now_ = ctx.now;
  widgets::heading(ctx.tr(access_heading), ctx.fonts.title);
  widgets::help_link("access.help", "access", ctx.language);
  if (done_) {
    style::banner(style::banner_info_bg, style::banner_info_text, [&] { widgets::text_wrapped(ctx.tr(access_done)); });
    test_hook::record_item("access.done", "text", std::string(ctx.tr(access_done)));
    return;
  }
  widgets::text_wrapped(ctx.tr(access_intro));
  const float width = std::min(ImGui::GetContentRegionAvail().x, 560.0f);
  identity_.draw(ctx);
  if (const auto& p = identity_.proved(); p && !person_.names_locked()) person_.lock_names(p->title, p->first_name, p->last_name);

  widgets::text(ctx.tr(access_area));
  if (widgets::combo("access.area", ctx.tr(areas_.empty() ? loading : access_area), area_names_, area_, width))
    load_schools(ctx);
  widgets::field_error("access.area", errors_.of("area_code"), ctx.language);
  widgets::text(ctx.tr(access_school));
  widgets::combo("access.school", ctx.tr(area_ < 0 ? access_pick_area_first : access_school), school_names_,
                 school_, width);
  widgets::field_error("access.school", errors_.of("school_code"), ctx.language);
  widgets::text(ctx.tr(access_rights));
  const auto& rights = domain::requestable_rights();
  asked_.resize(rights.size());
  for (std::size_t i = 0; i < rights.size(); ++i) {
    const auto& about = domain::info(rights[i]);
    bool on = asked_[i];
    if (widgets::checkbox(("access.right." + std::string(about.id)).c_str(),
                          about.name(ctx.language == ui::Language::th), on))
      asked_[i] = on;
  }
  widgets::field_error("access.rights", errors_.of("rights[0]"), ctx.language);

  person_.draw(ctx, width);
  const std::string phone = person_.value().phone;
  const bool phone_ok = !phone.empty() && !person_.errors().of("person.phone");
  const bool proved = !identity_.token().empty() && identity_.proved();
  if (phone_ok && otp_.token().empty() && !proved) {
    otp_.draw(ctx, phone, width);
  }
  widgets::error_banner("access.error",
                        errors_.general_if([](const std::string& f) { return f == "area_code" || f == "school_code"; }),
                        ctx.language);
  widgets::error_banner("access.person.error",
                        person_.errors().general_if([&](const std::string& f) { return person_.shows(f); }),
                        ctx.language);
  const bool ready = (!otp_.token().empty() || proved) && !sending_;
  if (!widgets::primary_button("access.submit", ctx.tr(sending_ ? working : access_submit), ready)) return;
  errors_.clear();
  if (area_ < 0) errors_.set(client_error("required", "area_code", field_required));
  if (school_ < 0) errors_.set(client_error("required", "school_code", field_required));
  if (!person_.check_all() || !errors_.empty()) return;
  sending_ = true;
  nlohmann::json body = {{"area_code", areas_[size_t(area_)].code},
                         {"school_code", schools_[size_t(school_)].code},
                         {"person", person_.value()},
                         {"rights", nlohmann::json::array()}};
  if (proved) body["identity_token"] = identity_.token();
  else body["otp_token"] = otp_.token();
  for (std::size_t i = 0; i < asked_.size(); ++i)
    if (asked_[i]) body["rights"].push_back(domain::to_string(domain::requestable_rights()[i]));
  ctx.api.post("/api/v1/access-requests", body, pending_.guard([this](const api::Reply& r) {
    sending_ = false;
    if (!r.ok()) {
      if (r.error && person_.shows(r.error->field)) person_.errors().take(r);
      else errors_.take(r);
      if (r.code() == "otp_token_invalid") otp_.reset();
      if (r.code() == "identity_token_invalid") identity_.reset(), person_.unlock_names();
      return;
    }
    done_ = true;
  }));
}

}  // namespace accounts
