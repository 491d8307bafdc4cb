#include "wasm/screens/kpi/kpi_editor_screen.hpp"

#include <imgui.h>

#include <algorithm>

#include "shared/kpi/evidence_file.hpp"
#include "shared/kpi/kpi_definition.hpp"
#include "shared/ui/confirmations.hpp"
#include "shared/ui/strings_kpi.hpp"
#include "shared/ui/strings_kpi_manage.hpp"
#include "wasm/app/context.hpp"
#include "wasm/app/style.hpp"
#include "wasm/screens/kpi/kpi_about.hpp"
#include "wasm/screens/kpi/manage_screen.hpp"
#include "wasm/screens/kpi/stats_screen.hpp"
#include "wasm/widgets/test_hook.hpp"

namespace kpi_screens {

using namespace ui::text::kpi_manage;
using nlohmann::json;

namespace {

constexpr domain::KpiType kKpiTypes[] = {domain::KpiType::score_1_5, domain::KpiType::percentage};
constexpr domain::Cadence kCadences[] = {domain::Cadence::monthly, domain::Cadence::quarterly,
                                         domain::Cadence::half_year, domain::Cadence::once};
const ui::Text* const kCadenceNames[] = {&cadence_monthly, &cadence_quarterly, &cadence_half_year, &cadence_once};
const char* const kDocumentKinds[] = {"description", "assessment_tool", "other"};
const ui::Text* const kDocumentKindNames[] = {&kind_description, &kind_assessment_tool, &kind_other};
// The form's fields by their wire names; the widget of field f is "kpie." + f.
const char* const kFields[] = {"number", "name", "description", "type", "criteria",
                               "owner_group", "cadence", "open_periods", "status"};

// "criteria[2]" -> "criteria": the form shows one field for the whole list.
std::string form_field(std::string_view wire) { return std::string(wire.substr(0, wire.find('['))); }

bool shown(const std::string& field) {
  return std::any_of(std::begin(kFields), std::end(kFields), [&](const char* f) { return field == f; });
}

template <class T, std::size_t N>
int index_of(const T (&all)[N], const T& v) {
  for (std::size_t i = 0; i < N; ++i)
    if (all[i] == v) return int(i);
  return -1;
}

}  // namespace

void KpiEditorScreen::open(app::Context& ctx, const app::Route& route) {
  pending_.reset();
  doc_pending_.reset();
  form_ = {};
  touched_.clear();
  errors_.clear();
  doc_errors_.clear();
  periods_ = documents_ = json::array();
  saving_ = uploading_ = fix_first_ = false;
  saved_ = route.get("saved") == "1";
  saved_cadence_ = -1;
  doc_kind_ = 0;
  doc_label_.clear();
  doc_notice_.clear();
  doc_file_ = {};
  doc_progress_ = 0;
  year_ = route_year(route);
  const std::string id = route.param(0);
  id_ = 0;
  loading_ = false;
  if (id == "new" || id.empty() || id.size() > 18 || id.find_first_not_of("0123456789") != std::string::npos) return;
  id_ = std::stoll(id);
  loading_ = true;
  ctx.api.get("/api/v1/kpi/" + id, pending_.guard([this](const api::Reply& r) {
    loading_ = false;
    if (!errors_.take(r)) fill(r.body);
  }));
}

void KpiEditorScreen::fill(const json& k) {
  year_ = k.value("year", year_);
  form_.number = k.value("number", "");
  form_.name = k.value("name", "");
  form_.description = k.value("description", "");
  form_.owner_group = k.value("owner_group", "");
  auto type = domain::parse_kpi_type(k.value("type", ""));
  form_.type = type ? std::max(0, index_of(kKpiTypes, type.value())) : 0;
  std::vector<double> levels;
  for (const auto& v : k.value("criteria", json::array()))
    if (v.is_number()) levels.push_back(v.get<double>());
  form_.criteria = domain::criteria_text(levels);
  auto cadence = domain::parse_cadence(k.value("cadence", ""));
  form_.cadence = saved_cadence_ = cadence ? index_of(kCadences, cadence.value()) : -1;
  form_.open_periods = k.value("open_periods", std::vector<std::string>{});
  form_.closed = k.value("status", "") == "closed";
  periods_ = k.value("periods", json::array());
  documents_ = k.value("documents", json::array());
}

json KpiEditorScreen::body() const {
  json b = {{"year", year_},
            {"number", form_.number},
            {"name", form_.name},
            {"description", form_.description},
            {"type", domain::kpi_type_id(kKpiTypes[form_.type])},
            {"owner_group", form_.owner_group},
            {"status", form_.closed ? "closed" : "open"}};
  auto levels = domain::parse_criteria_text(form_.criteria);
  b["criteria"] = levels ? json(levels.value()) : json::array();
  b["cadence"] = form_.cadence >= 0 ? json(domain::cadence_id(kCadences[form_.cadence])) : json();
  json open = json::array();
  if (form_.cadence >= 0)  // in the cadence's order, only its own periods
    for (const auto& p : domain::periods_of(kCadences[form_.cadence])) {
      const std::string id = domain::period_id(p);
      if (std::find(form_.open_periods.begin(), form_.open_periods.end(), id) != form_.open_periods.end())
        open.push_back(id);
    }
  b["open_periods"] = open;
  return b;
}

std::optional<domain::FieldError> KpiEditorScreen::problem_of(std::string_view field) const {
  if (field == "criteria") {
    auto levels = domain::parse_criteria_text(form_.criteria);
    if (!levels) return levels.error();
  }
  for (const auto& e : domain::kpi_definition_problems(body()))
    if (form_field(e.field) == field) return e;
  return std::nullopt;
}

void KpiEditorScreen::edited(std::string_view field) {
  saved_ = fix_first_ = false;
  touched_.insert(std::string(field));
  errors_.check(field, problem_of(field));
  // Criteria are judged by the type, open periods by the cadence.
  if (field == "type" && touched_.count("criteria")) errors_.check("criteria", problem_of("criteria"));
  if (field == "cadence" && touched_.count("open_periods")) errors_.check("open_periods", problem_of("open_periods"));
}

void KpiEditorScreen::save(app::Context& ctx) {
  for (const char* f : kFields) {
    touched_.insert(f);
    errors_.check(f, problem_of(f));
  }
  fix_first_ = !errors_.empty();
  if (fix_first_) return;  // nothing is sent: the form says what to correct
  // Closing what already holds reports is said, with how many, before it is done.
  std::int64_t submitted = 0, reviewed = 0;
  std::string closing;
  const bool closing_kpi = std::any_of(periods_.begin(), periods_.end(), [](const json& p) { return p.value("open", false); }) && form_.closed;
  for (const auto& p : periods_) {
    const std::string id = p.value("period", "");
    const bool stays_open = !form_.closed && std::count(form_.open_periods.begin(), form_.open_periods.end(), id);
    if (!p.value("open", false) || stays_open || p.value("submitted", 0) == 0) continue;
    submitted += p.value("submitted", std::int64_t{0});
    reviewed += p.value("reviewed", std::int64_t{0});
    closing += (closing.empty() ? "" : ", ") + p.value(ctx.language == ui::Language::th ? "label_th" : "label_en", id);
  }
  if (submitted > 0)
    return ctx.confirm.ask(ui::confirm::close_reporting(ctx.language, form_.number + " " + form_.name,
                                                     closing_kpi ? "" : closing, submitted, reviewed),
                        [this, &ctx] { send(ctx); });
  send(ctx);
}

void KpiEditorScreen::send(app::Context& ctx) {
  saving_ = true;
  saved_ = false;
  const json b = body();
  auto done = pending_.guard([this, &ctx](const api::Reply& r) {
    saving_ = false;
    if (r.error) {
      errors_.set(domain::in_field(*r.error, form_field(r.error->field)));
      return;
    }
    const std::int64_t id = r.body.value("id", std::int64_t{0});
    if (id_ == 0) return ctx.nav.go(app::route_string({"kpi", "edit", std::to_string(id)}, {{"saved", "1"}}));
    fill(r.body);
    saved_ = true;
  });
  if (id_ == 0) ctx.api.post("/api/v1/kpi", b, done);
  else ctx.api.put("/api/v1/kpi/" + std::to_string(id_), b, done);
}

void KpiEditorScreen::draw(app::Context& ctx) {
  if (widgets::link("kpie.back", ctx.tr(back_to_list)))
    ctx.nav.go(app::route_string({"kpi", "manage"}, {{"year", std::to_string(year_)}}));
  widgets::heading(std::string(ctx.tr(id_ ? edit_title : new_title)) + " · " + std::string(ctx.tr(ui::text::kpi::fiscal_year)) +
                       " " + std::to_string(year_),
                   ctx.fonts.title);
  if (loading_) return widgets::text_colored(style::muted_text, ctx.tr(ui::text::kpi::loading));
  draw_form(ctx);

  widgets::error_banner("kpie.error", errors_.general_if(shown), ctx.language);
  if (fix_first_) widgets::text_colored(style::banner_error_text, ctx.tr(fix_fields));
  if (widgets::primary_button("kpie.save", ctx.tr(saving_ ? saving : ui::text::kpi_manage::save), !saving_)) save(ctx);
  if (saved_) {
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    widgets::text_colored(style::brand, ctx.tr(ui::text::kpi_manage::saved));
    test_hook::record_item("kpie.saved", "text", std::string(ctx.tr(ui::text::kpi_manage::saved)), std::to_string(id_));
  }
  ImGui::Separator();
  if (id_ == 0) return widgets::text_colored(style::muted_text, ctx.tr(assign_after_save));
  draw_documents(ctx);
}

void KpiEditorScreen::draw_form(app::Context& ctx) {
  const auto lang = ctx.language;
  // Two columns on a wide screen, one on a phone.
  const int columns = ImGui::GetContentRegionAvail().x >= 700 ? 2 : 1;
  if (!ImGui::BeginTable("###kpie", columns, ImGuiTableFlags_SizingStretchSame)) return;
  ImGui::TableNextColumn();
  if (widgets::field("kpie.number", ctx.tr(number), form_.number, errors_.of("number"), lang).changed) edited("number");
  if (widgets::field("kpie.name", ctx.tr(name), form_.name, errors_.of("name"), lang).changed) edited("name");
  widgets::text(ctx.tr(description));
  if (widgets::multiline("kpie.description", ctx.tr(description), form_.description,
                         ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * 5)))
    edited("description");
  widgets::field_error("kpie.description", errors_.of("description"), lang);
  if (widgets::field("kpie.owner_group", ctx.tr(owner_group), form_.owner_group, errors_.of("owner_group"), lang).changed)
    edited("owner_group");
  widgets::text(ctx.tr(status));
  if (widgets::choice("kpie.status.open", ctx.tr(status_open_long), !form_.closed)) {
    form_.closed = false;
    edited("status");
  }
  ImGui::SameLine();
  if (widgets::choice("kpie.status.closed", ctx.tr(status_closed_long), form_.closed)) {
    form_.closed = true;
    edited("status");
  }
  widgets::field_error("kpie.status", errors_.of("status"), lang);

