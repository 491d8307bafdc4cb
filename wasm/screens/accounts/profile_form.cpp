#include "wasm/screens/accounts/profile_form.hpp"

#include "shared/ui/strings_account_screens.hpp"
#include "shared/ui/strings_identity.hpp"
#include "wasm/widgets/test_hook.hpp"
#include "wasm/widgets/widgets.hpp"

namespace accounts {
namespace {

std::optional<domain::FieldError> problem(const domain::Checked<std::string>& c) {
  if (c) return std::nullopt;
  return c.error();
}

std::vector<std::string> title_options() {
  std::vector<std::string> out;
  for (auto t : domain::common_titles()) out.emplace_back(t);
  return out;
}

}  // namespace

void ProfileForm::fill(const domain::Profile& p) {
  p_ = p;
  title_ = -1;
  const auto& titles = domain::common_titles();
  for (size_t i = 0; i < titles.size(); ++i)
    if (titles[i] == p.title) title_ = int(i);
  errors_.clear();
}

void ProfileForm::check(std::string_view field) {
  const std::string w = wire(field);
  if (field == "title") errors_.check(w, problem(domain::check_title(p_.title, w)));
  else if (field == "first_name") errors_.check(w, problem(domain::check_person_name(p_.first_name, w)));
  else if (field == "last_name") errors_.check(w, problem(domain::check_person_name(p_.last_name, w)));
  else if (field == "position") errors_.check(w, problem(domain::check_position(p_.position, w)));
  else if (field == "phone") errors_.check(w, problem(domain::check_mobile_phone(p_.phone, w)));
  else if (field == "email")
    errors_.check(w, problem(domain::check_email(p_.email, email_ == domain::EmailRule::required, w)));
}

bool ProfileForm::check_all() {
  for (auto f : {"title", "first_name", "last_name", "phone", "email"}) check(f);
  if (with_position_) check("position");
  return errors_.empty();
}

bool ProfileForm::shows(std::string_view wire_field) const {
  for (auto f : {"title", "first_name", "last_name", "position", "phone", "email"})
    if (wire(f) == wire_field && (with_position_ || std::string_view(f) != "position")) return true;
  return false;
}

void ProfileForm::lock_names(const std::string& title, const std::string& first_name, const std::string& last_name) {
  p_.title = title, p_.first_name = first_name, p_.last_name = last_name;
  for (auto f : {"title", "first_name", "last_name"}) errors_.clear(wire(f));
  names_locked_ = true;
  title_given_ = !title.empty();
}

void ProfileForm::draw(app::Context& ctx, float width) {
  using namespace ui::text;
  auto id = [&](const char* f) { return id_ + "." + f; };
  if (names_locked_) {
    if (!title_given_) draw_title(ctx, width);  // a provider that gives no title: the person picks it
    const std::string names = p_.title + p_.first_name + " " + p_.last_name;
    widgets::text(std::string(ctx.tr(profile_first_name)) + " / " + std::string(ctx.tr(profile_last_name)) + ": " + names);
    test_hook::record_item(id("names").c_str(), "text", names);
    widgets::text_wrapped(ctx.tr(identity_names_from_provider));
  } else {
    draw_names(ctx, width);
  }
  std::vector<Row> rows;
  if (with_position_) rows.push_back({"position", profile_position, p_.position});
  rows.push_back({"phone", profile_phone, p_.phone});
  rows.push_back({"email", email_ == domain::EmailRule::required ? profile_email : profile_email_optional, p_.email});
  draw_rows(ctx, rows, width);
}

void ProfileForm::draw_names(app::Context& ctx, float width) {
  using namespace ui::text;
  draw_title(ctx, width);
  std::vector<Row> rows = {{"first_name", profile_first_name, p_.first_name},
                           {"last_name", profile_last_name, p_.last_name}};
  draw_rows(ctx, rows, width);
}

void ProfileForm::draw_title(app::Context& ctx, float width) {
  using namespace ui::text;
  static const std::vector<std::string> titles = title_options();
  auto id = [&](const char* f) { return id_ + "." + f; };
  widgets::text(ctx.tr(profile_title));
  if (widgets::combo(id("title").c_str(), ctx.tr(profile_title), titles, title_, width)) {
    p_.title = titles[size_t(title_)];
    check("title");
  }
  widgets::field_error(id("title").c_str(), errors_.of(wire("title")), ctx.language);
}

void ProfileForm::draw_rows(app::Context& ctx, std::vector<Row>& rows, float width) {
  auto id = [&](const char* f) { return id_ + "." + f; };
  for (auto& r : rows) {
    // Checked as typed once the field holds something; an empty field waits for "send".
    if (widgets::field(id(r.field).c_str(), ctx.tr(r.label), r.value, errors_.of(wire(r.field)),
                       ctx.language, widgets::Field::text, width).changed) {
      if (r.value.empty()) errors_.clear(wire(r.field));
      else check(r.field);
    }
  }
}

}  // namespace accounts
