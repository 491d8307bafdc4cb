#include "wasm/screens/lec/import_panel.hpp"

#include <imgui.h>

#include "shared/ui/strings_lec.hpp"
#include "shared/ui/strings_lec_register.hpp"
#include "wasm/app/context.hpp"
#include "wasm/app/style.hpp"
#include "wasm/screens/lec/lec_common.hpp"
#include "wasm/widgets/test_hook.hpp"

namespace lec_screens {

using namespace ui::text::lec_register;

namespace {

// The column as the person knows it, not the wire name.
std::string field_label(const std::string& field, ui::Language lang) {
  const std::pair<const char*, const ui::Text*> names[] = {
      {"id_number", &column_id}, {"title", &child_title}, {"first_name", &first_name}, {"last_name", &last_name},
      {"sex", &sex},             {"birth_date", &column_birth}, {"level", &level},     {"room", &room}};
  for (const auto& [wire, text] : names)
    if (field == wire) return std::string(text->in(lang));
  return field;
}

}  // namespace

void ImportPanel::start(int year, const std::string& institution_code) {
  year_ = year;
  code_ = institution_code;
  file_ = {};
  step_ = Step::choose;
  progress_ = 0;
  result_ = {};
  errors_.clear();
  pending_.reset();
  open_ = true;
}

void ImportPanel::send(app::Context& ctx, bool dry_run, const Written& written) {
  step_ = Step::sending;
  dry_run_ = dry_run;
  progress_ = 0;
  errors_.clear();
  ctx.api.upload(
      lec_path(year_, "/institutions/" + code_ + "/children/import"),
      {{"dry_run", dry_run ? "true" : "false", "", ""}, {"file", file_.bytes, file_.name, ""}},
      pending_.guard([this, dry_run, written](const api::Reply& r) {
        progress_ = 1;
        step_ = Step::checked;
        // A refused write still carries the rows' errors (400 with the same body).
        auto parsed = domain::lec_wire::parse_import_result(r.body);
        if (parsed && (r.ok() || !parsed.value().errors.empty())) {
          result_ = parsed.value();
          if (r.ok() && !dry_run && result_.errors.empty()) {
            step_ = Step::written;
            written(domain::lec_wire::voided_of(r.body));
          }
          return;
        }
        result_ = {};
        if (!errors_.take(r)) errors_.set(parsed.error());
      }),
      [this](double sent, double total) { progress_ = total > 0 ? float(sent / total) : 0; });
}

bool ImportPanel::draw(app::Context& ctx, const Written& written) {
  if (!open_) return false;
  const auto lang = ctx.language;
  heading_wrapped(ctx.tr(import_title), ctx.fonts.title);
  ImGui::PushStyleColor(ImGuiCol_Text, style::muted_text);
  widgets::text_wrapped(ctx.tr(import_help));
  ImGui::PopStyleColor();
  if (step_ != Step::sending && widgets::file_picker("leci.file", ".csv,.xlsx", file_, lang)) {
    step_ = Step::choose;  // a new file is checked anew
    result_ = {};
    errors_.clear();
  }
  if (file_.unreadable) text_colored_wrapped(style::banner_error_text, ctx.tr(ui::text::lec::load_failed));

  if (step_ == Step::sending || progress_ > 0)
    widgets::progress_bar("leci.progress", progress_,
                          step_ == Step::sending ? ctx.tr(progress_ < 1 ? uploading : checking) : std::string_view());
  widgets::error_banner("leci.error", errors_.general(), lang);

  const bool has_file = !file_.name.empty() && !file_.unreadable;
  if (step_ == Step::checked && !result_.errors.empty()) {
    const std::string head = std::string(ctx.tr(row_errors)) + std::to_string(result_.errors.size());
    text_colored_wrapped(style::banner_error_text, head);
    test_hook::record_item("leci.errors", "text", head, std::to_string(result_.errors.size()));
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter;
    if (ImGui::BeginTable("###leci.errors", 3, flags)) {
      widgets::table_column(ctx.tr(column_row), 50);
      widgets::table_column(ctx.tr(column_field), 100);
      widgets::table_column(ctx.tr(column_problem));
      ImGui::TableHeadersRow();
      for (std::size_t i = 0; i < result_.errors.size(); ++i) {
        const auto& e = result_.errors[i];
        const std::string msg(ctx.tr(e.error));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        widgets::text_wrapped(std::to_string(e.row));
        ImGui::TableNextColumn();
        widgets::text_wrapped(field_label(e.error.field, lang));
        ImGui::TableNextColumn();
        widgets::text_wrapped(msg);
        test_hook::record_item("leci.error." + std::to_string(i), "error", msg,
                               std::to_string(e.row) + ":" + e.error.field + ":" + e.error.code);
      }
      ImGui::EndTable();
    }
  }
  const std::string counts = std::string(ctx.tr(added)) + std::to_string(result_.added) + std::string(ctx.tr(updated)) +
                             std::to_string(result_.updated) + std::string(ctx.tr(unchanged)) +
                             std::to_string(result_.unchanged);
  if (step_ == Step::checked && result_.errors.empty() && errors_.empty()) {
    const std::string line = std::string(ctx.tr(dry_run_ok)) + counts;
    style::banner(style::banner_info_bg, style::banner_info_text, [&] { widgets::text_wrapped(line); });
    test_hook::record_item("leci.ok", "text", line, std::to_string(result_.added + result_.updated));
    if (widgets::primary_button("leci.write", ctx.tr(write_file), has_file)) send(ctx, false, written);
  }
  if (step_ == Step::written) {
    const std::string line = std::string(ctx.tr(imported)) + counts;
    style::banner(style::banner_info_bg, style::banner_info_text, [&] { widgets::text_wrapped(line); });
    test_hook::record_item("leci.done", "text", line, std::to_string(result_.added + result_.updated));
  }
  if (step_ == Step::choose || (step_ == Step::checked && !result_.errors.empty()) ||
      (step_ == Step::checked && !errors_.empty())) {
    if (widgets::primary_button("leci.check", ctx.tr(check_file), has_file)) send(ctx, true, written);
    beside(ctx.tr(ui::text::lec::close));
  }
  if (widgets::button("leci.close", ctx.tr(ui::text::lec::close))) {
    open_ = false;
    pending_.reset();
  }
  return open_;
}

}  // namespace lec_screens
