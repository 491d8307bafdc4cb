#include "server/lec/lec_file_schema.hpp"

namespace server::lec {

const std::string_view kSchema550 = R"sql(
-- A sample drawn for a visit; the seed is kept so the draw can be shown to be the random one.
CREATE TABLE lec_spot_checks (
  id         INTEGER PRIMARY KEY,
  year       INTEGER NOT NULL,
  org_code   TEXT NOT NULL,
  seed       TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_by_id INTEGER NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX lec_spot_checks_by_org ON lec_spot_checks (year, org_code);
-- One sampled child; found NULL until the officer has looked.
CREATE TABLE lec_spot_check_items (
  id               INTEGER PRIMARY KEY,
  check_id         INTEGER NOT NULL REFERENCES lec_spot_checks (id),
  institution_code TEXT NOT NULL,
  child_id         INTEGER NOT NULL REFERENCES lec_children (id),
  found            INTEGER,
  note             TEXT NOT NULL DEFAULT '',
  checked_by       TEXT NOT NULL DEFAULT '',
  checked_at       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX lec_spot_check_items_by_check ON lec_spot_check_items (check_id, id);
)sql";

}  // namespace server::lec