  ImGui::TableNextColumn();
  widgets::text(ctx.tr(type));
  std::vector<std::string> types;
  for (auto t : kKpiTypes) types.emplace_back(lang == ui::Language::th ? domain::kpi_type_label_th(t) : domain::kpi_type_label_en(t));
  if (widgets::combo("kpie.type", ctx.tr(type), types, form_.type)) edited("type");
  widgets::field_error("kpie.type", errors_.of("type"), lang);
  if (widgets::field("kpie.criteria", ctx.tr(criteria), form_.criteria, errors_.of("criteria"), lang).changed)
    edited("criteria");
  if (auto levels = domain::parse_criteria_text(form_.criteria); levels && !levels.value().empty()) {
    std::string chain;  // [2] › [3] › [4] › [5] (the UI font has no arrows)
    for (double v : levels.value()) chain += (chain.empty() ? "[" : " › [") + domain::criteria_text({v}) + "]";
    widgets::text_colored(style::muted_text, chain);
  }
  draw_periods(ctx);
  ImGui::EndTable();
}

void KpiEditorScreen::draw_periods(app::Context& ctx) {
  const auto lang = ctx.language;
  widgets::text(ctx.tr(cadence));
  std::vector<std::string> cadences;
  for (const auto* c : kCadenceNames) cadences.emplace_back(ctx.tr(*c));
  // Units are assigned per period: the server refuses a new cadence from then on.
  const bool locked = std::any_of(periods_.begin(), periods_.end(), [](const json& p) { return p.value("total", 0) > 0; });
  if (locked) ImGui::BeginDisabled();
  if (widgets::combo("kpie.cadence", ctx.tr(cadence), cadences, form_.cadence)) edited("cadence");
  if (locked) ImGui::EndDisabled();
  if (locked) widgets::text_colored(style::muted_text, ctx.tr(cadence_locked_hint));
  widgets::field_error("kpie.cadence", errors_.of("cadence"), lang);
  if (form_.cadence < 0) return;

  widgets::text(ctx.tr(open_periods));
  const bool saved_periods = id_ != 0 && form_.cadence == saved_cadence_;
  for (const auto& p : domain::periods_of(kCadences[form_.cadence])) {
    const std::string id = domain::period_id(p);
    auto& open = form_.open_periods;
    bool on = std::find(open.begin(), open.end(), id) != open.end();
    const std::string label = lang == ui::Language::th ? domain::period_label_th(p, year_) : domain::period_label_en(p, year_);
    if (widgets::checkbox(("kpie.period." + id).c_str(), label, on)) {
      if (on) open.push_back(id);
      else open.erase(std::remove(open.begin(), open.end(), id), open.end());
      edited("open_periods");
    }
    if (!saved_periods) continue;
    int total = 0;
    for (const auto& sp : periods_)
      if (sp.value("period", "") == id) total = sp.value("total", 0);
    ImGui::SameLine();
    const std::string button = std::string(ctx.tr(assign_units)) + " (" + std::to_string(total) + ")";
    if (widgets::button(("kpie.units." + id).c_str(), button))
      ctx.nav.go(app::route_string({"kpi", "units", std::to_string(id_), id}));
  }
  widgets::field_error("kpie.open_periods", errors_.of("open_periods"), lang);
}

