#pragma once
// KPIs, their reporting units, reports, evidence and the live overview, in SQLite. Every
// report write changes the period's summary row in the same transaction (by the domain's
// delta), so the overview is exact after every write and never regenerated.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "server/auth/caller.hpp"
#include "server/http/refusal.hpp"
#include "server/storage/connection_pool.hpp"
#include "shared/kpi/kpi_definition.hpp"
#include "shared/kpi/kpi_summary.hpp"
#include "shared/kpi/report_lifecycle.hpp"

namespace server::kpi {

// Refusals: 400 bad input, 404 unknown, 409 state conflict.
using http::Refusal;
using http::refused;
template <class T>
using Result = http::Outcome<T>;

struct StoredKpi {
  std::int64_t id = 0;
  std::string office_code;
  domain::KpiDefinition definition;
};

using auth::Actor;  // shown as reporter / reviewer

struct Report {
  domain::UnitReport unit;  // status, scores, reporter, reviewer
  std::vector<domain::EvidenceFile> files;
  std::string review_comment;
  std::string return_reason;
  std::string updated_at;
};

struct PeriodSummary {
  domain::Period period;
  domain::SummaryCounts counts;
  std::vector<domain::UnitReport> units;  // ordered by unit code
};

struct Comment {
  std::int64_t id;
  std::string kind;  // comment | return | review | cancel_review
  std::string author;
  std::string body;
  std::string created_at;
};

struct StoredFile {
  std::string id;
  std::string content_name;  // files/<content_name>: sealed, named by a keyed hash (older: SHA-256)
  std::string name, content_type;
  std::string uploader_org;
  std::int64_t size = 0;
  std::int64_t uploader_id = 0;
  std::string purpose = "evidence";  // evidence | kpi_document: what it was uploaded for
  bool decoded_image = false;        // an image the server decoded: the only kind shown inline
};

class KpiStore {
 public:
  explicit KpiStore(storage::ConnectionPool& db) : db_(db) {}

  // --- definitions
  Result<StoredKpi> create(const std::string& office_code, const domain::KpiDefinition& k);
  // The year stays; the cadence can change only while no period has assigned units.
  Result<StoredKpi> update(std::int64_t id, const domain::KpiDefinition& k);
  std::optional<StoredKpi> find(std::int64_t id);
  std::vector<StoredKpi> list(int year);
  // Copies every KPI of `office_code` in `year` into year + 1 (numbers already there are
  // skipped); returns the new KPIs.
  std::vector<StoredKpi> copy_year(const std::string& office_code, int year);

  // --- reporting units of a period
  std::vector<std::string> units(std::int64_t kpi_id, const domain::Period& p);
  // Makes `units` the period's reporting units. A unit that has reported cannot be removed
  // (409 unit_has_reported, naming it): then nothing changes.
  Result<std::vector<std::string>> assign_units(const StoredKpi& kpi, const domain::Period& p,
                                                const std::vector<std::string>& units);

  // --- reports
  std::optional<Report> report(std::int64_t kpi_id, const domain::Period& p, const std::string& unit);
  Result<Report> save_draft(const StoredKpi& kpi, const domain::Period& p, const std::string& unit,
                            const domain::ReportDraft& draft, const Actor& actor);
  Result<Report> confirm(const StoredKpi& kpi, const domain::Period& p, const std::string& unit, const Actor& actor);
  Result<Report> unconfirm(const StoredKpi& kpi, const domain::Period& p, const std::string& unit, const Actor& actor);
  Result<Report> review(const StoredKpi& kpi, const domain::Period& p, const std::string& unit,
                        const domain::Review& review, const Actor& actor);
  Result<Report> return_report(const StoredKpi& kpi, const domain::Period& p, const std::string& unit,
                               const std::string& reason, const Actor& actor);
  Result<Report> cancel_review(const StoredKpi& kpi, const domain::Period& p, const std::string& unit,
                               const Actor& actor);
  std::vector<Comment> comments(std::int64_t kpi_id, const domain::Period& p, const std::string& unit);
  Result<Comment> add_comment(std::int64_t kpi_id, const domain::Period& p, const std::string& unit,
                              const std::string& body, const Actor& actor);

  // --- the overview
  domain::SummaryCounts counts(std::int64_t kpi_id, const domain::Period& p);
  // Every period of the KPI in two queries (counts, unit lines): the hot read of the overview.
  std::vector<PeriodSummary> summary(const StoredKpi& kpi);
  // The reports of units under `unit_codes` only (a school sees its own lines).
  std::vector<domain::UnitReport> unit_reports(std::int64_t kpi_id, const domain::Period& p);
  // Reports waiting for review among these KPIs.
  struct QueueItem {
    std::int64_t kpi_id;
    std::string period, unit_code, updated_at;
  };
  std::vector<QueueItem> review_queue(const std::vector<std::int64_t>& kpi_ids);

  // --- files (kpi_file_store.cpp)
  void add_file(const StoredFile& f);
  std::optional<StoredFile> file(const std::string& id);
  // KPIs and units whose reports attach this file (for read permission).
  struct FileUse {
    std::int64_t kpi_id;
    std::string unit_code;
  };
  std::vector<FileUse> file_uses(const std::string& file_id);

  // --- attached documents of a KPI (description, assessment tool, others)
  struct Document {
    std::int64_t id;
    std::string kind, file_id, label, file_name;
  };
  // A file uploaded for another purpose or already in use is attached as a copy (a new
  // file id, same owner): the returned Document names the file id attached.
  Result<Document> add_document(std::int64_t kpi_id, const std::string& kind, const std::string& file_id,
                                const std::string& label);
  std::vector<Document> documents(std::int64_t kpi_id);
  // Detaches one; false when the KPI has no such document. The file record stays (an
  // earlier download link still names it; the bytes go with the last record using them).
  bool remove_document(std::int64_t kpi_id, std::int64_t document_id);


  // Goes up with every committed write to the KPI tables, by any server on this database
  // (triggers of migration 402): a reply built at revision r is still exact while
  // revision() == r (read the revision before reading the data).
  std::int64_t revision();

 private:
  storage::ConnectionPool& db_;
};

}  // namespace server::kpi
