#include "wasm/screens/kpi/report_screen.hpp"

#include <imgui.h>

#include <algorithm>

#include "shared/core/text.hpp"
#include "shared/kpi/evidence_file.hpp"
#include "shared/kpi/report_lifecycle.hpp"
#include "shared/ui/strings_client.hpp"
#include "shared/ui/strings_kpi.hpp"
#include "shared/ui/strings_kpi_report.hpp"
#include "wasm/app/context.hpp"
#include "wasm/app/style.hpp"
#include "wasm/screens/kpi/kpi_about.hpp"
#include "wasm/widgets/test_hook.hpp"

namespace kpi_screens {

using namespace ui::text::kpi_report;
using domain::ReportAction;


void ReportScreen::open(app::Context& ctx, const app::Route& route) {
  forget(route);
  files_.clear();
  score_.clear();
  chosen_ = {};
  save_ = Save::clean;
  busy_ = false;
  notice_.clear();
  load(ctx);
}

// The server's report replaces what is shown (after loading, confirming, unconfirming).
void ReportScreen::took(const nlohmann::json& body) {
  report_ = body;
  files_.clear();
  for (const auto& f : body.value("files", nlohmann::json::array()))
    files_.push_back({++next_local_, f.value("file_id", ""), f.value("description", ""), f.value("name", ""),
                      f.value("content_type", ""), f.value("size", std::int64_t{0}), false, 1});
  score_ = body.contains("self_score") && body["self_score"].is_number() ? score_text(body["self_score"]) : "";
  save_ = Save::clean;
  edits_ = edits_sent_ = 0;
}

std::string ReportScreen::status() const { return report_.is_object() ? report_.value("status", "") : ""; }

bool ReportScreen::allows(int action) const {
  const auto s = domain::parse_report_status(status());
  return s && domain::next_status(*s, static_cast<ReportAction>(action)).ok();
}

bool ReportScreen::uploading() const {
  return std::any_of(files_.begin(), files_.end(), [](const Evidence& e) { return e.uploading; });
}

double ReportScreen::wake_at() const {
  // While a file uploads its reply brings the next frame (then the save).
  return save_ == Save::pending && !uploading() ? edited_at_ + kSavePause : app::FramePacer::never;
}

void ReportScreen::edited(app::Context& ctx) {
  ++edits_;
  edited_at_ = ctx.now;
  if (save_ != Save::saving) save_ = Save::pending;
}

void ReportScreen::clear_draft_errors() {
  errors_.clear("");
  errors_.clear("status");
  errors_.clear("self_score");
  errors_.clear("files");
  for (std::size_t i = 0; i <= domain::kMaxEvidenceFiles; ++i) {
    errors_.clear("files[" + std::to_string(i) + "].description");
    errors_.clear("files[" + std::to_string(i) + "].file_id");
  }
}

// Saves the draft: checked first with shared's rules (the errors go under their fields),
// then PUT. Edits made while it is on its way are saved after it.
void ReportScreen::save(app::Context& ctx) {
  clear_draft_errors();
  nlohmann::json files = nlohmann::json::array();
  for (const auto& e : files_)
    if (!e.uploading) files.push_back({{"file_id", e.file_id}, {"description", e.description}});
  nlohmann::json body = {{"files", files}, {"self_score", domain::trim(score_).empty() ? nlohmann::json() : nlohmann::json(score_)}};
  auto draft = domain::parse_report_draft(type_, body);
  if (!draft) {
    errors_.set(draft.error());
    save_ = Save::invalid;
    return;
  }
  body["self_score"] = draft.value().self_score ? nlohmann::json(*draft.value().self_score) : nlohmann::json();
  save_ = Save::saving;
  edits_sent_ = edits_;
  ctx.api.put(key_.api_path(), body, pending_.guard([this](const api::Reply& r) {
    if (!r.ok()) {
      errors_.take(r);
      save_ = Save::failed;
      save_error_ = r.error ? r.error->message_th + " / " + r.error->message_en : std::string();
      return;
    }
    for (const char* k : {"status", "status_label_th", "status_label_en", "return_reason", "updated_at"})
      if (r.body.contains(k)) report_[k] = r.body[k];
    save_ = edits_ != edits_sent_ ? Save::pending : Save::saved;
  }));
}

void ReportScreen::add_file(app::Context& ctx) {
  errors_.clear("file");
  errors_.clear("files");
  // An 11th file: shared's count rule, on the list as it would be.
  nlohmann::json would_be = nlohmann::json::array();
  for (std::size_t i = 0; i <= files_.size(); ++i) would_be.push_back({{"file_id", std::to_string(i)}, {"description", "-"}});
  if (auto count = domain::parse_evidence_files(would_be); !count) return errors_.set(domain::in_field(count.error(), "file"));
  // Type and size, judged by the bytes as the server will.
  if (auto kind = domain::check_evidence_bytes(chosen_.bytes, chosen_.name); !kind) return errors_.set(kind.error());
  const int local = ++next_local_;
  files_.push_back({local, "", "", chosen_.name, "", static_cast<std::int64_t>(chosen_.bytes.size()), true, 0});
  ctx.api.upload(
      "/api/v1/files", {{"file", std::move(chosen_.bytes), chosen_.name, ""}},
      pending_.guard([this, local, &ctx](const api::Reply& r) {
        auto it = std::find_if(files_.begin(), files_.end(), [local](const Evidence& e) { return e.local == local; });
        if (it == files_.end()) return;  // removed while uploading
        if (!r.ok()) {
          files_.erase(it);
          if (r.error) errors_.set(domain::in_field(*r.error, "file"));
          return;
        }
        it->uploading = false;
        it->progress = 1;
        it->file_id = r.body.value("file_id", "");
        it->name = r.body.value("name", it->name);
        it->size = r.body.value("size", it->size);
        it->content_type = r.body.value("content_type", "");
        edited(ctx);
        edited_at_ -= kSavePause;  // kept at once, even before it is described
      }),
      [this, local](double sent, double total) {
        for (auto& e : files_)
          if (e.local == local) e.progress = total > 0 ? float(sent / total) : 0;
      });
  chosen_.bytes.clear();
}

void ReportScreen::draw(app::Context& ctx) {
  if (stale_) load(ctx);
  widgets::heading(ctx.tr(report_title), ctx.fonts.title);
  widgets::help_link("report.help", "kpi", ctx.language);
  if (widgets::link("report.back", ctx.tr(back_to_list))) return ctx.nav.go("#/kpi/school");
  if (kpi_.is_object()) widgets::text_wrapped(kpi_.value("number", "") + " " + kpi_.value("name", ""));
  widgets::text_wrapped(period_name(kpi_, key_.period, ctx.language) + " — " + unit_name(report_, key_));
  draw_kpi_about(ctx, "report.kpi", kpi_, notice_);
  if (loading_) return widgets::text_colored(style::muted_text, ctx.tr(ui::text::kpi::loading));
  if (failed_ || !report_.is_object()) {
    widgets::error_banner("report.error", errors_.general(), ctx.language);
    widgets::text(ctx.tr(ui::text::kpi::load_failed));
    if (widgets::button("report.reload", ctx.tr(ui::text::retry))) load(ctx);
    return;
  }
  // The state, and what the reviewer said.
  const std::string state = std::string(ctx.tr(ui::text::kpi_report::status)) + ": " + status_label(status(), ctx.language);
  widgets::text(state);
  test_hook::record_item("report.status", "text", state, status());
  if (status() == "returned" && !report_.value("return_reason", "").empty()) {
    const std::string reason = std::string(ctx.tr(returned_reason)) + " " + report_.value("return_reason", "");
    ImGui::PushStyleColor(ImGuiCol_Text, style::banner_error_text);
    widgets::text_wrapped(reason);
    ImGui::PopStyleColor();
    test_hook::record_item("report.return_reason", "text", reason, report_.value("return_reason", ""));
  }
  if (status() == "reviewed") {
    widgets::text(std::string(ctx.tr(review_result)) + " " + score_text(report_["review_score"]) + " — " +
                  report_.value("reviewer", ""));
    if (!report_.value("review_comment", "").empty())
      widgets::text_wrapped(std::string(ctx.tr(reviewer_comment)) + " " + report_.value("review_comment", ""));
  }
  const bool open = report_.value("open", false);
  const bool editable = open && allows(static_cast<int>(ReportAction::save_draft)) && !busy_;
  if (!open) widgets::text_colored(style::muted_text, ctx.tr(closed_note));
  else if (!allows(static_cast<int>(ReportAction::save_draft))) widgets::text_colored(style::muted_text, ctx.tr(read_only));
  ImGui::Separator();
  draw_files(ctx, editable);
  ImGui::Spacing();
  draw_score(ctx, editable);
  if (save_ == Save::pending && !uploading() && ctx.now >= edited_at_ + kSavePause) save(ctx);
  draw_actions(ctx);
  ImGui::Separator();
  thread_.draw(ctx, "report.comment", report_["comments"], key_, [this, &ctx] {
    // Only the thread: edits not saved yet stay as they are.
    ctx.api.get(key_.api_path(), pending_.guard([this](const api::Reply& r) {
      if (r.ok() && r.body.contains("comments")) report_["comments"] = r.body["comments"];
    }));
  });
}

void ReportScreen::draw_files(app::Context& ctx, bool editable) {
  widgets::text_wrapped(ctx.tr(evidence));
  if (files_.empty()) widgets::text_colored(style::muted_text, ctx.tr(no_files));
  for (std::size_t i = 0; i < files_.size(); ++i) {
    Evidence& e = files_[i];
    const std::string base = "report.files." + std::to_string(i);
    ImGui::PushID(e.local);
    widgets::text(std::to_string(i + 1) + ". " + e.name);
    if (e.uploading) {
      widgets::progress_bar((base + ".progress").c_str(), e.progress, ctx.tr(ui::text::kpi_report::uploading));
      ImGui::PopID();
      continue;
    }
    ImGui::Indent();
    const std::string field = "files[" + std::to_string(i) + "].description";
    if (editable) {
      widgets::text(ctx.tr(description));
      if (widgets::multiline((base + ".description").c_str(), ctx.tr(description_hint), e.description, ImVec2(-FLT_MIN, 0))) {
        errors_.clear(field);
        edited(ctx);
      }
      if (const auto* error = errors_.of(field)) widgets::field_error((base + ".description").c_str(), error, ctx.language);
      else if (domain::trim(e.description).empty()) {
        // Kept without it while drafting; asked for before confirming.
        widgets::text_colored(style::banner_warning_text, ctx.tr(undescribed));
        test_hook::record_item(base + ".undescribed", "text", std::string(ctx.tr(undescribed)));
      }
      if (widgets::button((base + ".remove").c_str(), ctx.tr(remove_file))) {
        files_.erase(files_.begin() + static_cast<std::ptrdiff_t>(i));
        edited(ctx);
        ImGui::Unindent();
        ImGui::PopID();
        break;
      }
      ImGui::SameLine();
    } else {
      widgets::text_wrapped(e.description);
    }
    if (widgets::button((base + ".download").c_str(), ctx.tr(download)))
      ctx.api.download("/api/v1/files/" + e.file_id, e.name, [this, &ctx](const api::Reply& r, const std::string& saved_as) {
        notice_ = r.ok() ? saved_as : std::string(r.error ? ctx.tr(*r.error) : std::string_view());
      });
    ImGui::Unindent();
    ImGui::PopID();
  }
  if (!notice_.empty()) widgets::text_colored(style::muted_text, notice_);
  if (!editable) return;
  widgets::text(ctx.tr(ui::text::kpi_report::add_file));
  if (widgets::file_picker("report.file", ".jpg,.jpeg,.png,.pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp", chosen_, ctx.language)) add_file(ctx);
  widgets::field_error("report.file", errors_.of("file"), ctx.language);
  widgets::field_error("report.files", errors_.of("files"), ctx.language);
}

void ReportScreen::draw_score(app::Context& ctx, bool editable) {
  const std::string label = std::string(ctx.tr(self_score)) + " " + range_text(type_, ctx.language);
  if (!editable) {
    widgets::text(label + ": " + (score_.empty() ? "–" : score_));
    return;
  }
  if (widgets::field("report.score", label, score_, errors_.of("self_score"), ctx.language, widgets::Field::text, 160)
          .changed) {
    // As typed: shared's score rule (an empty score is fine while drafting).
    if (domain::trim(score_).empty()) errors_.clear("self_score");
    else errors_.check("self_score", [&]() -> std::optional<domain::FieldError> {
      auto s = domain::check_score(type_, score_, "self_score");
      if (s) return std::nullopt;
      return s.error();
    }());
    edited(ctx);
  }
}

void ReportScreen::draw_actions(app::Context& ctx) {
  // The draft's state.
  std::string line;
  switch (save_) {
    case Save::clean: break;
    case Save::pending: line = ctx.tr(edits_pending); break;
    case Save::saving: line = ctx.tr(saving); break;
    case Save::saved: line = ctx.tr(saved); break;
    case Save::invalid: line = ctx.tr(not_saved_fix); break;
    case Save::failed: line = std::string(ctx.tr(not_saved)) + " " + save_error_; break;
  }
  static const char* const names[] = {"clean", "pending", "saving", "saved", "invalid", "failed"};
  if (!line.empty()) {
    widgets::text_colored(save_ == Save::failed || save_ == Save::invalid ? style::banner_error_text : style::muted_text, line);
    test_hook::record_item("report.save", "text", line, names[static_cast<int>(save_)]);
  }
  if (save_ == Save::failed && widgets::button("report.save.retry", ctx.tr(ui::text::retry))) save(ctx);

  const bool settled = (save_ == Save::clean || save_ == Save::saved) && !uploading() && !busy_;
  if (report_.value("open", false) && allows(static_cast<int>(ReportAction::confirm))) {
    if (widgets::primary_button("report.confirm", ctx.tr(confirm), settled)) {
      domain::ReportDraft draft;
      if (auto s = domain::check_score(type_, score_, "self_score")) draft.self_score = s.value();
      for (const auto& e : files_) draft.files.push_back({e.file_id, e.description});
      if (auto e = domain::check_ready_to_confirm(draft)) {
        errors_.set(*e);
      } else {
        busy_ = true;
        clear_draft_errors();
        ctx.api.post(key_.api_path() + "/confirm", nlohmann::json::object(), pending_.guard([this, &ctx](const api::Reply& r) {
                       busy_ = false;
                       if (!errors_.take(r)) load(ctx);
                     }));
      }
    }
  }
  if (allows(static_cast<int>(ReportAction::unconfirm)) &&
      widgets::button("report.unconfirm", ctx.tr(unconfirm)) && !busy_) {
    busy_ = true;
    errors_.clear();
    ctx.api.post(key_.api_path() + "/unconfirm", nlohmann::json::object(), pending_.guard([this, &ctx](const api::Reply& r) {
                   busy_ = false;
                   if (!errors_.take(r)) load(ctx);
                 }));
  }
  // Errors of no field shown here (a refused state change, the server's word on a file).
  widgets::error_banner("report.error", errors_.general_if([](const std::string& f) {
    return f == "file" || f == "files" || f == "self_score" || f.rfind("files[", 0) == 0;
  }), ctx.language);
}

}  // namespace kpi_screens