void KpiEditorScreen::detach(app::Context& ctx, std::int64_t doc_id) {
  doc_errors_.clear();
  ctx.api.del("/api/v1/kpi/" + std::to_string(id_) + "/documents/" + std::to_string(doc_id),
              doc_pending_.guard([this, doc_id](const api::Reply& r) {
                // Gone already (another tab) is what was asked for.
                if (!r.ok() && !(r.error && r.error->code == "document_not_found")) return void(doc_errors_.take(r));
                documents_.erase(std::remove_if(documents_.begin(), documents_.end(),
                                                [doc_id](const json& d) { return d.value("id", std::int64_t{0}) == doc_id; }),
                                 documents_.end());
              }));
}

void KpiEditorScreen::draw_documents(app::Context& ctx) {
  const auto lang = ctx.language;
  widgets::text(ctx.tr(documents));
  if (documents_.empty()) widgets::text_colored(style::muted_text, ctx.tr(no_documents));
  for (const auto& d : documents_) {
    const std::string kind = d.value("kind", "other");
    const std::string name = d.value("name", "");
    const std::string line = std::string(ctx.tr(document_kind_name(kind))) + ": " + d.value("label", "") + " (" + name + ")";
    const std::string id = "kpie.doc." + std::to_string(d.value("id", std::int64_t{0}));
    if (widgets::button((id + ".open").c_str(), ctx.tr(open_document)))
      ctx.api.download("/api/v1/files/" + d.value("file_id", ""), name, [this, &ctx](const api::Reply& r, const std::string&) {
        if (r.error) doc_notice_ = std::string(ctx.tr(*r.error));
      });
    test_hook::record_item(id, "row", line, kind);
    ImGui::SameLine();
    const std::int64_t doc_id = d.value("id", std::int64_t{0});
    if (widgets::button((id + ".remove").c_str(), ctx.tr(remove_document)))
      ctx.confirm.ask(ui::confirm::remove_kpi_document(lang, d.value("label", "").empty() ? name : d.value("label", ""),
                                                       form_.number + " " + form_.name),
                      [this, &ctx, doc_id] { detach(ctx, doc_id); });
    widgets::text_wrapped(line);
  }

  std::vector<std::string> kinds;
  for (const auto* k : kDocumentKindNames) kinds.emplace_back(ctx.tr(*k));
  ImGui::AlignTextToFramePadding();
  widgets::text(ctx.tr(document_kind));
  ImGui::SameLine();
  widgets::combo("kpie.doc.kind", ctx.tr(document_kind), kinds, doc_kind_, 220);
  widgets::field("kpie.doc.label", ctx.tr(document_label), doc_label_, doc_errors_.of("label"), lang);
  if (widgets::file_picker("kpie.doc.file", ".pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp,.jpg,.jpeg,.png", doc_file_, lang)) {
    doc_errors_.clear();
    doc_notice_.clear();
    doc_progress_ = 0;
    auto type = domain::check_evidence_bytes(doc_file_.bytes, doc_file_.name);  // before sending it
    if (!type) doc_errors_.set(domain::in_field(type.error(), "file"));
  }
  widgets::text_colored(style::muted_text, ctx.tr(document_types));
  widgets::field_error("kpie.doc.file", doc_errors_.of("file"), lang);
  widgets::progress_bar("kpie.doc.progress", doc_progress_, uploading_ ? ctx.tr(uploading) : std::string_view());
  widgets::error_banner("kpie.doc.error", doc_errors_.general({"label", "file"}), lang);
  if (widgets::primary_button("kpie.doc.attach", ctx.tr(ui::text::kpi_manage::attach),
                              !uploading_ && !doc_file_.name.empty() && !doc_errors_.of("file")))
    attach(ctx);
  if (!doc_notice_.empty()) {
    widgets::text_colored(style::brand, doc_notice_);
    test_hook::record_item("kpie.doc.notice", "text", doc_notice_);
  }
}

