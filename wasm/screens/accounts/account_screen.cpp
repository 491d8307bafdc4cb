#include "wasm/screens/accounts/account_screen.hpp"

#include <algorithm>

#include "shared/calendar/thai_time.hpp"
#include "shared/ui/confirmations.hpp"
#include "shared/ui/strings_account_screens.hpp"
#include "shared/ui/strings_client.hpp"
#include "shared/ui/strings_my_account.hpp"
#include "wasm/app/style.hpp"
#include "wasm/screens/accounts/form.hpp"
#include "wasm/widgets/test_hook.hpp"
#include "wasm/widgets/widgets.hpp"

namespace accounts {

namespace t = ui::text::my_account;

namespace {

constexpr ImU32 ok_text = IM_COL32(0x1E, 0x6B, 0x34, 0xFF);
constexpr ImU32 card_background = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);

// Frames at least 44 px high while the screen draws (fingers on a phone).
class TouchSize {
 public:
  TouchSize() {
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ImGui::GetStyle().FramePadding.x, 10));
  }
  ~TouchSize() { ImGui::PopStyleVar(); }
  TouchSize(const TouchSize&) = delete;
  TouchSize& operator=(const TouchSize&) = delete;
};

// ImGui::SameLine() when a button labelled `next_label` still fits; else it goes below.
void beside(std::string_view next_label) {
  const ImGuiStyle& st = ImGui::GetStyle();
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  const float width = widgets::text_size(next_label).x + 2 * st.FramePadding.x;
  if (ImGui::GetItemRectMax().x + st.ItemSpacing.x + width <= right) ImGui::SameLine();
}

void section(app::Context& ctx, const ui::Text& title) {
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::PushStyleColor(ImGuiCol_Text, style::brand);
  widgets::text_wrapped(ctx.tr(title));
  ImGui::PopStyleColor();
}

// A line of good news, readable by the tests as `id`.
void notice(const char* id, std::string_view text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ok_text);
  widgets::text_wrapped(text);
  ImGui::PopStyleColor();
  test_hook::record_item(id, "text", std::string(text));
}

// "Chrome on Android" / "Chrome บน Android"; a phone says so when the system is unknown.
std::string device_name(const app::Context& ctx, const domain::Device& d) {
  std::string out = d.browser.empty() ? std::string(ctx.tr(t::unknown_browser)) : d.browser;
  if (!d.os.empty()) out += " " + std::string(ctx.tr(t::on_system)) + " " + d.os;
  else if (d.mobile) out += " (" + std::string(ctx.tr(t::phone_or_tablet)) + ")";
  return out;
}

}  // namespace

void AccountScreen::open(app::Context& ctx, const app::Route&) {
  profile_pending_.reset();
  password_pending_.reset();
  profile_saved_ = password_changed_ = false;
  profile_sending_ = password_sending_ = false;
  if (const app::User* user = ctx.session.user()) profile_.fill(user->profile);
  current_.clear();
  password_.reset();
  password_errors_.clear();
  notice_ = nullptr;
  sessions_.clear();
  load_sessions(ctx);
}

void AccountScreen::draw(app::Context& ctx) {
  if (!ctx.session.user()) return;  // the app sends a signed-out user to sign-in
  if (reload_) {
    reload_ = false;
    load_sessions(ctx);
  }
  TouchSize touch;
  widgets::heading(ctx.tr(t::heading), ctx.fonts.title);
  const float width = std::min(ImGui::GetContentRegionAvail().x, 560.0f);
  draw_profile(ctx, width);
  draw_password(ctx, width);
  draw_sessions(ctx);
}

void AccountScreen::draw_profile(app::Context& ctx, float width) {
  section(ctx, t::profile_heading);
  profile_.draw(ctx, width);
  widgets::error_banner("account.profile.error",
                        profile_.errors().general_if([&](const std::string& f) { return profile_.shows(f); }),
                        ctx.language);
  const bool pressed =
      widgets::primary_button("account.profile.save", ctx.tr(profile_sending_ ? ui::text::working : t::profile_save),
                              !profile_sending_);
  if (profile_saved_) notice("account.profile.saved", ctx.tr(t::profile_saved));
  if (!pressed) return;
  profile_saved_ = false;
  if (!profile_.check_all()) return;
  profile_sending_ = true;
  nlohmann::json body = profile_.value();
  ctx.api.put("/api/v1/me/profile", body, profile_pending_.guard([this, &ctx](const api::Reply& r) {
    profile_sending_ = false;
    if (!r.ok()) {
      profile_.errors().take(r);
      return;
    }
    ctx.session.update(r.body);  // the top bar's name follows
    if (const app::User* user = ctx.session.user()) profile_.fill(user->profile);  // as stored (phone digits)
    profile_saved_ = true;
  }));
}

