#include "wasm/screens/registration/register_screen.hpp"

#include <imgui.h>

#include "shared/contact/phone.hpp"
#include "shared/directory/institution_code.hpp"
#include "shared/otp/otp_policy.hpp"
#include "shared/registration/signed_letter.hpp"
#include "shared/ui/strings_registration.hpp"
#include "wasm/api/wire.hpp"
#include "wasm/app/context.hpp"
#include "wasm/app/style.hpp"
#include "wasm/widgets/test_hook.hpp"

namespace registration {

using namespace ui::text;

bool RegisterScreen::step_ok(int step) {
  errors_.clear();
  if (step == 0) {
    errors_.check("affiliation", [&]() -> std::optional<domain::FieldError> {
      auto a = domain::check_affiliation(form_.affiliation);
      if (a) return std::nullopt;
      return a.error();
    }());
  } else if (step == 1) {
    if (!chosen_) errors_.set({"institution_required", "institution_code", std::string(reg_choose_institution.th),
                               std::string(reg_choose_institution.en)});
    else if (auto p = domain::institution_problem(form_.affiliation, chosen_->code, &*chosen_)) errors_.set(*p);
    else if (!open_.empty() && !supersede_)
      errors_.set({"supersede_required", "supersede", std::string(reg_supersede_required.th),
                   std::string(reg_supersede_required.en)});
  } else if (step == 2 || step == 3) {
    for (const auto& e : domain::registration_problems(form_)) {
      const bool legacy = e.field.rfind("legacy.", 0) == 0, officer = e.field.rfind("officer.", 0) == 0;
      // Proved by the provider: its names and national ID, which the client never holds in full.
      if (proved() && (e.field == "officer.first_name" || e.field == "officer.last_name" ||
                       e.field == "officer.national_id" || (e.field == "officer.title" && !form_.officer.title.empty())))
        continue;
      if ((step == 2 && legacy) || (step == 3 && officer)) errors_.set(e);
    }
  }
  return errors_.empty();
}

void RegisterScreen::open(app::Context& ctx, const app::Route& route) {
  // What was typed stays (back and forth between screens); only the way in changes.
  resuming_ = route.param(0) == "resume";
  if (resuming_ && !route.get("code").empty()) resume_code_ = route.get("code");
  if (resuming_ && resume_code_.empty()) resume_code_ = form_.institution_code;
  errors_.clear();
  identity_.open(ctx, route);
  // From the home page's search: start at the institution step with it chosen (only before
  // the OTP, while nothing has been sent).
  const std::string wanted = route.get("institution");
  if (!resuming_ && !wanted.empty() && step_ <= 3 && (!chosen_ || chosen_->code != wanted))
    ctx.api.get("/api/v1/institutions" + api::query({{"code", wanted}}),
                pending_.guard([this, &ctx, wanted](const api::Reply& r) {
                  if (!r.ok() || !r.body.is_array() || r.body.size() != 1) return;
                  auto in = r.body[0].get<domain::Institution>();
                  if (in.code != wanted) return;
                  form_.affiliation = in.affiliation;
                  form_.institution_code = in.code;
                  found_ = {in};
                  searched_ = true;
                  chosen_ = in;
                  step_ = 1;
                  load_open_registrations(ctx);
                }));
}

void RegisterScreen::draw(app::Context& ctx) {
  now_ = ctx.now;
  if (resuming_) return draw_resume(ctx);
  widgets::heading(ctx.tr(reg_title), ctx.fonts.title);
  widgets::help_link("reg.help", "registration", ctx.language);
  widgets::steps("reg.steps",
                 {ctx.tr(reg_step_affiliation), ctx.tr(reg_step_institution), ctx.tr(reg_step_legacy),
                  ctx.tr(reg_step_holder), ctx.tr(reg_step_otp), ctx.tr(reg_step_letter), ctx.tr(reg_step_upload),
                  ctx.tr(reg_step_status)},
                 step_);
  ImGui::Spacing();
  switch (step_) {
    case 0: draw_affiliation(ctx); break;
    case 1: draw_institution(ctx); break;
    case 2: draw_legacy(ctx); break;
    case 3: draw_holder(ctx); break;
    case 4: draw_otp(ctx); break;
    case 5: draw_letter(ctx); break;
    case 6: draw_upload(ctx); break;
    default:
      switch (status_panel_.draw(ctx)) {
        case StatusPanel::Choice::upload_letter: step_ = 5; break;
        case StatusPanel::Choice::register_again: step_ = 0; registration_id_.clear(); token_.clear(); break;
        case StatusPanel::Choice::none: break;
      }
      break;
  }
  widgets::error_banner("reg.error",
                        errors_.general({"affiliation", "institution_code", "legacy.tsl_username",
                                         "legacy.kiddiary_username", "officer.title", "officer.first_name",
                                         "officer.last_name", "officer.national_id", "officer.position",
                                         "officer.phone", "officer.email", "code", "username", "national_id", "file",
                                         "supersede"}),
                        ctx.language);
  // Steps 1-4 move freely; from the OTP on, the registration exists and only goes forward.
  if (step_ <= 3) {
    ImGui::Spacing();
    if (step_ > 0 && widgets::button("reg.back", ctx.tr(reg_back))) {
      errors_.clear();
      --step_;
    }
    if (step_ > 0) ImGui::SameLine();
    if (widgets::primary_button("reg.next", ctx.tr(reg_next), !busy_) && step_ok(step_)) {
      if (step_ == 3 && proved()) return submit(ctx);  // the proof stands in for the OTP
      ++step_;
      if (step_ == 4) send_otp(ctx);
    }
  }
}

void RegisterScreen::draw_affiliation(app::Context& ctx) {
  identity_.draw(ctx);
  if (const auto& p = identity_.proved(); p && form_.officer.first_name != p->first_name) {
    form_.officer.title = p->title, form_.officer.first_name = p->first_name, form_.officer.last_name = p->last_name;
    form_.national_id.clear();
  }
  for (const auto& a : domain::affiliations()) {
    const std::string id = "reg.affiliation." + std::string(a.id);
    const std::string label = std::string(ctx.language == ui::Language::th ? a.name_th : a.name_en);
    if (a.open) {
      if (widgets::choice(id.c_str(), label, form_.affiliation == a.id)) {
        if (form_.affiliation != a.id) chosen_.reset();
        form_.affiliation = std::string(a.id);
        errors_.clear("affiliation");
      }
    } else {
      widgets::text_colored(style::muted_text, label + " (" + std::string(ctx.tr(reg_not_open)) + ")");
    }
  }
  widgets::field_error("reg.affiliation", errors_.of("affiliation"), ctx.language);
  ImGui::Spacing();
  if (widgets::link("reg.resume", ctx.tr(reg_resume_link))) ctx.nav.go("#/register/resume");
}

void RegisterScreen::draw_institution(app::Context& ctx) {
  auto search = [this, &ctx](std::vector<std::pair<std::string, std::string>> params) {
    params.emplace_back("affiliation", form_.affiliation);
    errors_.clear();
    ctx.api.get("/api/v1/institutions" + api::query(params), pending_.guard([this](const api::Reply& r) {
                  searched_ = true;
                  found_.clear();
                  if (errors_.take(r) || !r.body.is_array()) return;
                  for (const auto& j : r.body) found_.push_back(j.get<domain::Institution>());
                }));
  };
  auto code = widgets::field("reg.code", ctx.tr(reg_code), form_.institution_code, errors_.of("institution_code"),
                             ctx.language);
  if (widgets::button("reg.find_code", ctx.tr(reg_find_code)) || code.submitted) {
    auto c = domain::parse_institution_code(form_.institution_code);
    if (!c) errors_.set(domain::in_field(c.error(), "institution_code"));
    else search({{"code", c.value()}});
  }
  widgets::field("reg.name", ctx.tr(reg_name), name_query_, nullptr, ctx.language);
  auto province = widgets::field("reg.province", ctx.tr(reg_province), province_query_, nullptr, ctx.language);
  if (widgets::button("reg.find_name", ctx.tr(reg_find_name)) || province.submitted)
    search({{"q", name_query_}, {"province", province_query_}});

  for (std::size_t i = 0; i < found_.size() && i < 30; ++i) {
    const auto& in = found_[i];
    const std::string id = "reg.result." + in.code;
    if (widgets::row(id.c_str(), in.code + "  " + in.name_th + " (" + in.district + ", " + in.province + ")",
                     in.name_th + " " + in.district + " " + in.province,
                     chosen_ && chosen_->code == in.code)) {
      if (!chosen_ || chosen_->code != in.code) {
        chosen_ = in;
        form_.institution_code = in.code;
        load_open_registrations(ctx);
      }
      errors_.clear("institution_code");
    }
  }
  if (searched_ && found_.empty())
    style::banner(style::banner_info_bg, style::banner_info_text, [&] {
      widgets::text_wrapped(ctx.language == ui::Language::th ? domain::institution_not_found_advice_th
                                                             : domain::institution_not_found_advice_en);
    });
  if (chosen_) widgets::text(std::string(ctx.tr(reg_chosen)) + " " + chosen_->code + " " + chosen_->name_th);
  draw_open_registrations(ctx);
}

void RegisterScreen::load_open_registrations(app::Context& ctx) {
  open_.clear();
  supersede_ = false;
  ctx.api.get("/api/v1/registrations" + api::query({{"institution_code", form_.institution_code}}),
              pending_.guard([this, code = form_.institution_code](const api::Reply& r) {
                if (!r.ok() || code != form_.institution_code || !r.body.contains("open")) return;
                open_ = r.body["open"].get<std::vector<domain::OpenRegistration>>();
              }));
}

void RegisterScreen::draw_open_registrations(app::Context& ctx) {
  if (open_.empty()) return;
  bool resumable = false;
  style::banner(style::banner_warning_bg, style::banner_warning_text, [&] {
    widgets::text_wrapped(ctx.tr(reg_open_intro));
    for (std::size_t i = 0; i < open_.size(); ++i) {
      const auto& o = open_[i];
      resumable = resumable || domain::can_resume(o.status);
      const auto day = domain::started_on(o);
      const std::string line = "• " + (ctx.language == ui::Language::th
                                           ? std::string(domain::status_name_th(o.status)) + ", " +
                                                 std::string(ctx.tr(reg_open_started)) + " " +
                                                 domain::format_thai_date_short(day)
                                           : std::string(domain::status_name_en(o.status)) + ", " +
                                                 std::string(ctx.tr(reg_open_started)) + " " + domain::to_iso(day)) +
                               ", " + std::string(ctx.tr(reg_open_phone)) + " " + o.phone_hint;
      widgets::text_wrapped(line);
      test_hook::record_item("reg.open." + std::to_string(i), "text", line, std::string(domain::to_string(o.status)));
    }
  });
  if (resumable && widgets::button("reg.open.resume", ctx.tr(reg_open_resume))) {
    resume_code_ = form_.institution_code;
    ctx.nav.go("#/register/resume");
  }
  if (widgets::checkbox("reg.supersede", ctx.tr(reg_supersede), supersede_)) errors_.clear("supersede");
  widgets::field_error("reg.supersede", errors_.of("supersede"), ctx.language);
}

void RegisterScreen::draw_legacy(app::Context& ctx) {
  widgets::text_wrapped(ctx.tr(reg_legacy_intro));
  if (widgets::field("reg.tsl", ctx.tr(reg_tsl), form_.tsl_username, errors_.of("legacy.tsl_username"), ctx.language).changed)
    errors_.check("legacy.tsl_username", [&]() -> std::optional<domain::FieldError> {
      auto c = domain::check_legacy_username(form_.tsl_username, "legacy.tsl_username");
      return c ? std::nullopt : std::optional(c.error());
    }());
  if (widgets::field("reg.kiddiary", ctx.tr(reg_kiddiary), form_.kiddiary_username,
                     errors_.of("legacy.kiddiary_username"), ctx.language).changed)
    errors_.check("legacy.kiddiary_username", [&]() -> std::optional<domain::FieldError> {
      auto c = domain::check_legacy_username(form_.kiddiary_username, "legacy.kiddiary_username");
      return c ? std::nullopt : std::optional(c.error());
    }());
}

void RegisterScreen::draw_holder(app::Context& ctx) {
  struct F { const char* id; const ui::Text& label; std::string* value; const char* field; };
  const F fields[] = {
      {"reg.title", reg_title_field, &form_.officer.title, "officer.title"},
      {"reg.first_name", reg_first_name, &form_.officer.first_name, "officer.first_name"},
      {"reg.last_name", reg_last_name, &form_.officer.last_name, "officer.last_name"},
      {"reg.national_id", reg_national_id, &form_.national_id, "officer.national_id"},
      {"reg.position", reg_position, &form_.officer.position, "officer.position"},
      {"reg.phone", reg_phone, &form_.officer.phone, "officer.phone"},
      {"reg.email", reg_email, &form_.officer.email, "officer.email"},
  };
  for (const auto& f : fields) {
    if (proved() && (f.value == &form_.officer.first_name || f.value == &form_.officer.last_name ||
                     f.value == &form_.national_id || (f.value == &form_.officer.title && !identity_.proved()->title.empty()))) {
      if (f.value == &form_.national_id) {
        const std::string line = std::string(ctx.tr(f.label)) + ": " + identity_.proved()->id_masked;
        widgets::text(line);
        test_hook::record_item(f.id, "text", line);
      } else {
        widgets::text(std::string(ctx.tr(f.label)) + ": " + *f.value);
      }
      continue;
    }
    if (!widgets::field(f.id, ctx.tr(f.label), *f.value, errors_.of(f.field), ctx.language).changed) continue;
    // Inline: this field's rule as the user types (blank fields are judged at "next").
    std::optional<domain::FieldError> problem;
    for (const auto& e : domain::registration_problems(form_))
      if (e.field == f.field && !f.value->empty()) problem = e;
    errors_.check(f.field, problem);
  }
}

void RegisterScreen::send_otp(app::Context& ctx) {
  busy_ = true;
  ctx.api.post("/api/v1/otp", {{"phone", form_.officer.phone}, {"purpose", "registration"}},
               pending_.guard([this](const api::Reply& r) {
                 busy_ = false;
                 if (errors_.take(r)) return;
                 otp_id_ = r.body.value("otp_id", "");
                 otp_ref_ = r.body.value("ref", "");
               }));
}

void RegisterScreen::submit(app::Context& ctx) {
  auto body = domain::to_json(form_);
  if (proved()) body["identity_token"] = identity_.token();
  else body["otp_token"] = otp_token_;
  body["supersede"] = supersede_;
  busy_ = true;
  ctx.api.post("/api/v1/registrations", body, pending_.guard([this, &ctx](const api::Reply& c) {
                 busy_ = false;
                 if (c.code() == "registration_open" && c.error) {  // begun meanwhile: show it and ask
                   load_open_registrations(ctx);
                   auto e = *c.error;
                   e.field = "supersede";
                   return errors_.set(e);
                 }
                 if (c.code() == "identity_token_invalid") identity_.reset();  // spent or lapsed: prove again, or type
                 if (errors_.take(c)) return;
                 otp_token_.clear();
                 identity_.reset();  // spent: a registration made again proves again
                 registration_id_ = std::to_string(c.body.value("registration_id", 0));
                 token_ = c.body.value("registration_token", "");
                 username_ = c.body.value("username", "");
                 superseded_any_ = c.body.contains("superseded") && !c.body["superseded"].empty();
                 step_ = 5;
               }));
}

void RegisterScreen::draw_otp(app::Context& ctx) {
  if (!otp_ref_.empty()) widgets::text(std::string(ctx.tr(reg_otp_sent)) + " " + otp_ref_);
  if (otp_token_.empty())
    widgets::field("reg.otp", ctx.tr(reg_otp_code), otp_code_, errors_.of("code"), ctx.language);
  draw_open_registrations(ctx);
  const bool ready = !busy_ && !otp_id_.empty() && (open_.empty() || supersede_);
  if (widgets::primary_button("reg.verify", ctx.tr(reg_otp_verify), ready)) {
    errors_.clear();
    if (!otp_token_.empty()) return submit(ctx);  // the phone is proven already
    auto code = domain::check_otp_code(otp_code_);
    if (!code) return errors_.set(code.error());
    busy_ = true;
    ctx.api.post("/api/v1/otp/verify", {{"otp_id", otp_id_}, {"code", code.value()}},
                 pending_.guard([this, &ctx](const api::Reply& r) {
                   busy_ = false;
                   if (errors_.take(r)) return;
                   otp_token_ = r.body.value("otp_token", "");
                   submit(ctx);
                 }));
  }
  if (otp_token_.empty()) {
    ImGui::SameLine();
    if (widgets::button("reg.resend", ctx.tr(reg_otp_resend))) send_otp(ctx);
  }
  if (!errors_.empty() && errors_.of("officer.phone")) {  // a refused phone: back to the form
    if (widgets::button("reg.back", ctx.tr(reg_back))) step_ = 3;
  }
}

void RegisterScreen::draw_letter(app::Context& ctx) {
  widgets::text(std::string(ctx.tr(reg_registered)) + " " + username_);
  if (superseded_any_) widgets::text_wrapped(ctx.tr(reg_superseded_done));
  widgets::text_wrapped(ctx.tr(reg_letter_intro));
  if (widgets::button("reg.letter", ctx.tr(reg_letter_download)))
    ctx.api.download("/api/v1/registrations/" + registration_id_ + "/letter.pdf", "letter-" + username_ + ".pdf",
                     [this](const api::Reply& r, const std::string&) { errors_.take(r); }, token_);
  if (widgets::primary_button("reg.next", ctx.tr(reg_next))) {
    step_ = 6;
    // Nothing asked twice: what this session typed fills the upload's proof of identity.
    if (upload_username_.empty()) upload_username_ = username_;
    if (upload_national_id_.empty()) upload_national_id_ = form_.national_id;
  }
}

void RegisterScreen::draw_upload(app::Context& ctx) {
  widgets::text_wrapped(ctx.tr(reg_upload_intro));
  widgets::field("reg.upload.username", ctx.tr(reg_username), upload_username_, errors_.of("username"), ctx.language);
  widgets::field("reg.upload.national_id", ctx.tr(reg_national_id), upload_national_id_, errors_.of("national_id"),
                 ctx.language);
  if (widgets::file_picker("reg.file", ".jpg,.jpeg,.pdf", file_, ctx.language)) {
    errors_.clear("file");
    progress_ = 0;
    auto kind = domain::check_letter_file(file_.bytes);  // type and size before sending
    if (!kind) errors_.set(kind.error());
  }
  widgets::field_error("reg.file", errors_.of("file"), ctx.language);
  widgets::progress_bar("reg.progress", progress_);
  if (widgets::primary_button("reg.upload", ctx.tr(reg_upload), !busy_ && !file_.name.empty() && !errors_.of("file"))) {
    errors_.clear();
    auto identity = domain::check_upload_identity(upload_username_, upload_national_id_, username_);
    if (!identity) {
      errors_.set(identity.error());
      return;
    }
    busy_ = true;
    ctx.api.upload("/api/v1/registrations/" + registration_id_ + "/signed-letter",
                   {{"username", upload_username_, "", ""},
                    {"national_id", upload_national_id_, "", ""},
                    {"file", file_.bytes, file_.name, ""}},
                   pending_.guard([this, &ctx](const api::Reply& r) {
                     busy_ = false;
                     if (errors_.take(r)) return;
                     progress_ = 1;
                     step_ = 7;
                     status_panel_.load(ctx, registration_id_, token_);
                   }),
                   [this](double sent, double total) { progress_ = total > 0 ? float(sent / total) : 0; }, token_);
  }
}

}  // namespace registration