// Two steps: the file (POST /files, with progress), then it is attached to the KPI.
void KpiEditorScreen::attach(app::Context& ctx) {
  uploading_ = true;
  doc_errors_.clear();
  doc_notice_.clear();
  doc_progress_ = 0;
  const std::string kpi = "/api/v1/kpi/" + std::to_string(id_);
  ctx.api.upload(
      "/api/v1/files", {{"file", doc_file_.bytes, doc_file_.name, ""}},
      doc_pending_.guard([this, &ctx, kpi](const api::Reply& r) {
        if (r.error) {
          uploading_ = false;
          doc_errors_.set(domain::in_field(*r.error, "file"));
          return;
        }
        doc_progress_ = 1;
        const json doc = {{"kind", kDocumentKinds[doc_kind_]}, {"file_id", r.body.value("file_id", "")}, {"label", doc_label_}};
        ctx.api.post(kpi + "/documents", doc, doc_pending_.guard([this, &ctx](const api::Reply& r) {
                       uploading_ = false;
                       if (doc_errors_.take(r)) return;
                       documents_.push_back(r.body);
                       doc_label_.clear();
                       doc_file_ = {};
                       doc_notice_ = std::string(ctx.tr(attached));
                     }));
      }),
      [this](double sent, double total) { doc_progress_ = total > 0 ? float(sent / total) : 0; });
}

}  // namespace kpi_screens