void AccountScreen::draw_password(app::Context& ctx, float width) {
  section(ctx, t::password_heading);
  const std::string username = ctx.session.user()->username;
  auto current = widgets::field("account.current", ctx.tr(t::password_current), current_,
                                password_errors_.of("current_password"), ctx.language, widgets::Field::password, width);
  if (current.changed) password_errors_.clear("current_password"), password_changed_ = false;
  const bool enter = password_.draw(ctx, width, username);
  widgets::error_banner("account.password.error", password_errors_.general({"current_password"}), ctx.language);
  const bool pressed = widgets::primary_button(
      "account.password.save", ctx.tr(password_sending_ ? ui::text::working : t::password_save), !password_sending_);
  if (password_changed_) notice("account.password.changed", ctx.tr(t::password_changed));
  if (!(pressed || (enter && !password_sending_))) return;
  password_errors_.clear();
  password_changed_ = false;
  if (current_.empty()) password_errors_.set(client_error("required", "current_password", ui::text::field_required));
  if (!password_.check_all(username) || !password_errors_.empty()) return;
  password_sending_ = true;
  ctx.api.post("/api/v1/auth/password", {{"current_password", current_}, {"new_password", password_.password()}},
               password_pending_.guard([this, &ctx](const api::Reply& r) {
                 password_sending_ = false;
                 if (!r.ok()) {
                   if (r.error && r.error->field == password_.wire()) password_.errors().take(r);
                   else password_errors_.take(r);
                   return;
                 }
                 current_.clear();
                 password_.reset();
                 password_changed_ = true;
                 ctx.session.update(r.body);  // a new session: new cookie and CSRF token
                 load_sessions(ctx);          // the others have ended
               }));
}

void AccountScreen::draw_sessions(app::Context& ctx) {
  section(ctx, t::sessions_heading);
  widgets::text_wrapped(ctx.tr(t::sessions_intro));
  if (notice_) notice("account.sessions.notice", ctx.tr(*notice_));
  widgets::error_banner("account.sessions.error", sessions_errors_.general(), ctx.language);
  if (sessions_.empty()) {
    if (sessions_loading_) widgets::text_colored(style::muted_text, ctx.tr(t::sessions_loading));
    return;
  }
  for (std::size_t i = 0; i < sessions_.size(); ++i) draw_session(ctx, i);

  const bool others = std::any_of(sessions_.begin(), sessions_.end(), [](const auto& s) { return !s.current; });
  if (!others) {
    widgets::text_colored(style::muted_text, ctx.tr(t::only_this_device));
    return;
  }
  if (widgets::button("account.sessions.end_others", ctx.tr(t::end_others)))
    ctx.confirm.ask(ui::confirm::end_other_sessions(ctx.language), [this, &ctx] { end_other_sessions(ctx); });
}

// A card: the device, when it signed in and was last used, from where; "end" asks first.
void AccountScreen::draw_session(app::Context& ctx, std::size_t i) {
  const domain::SignedInSession& s = sessions_[i];
  const std::string id = "account.session." + std::to_string(i);
  const bool thai = ctx.language == ui::Language::th;
  std::string title = device_name(ctx, s.device);
  if (s.current) title += " · " + std::string(ctx.tr(t::this_device));
  style::banner(s.current ? style::banner_info_bg : card_background, style::brand, [&] {
    widgets::text_wrapped(title);
    test_hook::record_item(id, "text", title, s.current ? "current" : "");
    ImGui::PushStyleColor(ImGuiCol_Text, style::muted_text);
    widgets::text_wrapped(std::string(ctx.tr(t::signed_in_at)) + " " + domain::format_thai_time(s.created_at, thai));
    widgets::text_wrapped(std::string(ctx.tr(t::last_used_at)) + " " + ctx.when(s.last_seen_at));
    widgets::text_wrapped(std::string(ctx.tr(t::from_address)) + " " + s.address);
    ImGui::PopStyleColor();
    if (s.current) return;
    if (widgets::button((id + ".end").c_str(), ctx.tr(t::end_session))) {
      notice_ = nullptr;
      ctx.confirm.ask(ui::confirm::end_session(ctx.language, device_name(ctx, s.device)),
                      [this, &ctx, sid = s.id] { end_one_session(ctx, sid); });
    }
  });
  ImGui::Spacing();
}

void AccountScreen::load_sessions(app::Context& ctx) {
  sessions_pending_.reset();
  sessions_loading_ = true;
  ctx.api.get("/api/v1/me/sessions", sessions_pending_.guard([this](const api::Reply& r) {
    sessions_loading_ = false;
    if (!r.ok()) {
      sessions_errors_.take(r);
      return;
    }
    auto parsed = domain::sessions_from_json(r.body);
    sessions_errors_.clear();
    if (!parsed) {
      sessions_errors_.set(parsed.error());
      return;
    }
    sessions_ = std::move(parsed.value());
  }));
}

void AccountScreen::end_one_session(app::Context& ctx, const std::string& id) {
  ctx.api.del("/api/v1/me/sessions/" + id, sessions_pending_.guard([this, &ctx](const api::Reply& r) {
    // 404: it had ended already (expired, or ended elsewhere); the list is reloaded either way.
    if (!r.ok() && r.status != 404) {
      sessions_errors_.take(r);
      return;
    }
    notice_ = &t::ended_one;
    load_sessions(ctx);
  }));
}

void AccountScreen::end_other_sessions(app::Context& ctx) {
  ctx.api.post("/api/v1/me/sessions/end-others", nlohmann::json::object(),
               sessions_pending_.guard([this, &ctx](const api::Reply& r) {
                 if (!r.ok()) {
                   sessions_errors_.take(r);
                   return;
                 }
                 notice_ = &t::ended_others;
                 load_sessions(ctx);
               }));
}

}  // namespace accounts
