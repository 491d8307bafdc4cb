#include "server/kpi/kpi_schema.hpp"

namespace server::kpi {

const std::string_view kSchema400 = R"sql(
-- Evidence and attached documents, stored once per content (files/<sha256>), named per upload.
CREATE TABLE kpi_files (
  id           TEXT PRIMARY KEY,          -- random, unguessable
  sha256       TEXT NOT NULL,
  name         TEXT NOT NULL,
  size         INTEGER NOT NULL,
  content_type TEXT NOT NULL,
  uploader_id  INTEGER NOT NULL,
  uploader_org TEXT NOT NULL,
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE TABLE kpis (
  id           INTEGER PRIMARY KEY,
  office_code  TEXT NOT NULL,             -- the area office that owns the KPI
  year         INTEGER NOT NULL,          -- fiscal year, B.E.
  number       TEXT NOT NULL,
  name         TEXT NOT NULL,
  description  TEXT NOT NULL,
  type         TEXT NOT NULL,             -- score_1_5 | percentage
  criteria     TEXT NOT NULL,             -- JSON array of levels
  owner_group  TEXT NOT NULL,
  cadence      TEXT NOT NULL,
  open_periods TEXT NOT NULL,             -- JSON array of period ids
  status       TEXT NOT NULL,             -- open | closed
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (office_code, year, number)
);
CREATE INDEX kpis_by_year ON kpis (year, office_code);
CREATE TABLE kpi_documents (
  id          INTEGER PRIMARY KEY,
  kpi_id      INTEGER NOT NULL REFERENCES kpis (id),
  kind        TEXT NOT NULL,              -- description | assessment_tool | other
  file_id     TEXT NOT NULL REFERENCES kpi_files (id),
  label       TEXT NOT NULL
);
-- One row per assigned unit and period; scores in hundredths so running sums are exact.
CREATE TABLE kpi_reports (
  kpi_id         INTEGER NOT NULL REFERENCES kpis (id),
  period         TEXT NOT NULL,
  unit_code      TEXT NOT NULL,
  status         TEXT NOT NULL DEFAULT 'waiting_submit',
  self_score     INTEGER,
  review_score   INTEGER,
  review_comment TEXT NOT NULL DEFAULT '',
  return_reason  TEXT NOT NULL DEFAULT '',
  reporter       TEXT NOT NULL DEFAULT '',
  reviewer       TEXT NOT NULL DEFAULT '',
  updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (kpi_id, period, unit_code)
) WITHOUT ROWID;
CREATE INDEX kpi_reports_by_unit ON kpi_reports (unit_code, kpi_id);
CREATE INDEX kpi_reports_by_status ON kpi_reports (status, kpi_id);
CREATE TABLE kpi_report_files (
  kpi_id      INTEGER NOT NULL,
  period      TEXT NOT NULL,
  unit_code   TEXT NOT NULL,
  position    INTEGER NOT NULL,
  file_id     TEXT NOT NULL REFERENCES kpi_files (id),
  description TEXT NOT NULL,
  PRIMARY KEY (kpi_id, period, unit_code, position),
  FOREIGN KEY (kpi_id, period, unit_code) REFERENCES kpi_reports (kpi_id, period, unit_code)
) WITHOUT ROWID;
CREATE INDEX kpi_report_files_by_file ON kpi_report_files (file_id);
-- The overview of each KPI period, changed in the same transaction as every report write.
CREATE TABLE kpi_period_summary (
  kpi_id       INTEGER NOT NULL REFERENCES kpis (id),
  period       TEXT NOT NULL,
  submitted    INTEGER NOT NULL DEFAULT 0,
  reviewed     INTEGER NOT NULL DEFAULT 0,
  total        INTEGER NOT NULL DEFAULT 0,
  self_sum     INTEGER NOT NULL DEFAULT 0,  -- hundredths
  self_count   INTEGER NOT NULL DEFAULT 0,
  review_sum   INTEGER NOT NULL DEFAULT 0,  -- hundredths
  review_count INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (kpi_id, period)
) WITHOUT ROWID;
-- The thread of a report: comments, returns (with their reason) and reviews.
CREATE TABLE kpi_comments (
  id         INTEGER PRIMARY KEY,
  kpi_id     INTEGER NOT NULL,
  period     TEXT NOT NULL,
  unit_code  TEXT NOT NULL,
  kind       TEXT NOT NULL,               -- comment | return | review | cancel_review
  author_id  INTEGER NOT NULL,
  author     TEXT NOT NULL,
  body       TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX kpi_comments_by_report ON kpi_comments (kpi_id, period, unit_code, id);
-- In-client notifications, addressed to the holders of a permission on an organisation.
CREATE TABLE kpi_notifications (
  id         INTEGER PRIMARY KEY,
  org_code   TEXT NOT NULL,
  permission TEXT NOT NULL,
  kind       TEXT NOT NULL,
  text_th    TEXT NOT NULL,
  text_en    TEXT NOT NULL,
  link       TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX kpi_notifications_by_org ON kpi_notifications (org_code, id);
)sql";

// Files sealed at rest under a keyed hash of their bytes (older rows: their SHA-256); who and
// what each was uploaded for; whether it is an image the server decoded (only those are
// ever shown inline).
const std::string_view kSchema401 = R"sql(
ALTER TABLE kpi_files RENAME COLUMN sha256 TO content_name;
ALTER TABLE kpi_files ADD COLUMN purpose TEXT NOT NULL DEFAULT 'evidence';  -- evidence | kpi_document
ALTER TABLE kpi_files ADD COLUMN decoded_image INTEGER NOT NULL DEFAULT 0;
UPDATE kpi_files SET purpose = 'kpi_document'
 WHERE id IN (SELECT file_id FROM kpi_documents) AND id NOT IN (SELECT file_id FROM kpi_report_files);
)sql";

const std::string_view kSchema402 = R"sql(
CREATE TABLE kpi_revision (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  n  INTEGER NOT NULL
);
INSERT INTO kpi_revision (id, n) VALUES (1, 0);
CREATE TRIGGER kpis_revision_insert AFTER INSERT ON kpis BEGIN
  UPDATE kpi_revision SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER kpis_revision_update AFTER UPDATE ON kpis BEGIN
  UPDATE kpi_revision SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER kpis_revision_delete AFTER DELETE ON kpis BEGIN
  UPDATE kpi_revision SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER kpi_documents_revision_insert AFTER INSERT ON kpi_documents BEGIN
  UPDATE kpi_revision SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER kpi_documents_revision_update AFTER UPDATE ON kpi_documents BEGIN
  UPDATE kpi_revision SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER kpi_documents_revision_delete AFTER DELETE ON kpi_documents BEGIN
  UPDATE kpi_revision SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER kpi_reports_revision_insert AFTER INSERT ON kpi_reports BEGIN
  UPDATE kpi_revision SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER kpi_reports_revision_update AFTER UPDATE ON kpi_reports BEGIN
  UPDATE kpi_revision SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER kpi_reports_revision_delete AFTER DELETE ON kpi_reports BEGIN
  UPDATE kpi_revision SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER kpi_report_files_revision_insert AFTER INSERT ON kpi_report_files BEGIN
  UPDATE kpi_revision SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER kpi_report_files_revision_update AFTER UPDATE ON kpi_report_files BEGIN
  UPDATE kpi_revision SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER kpi_report_files_revision_delete AFTER DELETE ON kpi_report_files BEGIN
  UPDATE kpi_revision SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER kpi_period_summary_revision_insert AFTER INSERT ON kpi_period_summary BEGIN
  UPDATE kpi_revision SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER kpi_period_summary_revision_update AFTER UPDATE ON kpi_period_summary BEGIN
  UPDATE kpi_revision SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER kpi_period_summary_revision_delete AFTER DELETE ON kpi_period_summary BEGIN
  UPDATE kpi_revision SET n = n + 1 WHERE id = 1;
END;
)sql";

}  // namespace server::kpi
