#include "wasm/screens/lec/child_form.hpp"

#include <imgui.h>

#include <ctime>

#include "shared/lec/child.hpp"
#include "shared/ui/strings_lec.hpp"
#include "shared/ui/strings_lec_register.hpp"
#include "wasm/api/wire.hpp"
#include "wasm/app/context.hpp"
#include "wasm/app/style.hpp"
#include "wasm/screens/lec/lec_common.hpp"
#include "wasm/widgets/test_hook.hpp"
#include "wasm/widgets/widgets.hpp"

namespace lec_screens {

using namespace ui::text::lec_register;
using nlohmann::json;

namespace {

const char* const kFields[] = {"id_number", "title", "first_name", "last_name", "sex", "birth_date", "level", "room"};

// The levels a kind of institution takes: a centre cdc, a school k1..m6.
std::vector<domain::Level> offered(domain::InstitutionType type) {
  std::vector<domain::Level> out;
  for (const auto& l : domain::levels())
    if (!domain::check_level_offered(l.level, type)) out.push_back(l.level);
  return out;
}

}  // namespace

domain::Date today() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

void ChildForm::start(int year, const std::string& institution_code, domain::InstitutionType type,
                      const domain::lec_wire::ChildRow* row) {
  year_ = year;
  code_ = institution_code;
  type_ = type;
  id_number_ = title_ = first_name_ = last_name_ = birth_date_ = room_ = masked_ = {};
  sex_ = level_ = -1;
  editing_.reset();
  elsewhere_.reset();
  touched_.clear();
  errors_.clear();
  pending_.reset();
  saving_ = false;
  open_ = true;
  if (!row) return;
  editing_ = row->id;
  masked_ = row->id_masked;
  title_ = row->title;
  first_name_ = row->first_name;
  last_name_ = row->last_name;
  sex_ = row->sex == domain::Sex::m ? 0 : 1;
  if (row->birth_date) birth_date_ = domain::format_be_date(*row->birth_date);
  const auto levels = offered(type);
  for (std::size_t i = 0; i < levels.size(); ++i)
    if (levels[i] == row->level) level_ = int(i);
  room_ = row->room;
}

json ChildForm::body() const {
  const auto levels = offered(type_);
  json b = {{"title", title_}, {"first_name", first_name_}, {"last_name", last_name_}, {"room", room_},
            {"sex", sex_ < 0 ? "" : sex_ == 0 ? "m" : "f"},
            {"level", level_ < 0 ? std::string() : std::string(domain::to_string(levels[level_]))}};
  // Typed B.E. (what the user reads everywhere), sent C.E. ISO; what does not parse goes
  // as typed, so the rule names the problem.
  auto d = domain::parse_be_date(birth_date_);
  b["birth_date"] = d ? domain::to_iso(d.value()) : birth_date_;
  if (!editing_ || !id_number_.empty()) b["id_number"] = id_number_;
  return b;
}

void ChildForm::check(const std::string& field) {
  touched_.insert(field);
  errors_.clear(field);
  if (field == "birth_date" && !birth_date_.empty() && !domain::parse_be_date(birth_date_)) {
    errors_.set(domain::in_field(domain::parse_be_date(birth_date_).error(), "birth_date"));
    return;
  }
  json b = body();
  if (editing_ && !b.contains("id_number")) b["id_number"] = "G000000000000";  // kept: not the user's to check
  for (const auto& e : domain::child_problems(b, year_, today(), type_))
    if (e.field == field) {
      errors_.set(e);
      break;
    }
}

void ChildForm::check_all() {
  for (const char* f : kFields) check(f);
}

void ChildForm::submit(app::Context& ctx, bool move_in, const Saved& saved) {
  check_all();
  if (!errors_.empty()) return;
  saving_ = true;
  json b = body();
  auto done = [this, saved](const api::Reply& r) {
    saving_ = false;
    if (!r.ok()) {
      errors_.take(r);
      if (r.code() == "child_enrolled_elsewhere") {
        elsewhere_ = domain::lec_wire::enrolled_at_of(r.body);
        if (!elsewhere_) elsewhere_ = domain::lec_wire::OrgRef{};
        errors_.clear("id_number");  // shown with its own action below
      }
      return;
    }
    open_ = false;
    saved(domain::lec_wire::voided_of(r.body));
  };
  const std::string base = lec_path(year_, "/institutions/" + code_ + "/children");
  if (editing_) {
    // Without "id_number" the server keeps the record's ID (the client holds only its mask).
    ctx.api.put(base + "/" + std::to_string(*editing_), b, pending_.guard(done));
  } else {
    b["move_in"] = move_in;
    ctx.api.post(base, b, pending_.guard(done));
  }
}

bool ChildForm::draw(app::Context& ctx, const Saved& saved) {
  if (!open_) return false;
  const auto lang = ctx.language;
  heading_wrapped(ctx.tr(editing_ ? edit_title : add_title), ctx.fonts.title);
  auto edited = [&](bool changed, const char* f) {
    if (changed) check(f);
  };
  std::string id_label(ctx.tr(id_number));
  if (editing_) id_label += "  (" + std::string(ctx.tr(id_keep)) + masked_ + ")";
  edited(widgets::field("lecf.id_number", id_label, id_number_, errors_.of("id_number"), lang).changed, "id_number");
  if (elsewhere_) {
    const std::string where = std::string(ctx.tr(elsewhere)) + elsewhere_->name_th +
                              (elsewhere_->code.empty() ? "" : " (" + elsewhere_->code + ")");
    style::banner(style::banner_warning_bg, style::banner_warning_text, [&] {
      widgets::text_wrapped(where);
      test_hook::record_item("lecf.elsewhere", "error", where, elsewhere_->code);
      if (widgets::primary_button("lecf.take_over", ctx.tr(take_over), !saving_)) submit(ctx, true, saved);
    });
  }
  edited(widgets::field("lecf.title", ctx.tr(child_title), title_, errors_.of("title"), lang).changed, "title");
  edited(widgets::field("lecf.first_name", ctx.tr(first_name), first_name_, errors_.of("first_name"), lang).changed,
         "first_name");
  edited(widgets::field("lecf.last_name", ctx.tr(last_name), last_name_, errors_.of("last_name"), lang).changed,
         "last_name");
  widgets::text_wrapped(ctx.tr(sex));
  if (widgets::choice("lecf.sex.m", ctx.tr(male), sex_ == 0)) sex_ = 0, check("sex");
  beside(ctx.tr(female));
  if (widgets::choice("lecf.sex.f", ctx.tr(female), sex_ == 1)) sex_ = 1, check("sex");
  widgets::field_error("lecf.sex", errors_.of("sex"), lang);
  edited(widgets::field("lecf.birth_date", ctx.tr(birth_date), birth_date_, errors_.of("birth_date"), lang).changed,
         "birth_date");
  widgets::text_wrapped(ctx.tr(level));
  std::vector<std::string> names;
  for (auto l : offered(type_)) names.push_back(level_name(l, lang));
  if (widgets::combo("lecf.level", ctx.tr(level), names, level_, 220)) {
    check("level");
    if (touched_.count("birth_date")) check("birth_date");
  }
  widgets::field_error("lecf.level", errors_.of("level"), lang);
  edited(widgets::field("lecf.room", ctx.tr(room_optional), room_, errors_.of("room"), lang).changed, "room");

  widgets::error_banner("lecf.error", errors_.general_if([](const std::string& f) {
                          for (const char* k : kFields)
                            if (f == k) return true;
                          return false;
                        }),
                        lang);
  if (saving_) text_colored_wrapped(style::muted_text, ctx.tr(ui::text::lec::working));
  if (widgets::primary_button("lecf.save", ctx.tr(ui::text::lec::save), !saving_)) submit(ctx, false, saved);
  beside(ctx.tr(ui::text::lec::cancel));
  if (widgets::button("lecf.cancel", ctx.tr(ui::text::lec::cancel))) open_ = false;
  return open_;
}

}  // namespace lec_screens
