// The report lifecycle: drafts, confirmation, review, return, comments, each step with its
// thread entry, notification and summary delta in one transaction.
#include <cstdio>

#include "server/kpi/kpi_store.hpp"
#include "server/kpi/kpi_store_rows.hpp"
#include "server/notifications/notification_store.hpp"
#include "shared/kpi/kpi_messages.hpp"

namespace server::kpi {

using domain::FieldError;
using domain::Period;
using domain::ReportAction;
using domain::ReportStatus;
using storage::Database;
using storage::Statement;
using storage::Transaction;
using namespace rows;

namespace {

void save_row(Database& db, std::int64_t kpi_id, const std::string& period, const Report& r) {
  auto s = db.prepare(
      "UPDATE kpi_reports SET status = ?4, self_score = ?5, review_score = ?6, reporter = ?7, reviewer = ?8, "
      "review_comment = ?9, return_reason = ?10, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
      "WHERE kpi_id = ?1 AND period = ?2 AND unit_code = ?3");
  s.bind(1, kpi_id).bind(2, period).bind(3, r.unit.unit_code).bind(4, domain::report_status_id(r.unit.status));
  if (r.unit.self_score) s.bind(5, hundredths(*r.unit.self_score)); else s.bind_null(5);
  if (r.unit.review_score) s.bind(6, hundredths(*r.unit.review_score)); else s.bind_null(6);
  s.bind(7, r.unit.reporter).bind(8, r.unit.reviewer).bind(9, r.review_comment).bind(10, r.return_reason);
  s.run();
}

std::int64_t add_thread_entry(Database& db, std::int64_t kpi_id, const std::string& period, const std::string& unit,
                      std::string_view kind, const Actor& actor, const std::string& body) {
  return db.prepare("INSERT INTO kpi_comments (kpi_id, period, unit_code, kind, author_id, author, body) VALUES (?,?,?,?,?,?,?) RETURNING id")
      .bind(1, kpi_id)
      .bind(2, period)
      .bind(3, unit)
      .bind(4, kind)
      .bind(5, actor.user_id)
      .bind(6, actor.name)
      .bind(7, body)
      .returned_id();
}


std::string report_link(const StoredKpi& k, const std::string& period, const std::string& unit) {
  return "#/kpi/" + std::to_string(k.id) + "/" + period + "/" + unit;
}

}  // namespace

// ---------------------------------------------------------------------------- reports

std::optional<Report> KpiStore::report(std::int64_t kpi_id, const Period& p, const std::string& unit) {
  auto db = db_.acquire();
  return load_report(*db, kpi_id, domain::period_id(p), unit);
}

namespace {

// One lifecycle step in one transaction: the report row, its files, the thread, the
// notification and the period's summary row change together or not at all.
template <class Change>
Result<Report> transition(storage::ConnectionPool& pool, const StoredKpi& kpi, const Period& p, const std::string& unit,
                          ReportAction action, Change&& change) {
  const std::string period = domain::period_id(p);
  const bool by_reporter = action == ReportAction::save_draft || action == ReportAction::confirm ||
                           action == ReportAction::unconfirm;
  if (by_reporter && kpi.definition.status == domain::KpiStatus::closed)
    return conflict(domain::kpi_closed_error());
  if (by_reporter && !kpi.definition.is_open(p))
    return conflict(domain::period_closed_error(p, kpi.definition.year));
  auto db = pool.acquire();
  Transaction tx(*db);
  auto before = load_report(*db, kpi.id, period, unit);
  if (!before) return not_assigned(unit);
  auto next = domain::next_status(before->unit.status, action);
  if (!next) return conflict(next.error());
  Report after = *before;
  after.unit.status = next.value();
  if (auto refusal = change(*db, after)) return *refusal;
  save_row(*db, kpi.id, period, after);
  apply_delta(*db, kpi.id, period, domain::delta(before->unit, after.unit));
  tx.commit();
  return after;
}

}  // namespace

Result<Report> KpiStore::save_draft(const StoredKpi& kpi, const Period& p, const std::string& unit,
                                    const domain::ReportDraft& draft, const Actor& actor) {
  const std::string period = domain::period_id(p);
  return transition(db_, kpi, p, unit, ReportAction::save_draft, [&](Database& db, Report& r) -> std::optional<Refusal> {
    for (std::size_t i = 0; i < draft.files.size(); ++i) {
      auto q = db.prepare("SELECT uploader_org FROM kpi_files WHERE id = ?");
      q.bind(1, draft.files[i].file_id);
      // Only the unit's own uploads: a file id seen elsewhere gives no access to it.
      if (!q.step() || q.text(0) != unit)
        return Refusal{400, domain::evidence_not_found_error(i)};
    }
    r.unit.self_score = draft.self_score ? std::optional(from_hundredths(hundredths(*draft.self_score))) : std::nullopt;
    r.unit.reporter = actor.name;
    r.return_reason.clear();
    r.files = draft.files;
    db.prepare("DELETE FROM kpi_report_files WHERE kpi_id = ? AND period = ? AND unit_code = ?")
        .bind(1, kpi.id)
        .bind(2, period)
        .bind(3, unit)
        .run();
    auto ins = db.prepare(
        "INSERT INTO kpi_report_files (kpi_id, period, unit_code, position, file_id, description) VALUES (?,?,?,?,?,?)");
    for (std::size_t i = 0; i < draft.files.size(); ++i) {
      ins.reset();
      ins.bind(1, kpi.id).bind(2, period).bind(3, unit).bind(4, static_cast<std::int64_t>(i));
      ins.bind(5, draft.files[i].file_id).bind(6, draft.files[i].description);
      ins.run();
    }
    ins.reset();
    return std::nullopt;
  });
}

Result<Report> KpiStore::confirm(const StoredKpi& kpi, const Period& p, const std::string& unit, const Actor& actor) {
  const std::string period = domain::period_id(p);
  return transition(db_, kpi, p, unit, ReportAction::confirm, [&](Database& db, Report& r) -> std::optional<Refusal> {
    if (auto e = domain::check_ready_to_confirm({r.unit.self_score, r.files})) return Refusal{400, *e};
    r.unit.reporter = actor.name;
    r.return_reason.clear();
    const auto told = domain::report_submitted_notice(kpi.definition.number, p, kpi.definition.year, unit);
    notifications::add(db, {kpi.office_code, domain::Permission::report_review, "submitted", told.th, told.en,
                            report_link(kpi, period, unit)});
    return std::nullopt;
  });
}

Result<Report> KpiStore::unconfirm(const StoredKpi& kpi, const Period& p, const std::string& unit, const Actor&) {
  return transition(db_, kpi, p, unit, ReportAction::unconfirm, [](Database&, Report&) -> std::optional<Refusal> {
    return std::nullopt;
  });
}

Result<Report> KpiStore::review(const StoredKpi& kpi, const Period& p, const std::string& unit,
                                const domain::Review& review, const Actor& actor) {
  const std::string period = domain::period_id(p);
  return transition(db_, kpi, p, unit, ReportAction::review, [&](Database& db, Report& r) -> std::optional<Refusal> {
    r.unit.review_score = from_hundredths(hundredths(review.score));
    r.unit.reviewer = actor.name;
    r.review_comment = review.comment;
    add_thread_entry(db, kpi.id, period, unit, "review", actor,
                     domain::review_thread_text(*r.unit.review_score, review.comment));
    const auto told = domain::report_reviewed_notice(kpi.definition.number, p, kpi.definition.year, *r.unit.review_score);
    notifications::add(db, {unit, domain::Permission::report_submit, "reviewed", told.th, told.en,
                            report_link(kpi, period, unit)});
    return std::nullopt;
  });
}

Result<Report> KpiStore::return_report(const StoredKpi& kpi, const Period& p, const std::string& unit,
                                       const std::string& reason, const Actor& actor) {
  const std::string period = domain::period_id(p);
  return transition(db_, kpi, p, unit, ReportAction::return_report, [&](Database& db, Report& r) -> std::optional<Refusal> {
    r.return_reason = reason;
    r.unit.reviewer = actor.name;
    add_thread_entry(db, kpi.id, period, unit, "return", actor, reason);
    const auto told = domain::report_returned_notice(kpi.definition.number, p, kpi.definition.year, reason);
    notifications::add(db, {unit, domain::Permission::report_submit, "returned", told.th, told.en,
                            report_link(kpi, period, unit)});
    return std::nullopt;
  });
}

Result<Report> KpiStore::cancel_review(const StoredKpi& kpi, const Period& p, const std::string& unit,
                                       const Actor& actor) {
  const std::string period = domain::period_id(p);
  return transition(db_, kpi, p, unit, ReportAction::cancel_review, [&](Database& db, Report& r) -> std::optional<Refusal> {
    r.unit.review_score.reset();
    r.unit.reviewer.clear();
    r.review_comment.clear();
    r.return_reason.clear();
    add_thread_entry(db, kpi.id, period, unit, "cancel_review", actor, domain::cancel_review_thread_text());
    return std::nullopt;
  });
}

std::vector<Comment> KpiStore::comments(std::int64_t kpi_id, const Period& p, const std::string& unit) {
  auto db = db_.acquire();
  auto q = db->prepare(
      "SELECT id, kind, author, body, created_at FROM kpi_comments WHERE kpi_id = ? AND period = ? AND unit_code = ? "
      "ORDER BY id");
  q.bind(1, kpi_id).bind(2, domain::period_id(p)).bind(3, unit);
  std::vector<Comment> out;
  while (q.step()) out.push_back({q.integer(0), q.text(1), q.text(2), q.text(3), q.text(4)});
  return out;
}

Result<Comment> KpiStore::add_comment(std::int64_t kpi_id, const Period& p, const std::string& unit,
                                      const std::string& body, const Actor& actor) {
  const std::string period = domain::period_id(p);
  auto db = db_.acquire();
  Transaction tx(*db);
  if (!load_report(*db, kpi_id, period, unit)) return not_assigned(unit);
  const std::int64_t id = add_thread_entry(*db, kpi_id, period, unit, "comment", actor, body);
  tx.commit();
  return Comment{id, "comment", actor.name, body, ""};
}

}  // namespace server::kpi
