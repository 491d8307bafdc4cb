#include "server/kpi/kpi_store.hpp"
#include "server/kpi/kpi_store_rows.hpp"
#include "server/storage/commit_count.hpp"
#include "shared/kpi/kpi_messages.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <map>
#include <set>

namespace server::kpi {

using domain::FieldError;
using domain::Period;
using domain::ReportAction;
using domain::ReportStatus;
using storage::Database;
using storage::Statement;
using storage::Transaction;

namespace rows {

std::int64_t hundredths(double score) { return std::llround(score * 100.0); }
double from_hundredths(std::int64_t v) { return static_cast<double>(v) / 100.0; }

Refusal conflict(FieldError e) { return {409, std::move(e)}; }

Refusal not_assigned(const std::string& unit) {
  return conflict(domain::unit_not_assigned_error(unit));
}

// The row of one unit's report, or nullopt when the unit is not assigned.
std::optional<Report> load_report(Database& db, std::int64_t kpi_id, const std::string& period, const std::string& unit) {
  auto q = db.prepare(
      "SELECT status, self_score, review_score, reporter, reviewer, review_comment, return_reason, updated_at "
      "FROM kpi_reports WHERE kpi_id = ? AND period = ? AND unit_code = ?");
  q.bind(1, kpi_id).bind(2, period).bind(3, unit);
  if (!q.step()) return std::nullopt;
  Report r;
  r.unit.unit_code = unit;
  r.unit.status = domain::parse_report_status(q.text(0)).value_or(ReportStatus::waiting_submit);
  if (!q.is_null(1)) r.unit.self_score = from_hundredths(q.integer(1));
  if (!q.is_null(2)) r.unit.review_score = from_hundredths(q.integer(2));
  r.unit.reporter = q.text(3);
  r.unit.reviewer = q.text(4);
  r.review_comment = q.text(5);
  r.return_reason = q.text(6);
  r.updated_at = q.text(7);
  auto f = db.prepare(
      "SELECT file_id, description FROM kpi_report_files WHERE kpi_id = ? AND period = ? AND unit_code = ? "
      "ORDER BY position");
  f.bind(1, kpi_id).bind(2, period).bind(3, unit);
  while (f.step()) r.files.push_back({f.text(0), f.text(1)});
  return r;
}

void apply_delta(Database& db, std::int64_t kpi_id, const std::string& period, const domain::SummaryCounts& d) {
  db.prepare("INSERT INTO kpi_period_summary (kpi_id, period) VALUES (?, ?) ON CONFLICT DO NOTHING")
      .bind(1, kpi_id)
      .bind(2, period)
      .run();
  db.prepare(
        "UPDATE kpi_period_summary SET submitted = submitted + ?3, reviewed = reviewed + ?4, total = total + ?5, "
        "self_sum = self_sum + ?6, self_count = self_count + ?7, review_sum = review_sum + ?8, "
        "review_count = review_count + ?9 WHERE kpi_id = ?1 AND period = ?2")
      .bind(1, kpi_id)
      .bind(2, period)
      .bind(3, d.submitted)
      .bind(4, d.reviewed)
      .bind(5, d.total)
      .bind(6, hundredths(d.self_sum))
      .bind(7, d.self_count)
      .bind(8, hundredths(d.review_sum))
      .bind(9, d.review_count)
      .run();
}

}  // namespace rows

using namespace rows;

namespace {

std::string criteria_json(const std::vector<double>& c) { return nlohmann::json(c).dump(); }
std::string periods_json(const std::vector<Period>& ps) {
  nlohmann::json j = nlohmann::json::array();
  for (const auto& p : ps) j.push_back(domain::period_id(p));
  return j.dump();
}

constexpr const char* kKpiColumns =
    "id, office_code, year, number, name, description, type, criteria, owner_group, cadence, open_periods, status";

StoredKpi read_kpi(const Statement& q) {
  StoredKpi s;
  s.id = q.integer(0);
  s.office_code = q.text(1);
  auto& k = s.definition;
  k.year = static_cast<int>(q.integer(2));
  k.number = q.text(3);
  k.name = q.text(4);
  k.description = q.text(5);
  k.type = domain::parse_kpi_type(q.text(6)).value();
  k.criteria = nlohmann::json::parse(q.text(7)).get<std::vector<double>>();
  k.owner_group = q.text(8);
  k.cadence = domain::parse_cadence(q.text(9)).value();
  for (const auto& id : nlohmann::json::parse(q.text(10))) k.open_periods.push_back(domain::parse_period(id.get<std::string>()).value());
  k.status = domain::parse_kpi_status(q.text(11)).value();
  return s;
}

std::optional<StoredKpi> find_kpi(Database& db, std::int64_t id) {
  auto q = db.prepare(std::string("SELECT ") + kKpiColumns + " FROM kpis WHERE id = ?");
  q.bind(1, id);
  if (!q.step()) return std::nullopt;
  return read_kpi(q);
}

void bind_definition(Statement& s, const domain::KpiDefinition& k, int first) {
  s.bind(first, k.number).bind(first + 1, k.name).bind(first + 2, k.description);
  s.bind(first + 3, domain::kpi_type_id(k.type)).bind(first + 4, criteria_json(k.criteria));
  s.bind(first + 5, k.owner_group).bind(first + 6, domain::cadence_id(k.cadence));
  s.bind(first + 7, periods_json(k.open_periods)).bind(first + 8, domain::kpi_status_id(k.status));
}

bool number_taken(Database& db, const std::string& office, int year, const std::string& number, std::int64_t except) {
  auto q = db.prepare("SELECT 1 FROM kpis WHERE office_code = ? AND year = ? AND number = ? AND id <> ?");
  q.bind(1, office).bind(2, std::int64_t{year}).bind(3, number).bind(4, except);
  return q.step();
}

Refusal number_conflict(const std::string& number) {
  return conflict(domain::kpi_number_taken_error(number));
}
}  // namespace

// ---------------------------------------------------------------------------- definitions

Result<StoredKpi> KpiStore::create(const std::string& office_code, const domain::KpiDefinition& k) {
  auto db = db_.acquire();
  Transaction tx(*db);
  if (number_taken(*db, office_code, k.year, k.number, 0)) return number_conflict(k.number);
  auto s = db->prepare(
      "INSERT INTO kpis (office_code, year, number, name, description, type, criteria, owner_group, cadence, "
      "open_periods, status) VALUES (?,?,?,?,?,?,?,?,?,?,?) RETURNING id");
  s.bind(1, office_code).bind(2, std::int64_t{k.year});
  bind_definition(s, k, 3);
  const std::int64_t id = s.returned_id();
  tx.commit();
  return StoredKpi{id, office_code, k};
}

Result<StoredKpi> KpiStore::update(std::int64_t id, const domain::KpiDefinition& k) {
  auto db = db_.acquire();
  Transaction tx(*db);
  auto current = find_kpi(*db, id);
  if (!current) return Refusal{404, domain::kpi_not_found_error()};
  if (k.year != current->definition.year) return Refusal{400, domain::kpi_year_fixed_error()};
  if (k.cadence != current->definition.cadence) {
    auto q = db->prepare("SELECT 1 FROM kpi_reports WHERE kpi_id = ? LIMIT 1");
    q.bind(1, id);
    if (q.step())
      return conflict(domain::kpi_cadence_locked_error());
  }
  if (number_taken(*db, current->office_code, k.year, k.number, id)) return number_conflict(k.number);
  auto s = db->prepare(
      "UPDATE kpis SET number = ?, name = ?, description = ?, type = ?, criteria = ?, owner_group = ?, cadence = ?, "
      "open_periods = ?, status = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?");
  bind_definition(s, k, 1);
  s.bind(10, id);
  s.run();
  tx.commit();
  return StoredKpi{id, current->office_code, k};
}

std::optional<StoredKpi> KpiStore::find(std::int64_t id) {
  auto db = db_.acquire();
  return find_kpi(*db, id);
}

std::vector<StoredKpi> KpiStore::list(int year) {
  auto db = db_.acquire();
  auto q = db->prepare(std::string("SELECT ") + kKpiColumns + " FROM kpis WHERE year = ? ORDER BY office_code, number, id");
  q.bind(1, std::int64_t{year});
  std::vector<StoredKpi> out;
  while (q.step()) out.push_back(read_kpi(q));
  return out;
}

std::vector<StoredKpi> KpiStore::copy_year(const std::string& office_code, int year) {
  auto db = db_.acquire();
  Transaction tx(*db);
  auto q = db->prepare(std::string("SELECT ") + kKpiColumns + " FROM kpis WHERE office_code = ? AND year = ? ORDER BY id");
  q.bind(1, office_code).bind(2, std::int64_t{year});
  std::vector<StoredKpi> from;
  while (q.step()) from.push_back(read_kpi(q));
  std::vector<StoredKpi> copied;
  for (const auto& k : from) {
    const auto next = domain::copied_to_next_year(k.definition);
    if (number_taken(*db, office_code, next.year, next.number, 0)) continue;
    auto s = db->prepare(
        "INSERT INTO kpis (office_code, year, number, name, description, type, criteria, owner_group, cadence, "
        "open_periods, status) VALUES (?,?,?,?,?,?,?,?,?,?,?) RETURNING id");
    s.bind(1, office_code).bind(2, std::int64_t{next.year});
    bind_definition(s, next, 3);
    const std::int64_t id = s.returned_id();
    db->prepare("INSERT INTO kpi_documents (kpi_id, kind, file_id, label) SELECT ?, kind, file_id, label FROM kpi_documents WHERE kpi_id = ?")
        .bind(1, id)
        .bind(2, k.id)
        .run();
    copied.push_back({id, office_code, next});
  }
  tx.commit();
  return copied;
}

// ---------------------------------------------------------------------------- units

std::vector<std::string> KpiStore::units(std::int64_t kpi_id, const Period& p) {
  auto db = db_.acquire();
  auto q = db->prepare("SELECT unit_code FROM kpi_reports WHERE kpi_id = ? AND period = ? ORDER BY unit_code");
  q.bind(1, kpi_id).bind(2, domain::period_id(p));
  std::vector<std::string> out;
  while (q.step()) out.push_back(q.text(0));
  return out;
}

Result<std::vector<std::string>> KpiStore::assign_units(const StoredKpi& kpi, const Period& p,
                                                        const std::vector<std::string>& wanted_list) {
  const std::string period = domain::period_id(p);
  const std::set<std::string> wanted(wanted_list.begin(), wanted_list.end());
  auto db = db_.acquire();
  Transaction tx(*db);
  std::map<std::string, Report> current;
  {
    auto q = db->prepare("SELECT unit_code FROM kpi_reports WHERE kpi_id = ? AND period = ?");
    q.bind(1, kpi.id).bind(2, period);
    std::vector<std::string> codes;
    while (q.step()) codes.push_back(q.text(0));
    for (const auto& c : codes) current.emplace(c, *load_report(*db, kpi.id, period, c));
  }
  for (const auto& [code, r] : current) {
    if (wanted.count(code) || !domain::has_reported(r.unit.status)) continue;
    return conflict(domain::unit_has_reported_error(code, r.unit.status));
  }
  domain::SummaryCounts d;
  for (const auto& [code, r] : current) {
    if (wanted.count(code)) continue;
    db->prepare("DELETE FROM kpi_reports WHERE kpi_id = ? AND period = ? AND unit_code = ?")
        .bind(1, kpi.id)
        .bind(2, period)
        .bind(3, code)
        .run();
    d += domain::delta(r.unit, std::nullopt);
  }
  auto insert = db->prepare("INSERT INTO kpi_reports (kpi_id, period, unit_code) VALUES (?, ?, ?)");
  for (const auto& code : wanted) {
    if (current.count(code)) continue;
    insert.reset();
    insert.bind(1, kpi.id).bind(2, period).bind(3, code);
    insert.run();
    d += domain::delta(std::nullopt, domain::UnitReport{code});
  }
  insert.reset();
  apply_delta(*db, kpi.id, period, d);
  tx.commit();
  return std::vector<std::string>(wanted.begin(), wanted.end());
}


// ---------------------------------------------------------------------------- overview

domain::SummaryCounts KpiStore::counts(std::int64_t kpi_id, const Period& p) {
  auto db = db_.acquire();
  auto q = db->prepare(
      "SELECT submitted, reviewed, total, self_sum, self_count, review_sum, review_count FROM kpi_period_summary "
      "WHERE kpi_id = ? AND period = ?");
  q.bind(1, kpi_id).bind(2, domain::period_id(p));
  domain::SummaryCounts c;
  if (q.step()) {
    c.submitted = q.integer(0);
    c.reviewed = q.integer(1);
    c.total = q.integer(2);
    c.self_sum = from_hundredths(q.integer(3));
    c.self_count = q.integer(4);
    c.review_sum = from_hundredths(q.integer(5));
    c.review_count = q.integer(6);
  }
  return c;
}

std::vector<domain::UnitReport> KpiStore::unit_reports(std::int64_t kpi_id, const Period& p) {
  auto db = db_.acquire();
  auto q = db->prepare(
      "SELECT unit_code, status, self_score, review_score, reporter, reviewer FROM kpi_reports "
      "WHERE kpi_id = ? AND period = ? ORDER BY unit_code");
  q.bind(1, kpi_id).bind(2, domain::period_id(p));
  std::vector<domain::UnitReport> out;
  while (q.step()) {
    domain::UnitReport u;
    u.unit_code = q.text(0);
    u.status = domain::parse_report_status(q.text(1)).value_or(ReportStatus::waiting_submit);
    if (!q.is_null(2)) u.self_score = from_hundredths(q.integer(2));
    if (!q.is_null(3)) u.review_score = from_hundredths(q.integer(3));
    u.reporter = q.text(4);
    u.reviewer = q.text(5);
    out.push_back(std::move(u));
  }
  return out;
}

std::vector<PeriodSummary> KpiStore::summary(const StoredKpi& kpi) {
  std::vector<PeriodSummary> out;
  std::map<std::string, std::size_t> at;
  for (const Period& p : domain::periods_of(kpi.definition.cadence)) {
    at[domain::period_id(p)] = out.size();
    out.push_back({p, {}, {}});
  }
  auto db = db_.acquire();
  auto c = db->prepare(
      "SELECT period, submitted, reviewed, total, self_sum, self_count, review_sum, review_count FROM kpi_period_summary "
      "WHERE kpi_id = ?");
  c.bind(1, kpi.id);
  while (c.step()) {
    const auto it = at.find(c.text(0));
    if (it == at.end()) continue;
    auto& s = out[it->second].counts;
    s.submitted = c.integer(1);
    s.reviewed = c.integer(2);
    s.total = c.integer(3);
    s.self_sum = from_hundredths(c.integer(4));
    s.self_count = c.integer(5);
    s.review_sum = from_hundredths(c.integer(6));
    s.review_count = c.integer(7);
  }
  auto q = db->prepare(
      "SELECT period, unit_code, status, self_score, review_score, reporter, reviewer FROM kpi_reports "
      "WHERE kpi_id = ? ORDER BY period, unit_code");
  q.bind(1, kpi.id);
  while (q.step()) {
    const auto it = at.find(q.text(0));
    if (it == at.end()) continue;
    domain::UnitReport u;
    u.unit_code = q.text(1);
    u.status = domain::parse_report_status(q.text(2)).value_or(ReportStatus::waiting_submit);
    if (!q.is_null(3)) u.self_score = from_hundredths(q.integer(3));
    if (!q.is_null(4)) u.review_score = from_hundredths(q.integer(4));
    u.reporter = q.text(5);
    u.reviewer = q.text(6);
    out[it->second].units.push_back(std::move(u));
  }
  return out;
}

std::vector<KpiStore::QueueItem> KpiStore::review_queue(const std::vector<std::int64_t>& kpi_ids) {
  auto db = db_.acquire();
  auto q = db->prepare(
      "SELECT period, unit_code, updated_at FROM kpi_reports WHERE kpi_id = ? AND status = 'waiting_review' "
      "ORDER BY updated_at");
  std::vector<QueueItem> out;
  for (auto id : kpi_ids) {
    q.reset();
    q.bind(1, id);
    while (q.step()) out.push_back({id, q.text(0), q.text(1), q.text(2)});
  }
  q.reset();
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.updated_at < b.updated_at; });
  return out;
}

std::int64_t KpiStore::revision() {
  static storage::KeptNumber kept("SELECT n FROM kpi_revision WHERE id = 1");
  auto db = db_.acquire();
  return kept.read(*db);
}

}  // namespace server::kpi
