#include "server/lec/lec_schema.hpp"

namespace server::lec {

const std::string_view kSchema500 = R"sql(
-- A round per academic year (B.E.), opened by the department with its deadlines (ISO).
CREATE TABLE lec_rounds (
  year             INTEGER PRIMARY KEY,
  institution      TEXT NOT NULL,
  local_government TEXT NOT NULL,
  province         TEXT NOT NULL,
  department       TEXT NOT NULL,
  opened_by        INTEGER,
  updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
-- The register. The ID is sealed (XSalsa20-Poly1305) and found by its keyed hash: a copy
-- of the database gives no national ID away.
CREATE TABLE lec_children (
  id               INTEGER PRIMARY KEY,
  year             INTEGER NOT NULL,
  institution_code TEXT NOT NULL,
  id_kind          TEXT NOT NULL,              -- national_id | g_code
  id_sealed        TEXT NOT NULL,
  id_hash          TEXT NOT NULL,
  id_masked        TEXT NOT NULL,
  title            TEXT NOT NULL,
  first_name       TEXT NOT NULL,
  last_name        TEXT NOT NULL,
  sex              TEXT NOT NULL,
  birth_date       TEXT NOT NULL,
  level            TEXT NOT NULL,
  room             TEXT NOT NULL DEFAULT '',
  status           TEXT NOT NULL DEFAULT 'attending',  -- attending | removed
  removed_reason   TEXT NOT NULL DEFAULT '',
  removed_note     TEXT NOT NULL DEFAULT '',
  updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
-- A child attends one institution a year.
CREATE UNIQUE INDEX lec_children_attending ON lec_children (year, id_hash) WHERE status = 'attending';
CREATE INDEX lec_children_by_institution ON lec_children (year, institution_code, status);
CREATE INDEX lec_children_by_hash ON lec_children (year, id_hash);
-- What happened to a record (fields only, never values).
CREATE TABLE lec_child_history (
  id         INTEGER PRIMARY KEY,
  child_id   INTEGER NOT NULL REFERENCES lec_children (id),
  action     TEXT NOT NULL,                    -- added | edited | removed | restored | moved_out
  detail     TEXT NOT NULL,                    -- JSON: changed fields, reason
  actor_id   INTEGER,
  at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX lec_child_history_by_child ON lec_child_history (child_id, id);
-- Attending children per institution and level, changed in the same transaction as
-- every child write: the counts are never recomputed.
CREATE TABLE lec_counts (
  year             INTEGER NOT NULL,
  institution_code TEXT NOT NULL,
  level            TEXT NOT NULL,
  n                INTEGER NOT NULL,
  PRIMARY KEY (year, institution_code, level)
) WITHOUT ROWID;
-- Schools of other affiliations an LGO funds; counts NULL until recorded (JSON levels).
CREATE TABLE lec_funded (
  year        INTEGER NOT NULL,
  lgo_code    TEXT NOT NULL,
  school_code TEXT NOT NULL,
  counts      TEXT,
  closed      INTEGER NOT NULL DEFAULT 0,
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (year, lgo_code, school_code)
) WITHOUT ROWID;
-- Standing confirmations; a change beneath deletes them in its own transaction.
CREATE TABLE lec_confirmations (
  year            INTEGER NOT NULL,
  org_code        TEXT NOT NULL,
  confirmed_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  confirmed_by    TEXT NOT NULL,
  confirmed_by_id INTEGER NOT NULL,
  on_behalf       INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (year, org_code)
) WITHOUT ROWID;
)sql";

const std::string_view kSchema501 = R"sql(
-- A child-development centre's basic data (staff, rooms, ages, capacity) for a year, as
-- JSON of domain::CentreProfile; confirmed with the centre's children.
CREATE TABLE lec_centres (
  year             INTEGER NOT NULL,
  institution_code TEXT NOT NULL,
  profile          TEXT NOT NULL,
  updated_by       INTEGER,
  updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (year, institution_code)
) WITHOUT ROWID;
)sql";

// `lec_revision.n`, not a bare `n`, in the upserts: the same meaning on SQLite (as first
// released), and PostgreSQL, whose schema is translated from this text, calls a bare one ambiguous.
const std::string_view kSchema502 = R"sql(
CREATE TABLE lec_revision (
  year INTEGER PRIMARY KEY,
  n    INTEGER NOT NULL
);
CREATE TRIGGER lec_counts_revision_insert AFTER INSERT ON lec_counts BEGIN
  INSERT INTO lec_revision (year, n) VALUES (new.year, 1) ON CONFLICT (year) DO UPDATE SET n = lec_revision.n + 1;
END;
CREATE TRIGGER lec_counts_revision_update AFTER UPDATE ON lec_counts BEGIN
  INSERT INTO lec_revision (year, n) VALUES (new.year, 1) ON CONFLICT (year) DO UPDATE SET n = lec_revision.n + 1;
END;
CREATE TRIGGER lec_counts_revision_delete AFTER DELETE ON lec_counts BEGIN
  INSERT INTO lec_revision (year, n) VALUES (old.year, 1) ON CONFLICT (year) DO UPDATE SET n = lec_revision.n + 1;
END;
CREATE TRIGGER lec_confirmations_revision_insert AFTER INSERT ON lec_confirmations BEGIN
  INSERT INTO lec_revision (year, n) VALUES (new.year, 1) ON CONFLICT (year) DO UPDATE SET n = lec_revision.n + 1;
END;
CREATE TRIGGER lec_confirmations_revision_update AFTER UPDATE ON lec_confirmations BEGIN
  INSERT INTO lec_revision (year, n) VALUES (new.year, 1) ON CONFLICT (year) DO UPDATE SET n = lec_revision.n + 1;
END;
CREATE TRIGGER lec_confirmations_revision_delete AFTER DELETE ON lec_confirmations BEGIN
  INSERT INTO lec_revision (year, n) VALUES (old.year, 1) ON CONFLICT (year) DO UPDATE SET n = lec_revision.n + 1;
END;
CREATE TRIGGER lec_funded_revision_insert AFTER INSERT ON lec_funded BEGIN
  INSERT INTO lec_revision (year, n) VALUES (new.year, 1) ON CONFLICT (year) DO UPDATE SET n = lec_revision.n + 1;
END;
CREATE TRIGGER lec_funded_revision_update AFTER UPDATE ON lec_funded BEGIN
  INSERT INTO lec_revision (year, n) VALUES (new.year, 1) ON CONFLICT (year) DO UPDATE SET n = lec_revision.n + 1;
END;
CREATE TRIGGER lec_funded_revision_delete AFTER DELETE ON lec_funded BEGIN
  INSERT INTO lec_revision (year, n) VALUES (old.year, 1) ON CONFLICT (year) DO UPDATE SET n = lec_revision.n + 1;
END;
CREATE TRIGGER lec_rounds_revision_insert AFTER INSERT ON lec_rounds BEGIN
  INSERT INTO lec_revision (year, n) VALUES (new.year, 1) ON CONFLICT (year) DO UPDATE SET n = lec_revision.n + 1;
END;
CREATE TRIGGER lec_rounds_revision_update AFTER UPDATE ON lec_rounds BEGIN
  INSERT INTO lec_revision (year, n) VALUES (new.year, 1) ON CONFLICT (year) DO UPDATE SET n = lec_revision.n + 1;
END;
)sql";

}  // namespace server::lec
