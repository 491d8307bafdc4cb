#include "wasm/screens/kpi/report_parts.hpp"

#include <imgui.h>

#include <cstdio>

#include "shared/kpi/report_lifecycle.hpp"
#include "shared/ui/strings_kpi_report.hpp"
#include "wasm/app/context.hpp"
#include "wasm/app/route.hpp"
#include "wasm/app/style.hpp"
#include "wasm/widgets/widgets.hpp"

namespace kpi_screens {

using namespace ui::text::kpi_report;

namespace {

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

std::string size_text(std::int64_t bytes) {
  char buf[32];
  if (bytes >= 1024 * 1024) std::snprintf(buf, sizeof buf, "%.1f MB", bytes / (1024.0 * 1024.0));
  else std::snprintf(buf, sizeof buf, "%.0f KB", bytes / 1024.0 + 0.5);
  return buf;
}

}  // namespace

std::string ReportKey::api_path() const {
  return "/api/v1/kpi/" + std::to_string(kpi_id) + "/periods/" + period + "/reports/" + unit;
}

ReportKey report_key(const std::vector<std::string>& params) {
  ReportKey k;
  if (params.size() != 3) return k;
  const std::string& id = params[0];
  if (id.empty() || id.size() > 18 || id.find_first_not_of("0123456789") != std::string::npos) return k;
  k.kpi_id = std::stoll(id);
  k.period = params[1];
  k.unit = params[2];
  return k;
}

std::string report_route(const std::string& kind, const ReportKey& key) {
  return app::route_string({"kpi", kind, std::to_string(key.kpi_id), key.period, key.unit});
}

std::string score_text(const nlohmann::json& v) { return v.is_number() ? number(v.get<double>()) : "–"; }

std::string status_label(const std::string& status_id, ui::Language language) {
  const auto s = domain::parse_report_status(status_id);
  if (!s) return status_id;
  return std::string(language == ui::Language::th ? domain::report_status_label_th(*s) : domain::report_status_label_en(*s));
}

std::string period_name(const nlohmann::json& kpi, const std::string& period, ui::Language language) {
  if (kpi.is_object() && kpi.contains("periods"))
    for (const auto& p : kpi["periods"])
      if (p.value("period", "") == period) return p.value(language == ui::Language::th ? "label_th" : "label_en", period);
  return "";
}

std::string unit_name(const nlohmann::json& report, const ReportKey& key) {
  const std::string name = report.is_object() ? report.value("unit_name", "") : "";
  return name.empty() ? key.unit : name + " (" + key.unit + ")";
}

std::string range_text(domain::KpiType type, ui::Language language) {
  const auto r = domain::score_range(type);
  std::string out = "(";
  out += number(r.min);
  out += language == ui::Language::th ? " ถึง " : " to ";
  out += number(r.max);
  return out + ")";
}

domain::KpiType kpi_type_of(const nlohmann::json& kpi) {
  auto t = domain::parse_kpi_type(kpi.is_object() ? kpi.value("type", "") : "");
  return t ? t.value() : domain::KpiType::score_1_5;
}

void draw_evidence_list(app::Context& ctx, const char* id, const nlohmann::json& files, std::string& notice,
                        EvidenceImages* images) {
  if (!files.is_array() || files.empty()) return widgets::text_colored(style::muted_text, ctx.tr(no_files));
  for (std::size_t i = 0; i < files.size(); ++i) {
    const auto& f = files[i];
    const std::string name = f.value("name", "file"), path = "/api/v1/files/" + f.value("file_id", "");
    ImGui::PushID(static_cast<int>(i));
    widgets::text(std::to_string(i + 1) + ". " + f.value("description", ""));
    ImGui::Indent();
    widgets::text_colored(style::muted_text, name + "  " + size_text(f.value("size", std::int64_t{0})));
    const std::string item_id = std::string(id) + "." + std::to_string(i);
    bool wants_file = false;
    if (images && f.value("content_type", "").rfind("image/", 0) == 0) {
      auto& image = (*images)[f.value("file_id", "")];
      if (!image) {
        image = std::make_unique<widgets::RemoteImage>();
        image->load(ctx.api, path);
      }
      wants_file = image->draw((item_id + ".image").c_str(), ctx.language, 480, 240);  // a click enlarges it
    }
    wants_file |= widgets::button((item_id + ".download").c_str(), ctx.tr(download));
    if (wants_file)
      ctx.api.download(path, name, [&notice, &ctx](const api::Reply& r, const std::string& saved_as) {
        notice = r.ok() ? saved_as : std::string(r.error ? ctx.tr(*r.error) : std::string_view());
      });
    ImGui::Unindent();
    ImGui::PopID();
  }
  if (!notice.empty()) widgets::text_colored(style::muted_text, notice);
}

void CommentThread::draw(app::Context& ctx, const char* id, const nlohmann::json& comments, const ReportKey& key,
                         std::function<void()> added) {
  widgets::text(ctx.tr(thread));
  if (!comments.is_array() || comments.empty()) widgets::text_colored(style::muted_text, ctx.tr(no_comments));
  if (comments.is_array())
    for (const auto& c : comments) {
      const std::string kind = c.value("kind", "comment");
      std::string head = c.value("author", "") + "  " + ctx.when(c.value("created_at", ""));
      if (kind == "return") head += "  [" + std::string(ctx.tr(kind_return)) + "]";
      if (kind == "review") head += "  [" + std::string(ctx.tr(kind_review)) + "]";
      if (kind == "cancel_review") head += "  [" + std::string(ctx.tr(kind_cancel)) + "]";
      widgets::text_colored(style::muted_text, head);
      ImGui::Indent();
      widgets::text_wrapped(c.value("body", ""));
      ImGui::Unindent();
    }
  const std::string body_id = std::string(id) + ".body", send_id = std::string(id) + ".send";
  widgets::multiline(body_id.c_str(), ctx.tr(comment_hint), body_, ImVec2(0, 60));
  widgets::field_error(body_id.c_str(), errors_.of("body"), ctx.language);
  widgets::error_banner((std::string(id) + ".error").c_str(), errors_.general({"body"}), ctx.language);
  if (widgets::button(send_id.c_str(), ctx.tr(send_comment)) && !sending_) {
    sending_ = true;
    errors_.clear();
    ctx.api.post(key.api_path() + "/comments", {{"body", body_}}, pending_.guard([this, added](const api::Reply& r) {
                   sending_ = false;
                   if (errors_.take(r)) return;
                   body_.clear();
                   if (added) added();
                 }));
  }
}

void ReportView::forget(const app::Route& route) {
  key_ = report_key(route.params);
  pending_.reset();
  thread_.reset();
  errors_.clear();
  kpi_ = report_ = nullptr;
}

void ReportView::load(app::Context& ctx) {
  stale_ = false;
  if (!key_.valid()) {
    failed_ = true;
    return;
  }
  loading_ = true;
  failed_ = false;
  ctx.api.get("/api/v1/kpi/" + std::to_string(key_.kpi_id), pending_.guard([this](const api::Reply& r) {
    if (!r.ok()) return;
    kpi_ = r.body;
    type_ = kpi_type_of(kpi_);
  }));
  ctx.api.get(key_.api_path(), pending_.guard([this](const api::Reply& r) {
    loading_ = false;
    if (!r.ok()) {
      failed_ = true;
      errors_.take(r);
      return;
    }
    took(r.body);
  }));
}

}  // namespace kpi_screens
