#pragma once
// Migration 300: school account registrations (server/registrations).
#include <string_view>

namespace server::storage {

inline constexpr std::string_view registrations_schema = R"sql(
CREATE TABLE registrations (
  id                 INTEGER PRIMARY KEY,
  reference          TEXT NOT NULL UNIQUE,     -- printed on the letter and in its QR code
  token_hash         TEXT NOT NULL,            -- keyed hash of the registrant's bearer token
  status             TEXT NOT NULL,            -- shared/registration/registration_state
  affiliation        TEXT NOT NULL,
  institution_code   TEXT NOT NULL,
  institution_name   TEXT NOT NULL,
  province           TEXT NOT NULL,
  district           TEXT NOT NULL,
  parent_code        TEXT NOT NULL,
  title              TEXT NOT NULL,
  first_name         TEXT NOT NULL,
  last_name          TEXT NOT NULL,
  position           TEXT NOT NULL,
  phone              TEXT NOT NULL,
  email              TEXT NOT NULL,
  national_id_sealed TEXT NOT NULL,            -- encrypted with the server key (PDPA)
  national_id_hash   TEXT NOT NULL,            -- keyed hash, to compare on upload
  national_id_masked TEXT NOT NULL,            -- 1-2345-xxxxx-xx-1
  tsl_username       TEXT NOT NULL,
  kiddiary_username  TEXT NOT NULL,
  letter_file        TEXT NOT NULL DEFAULT '', -- letters/<sha256>.<ext> under DATA_DIR
  letter_type        TEXT NOT NULL DEFAULT '',
  letter_bytes       INTEGER NOT NULL DEFAULT 0,
  reason             TEXT NOT NULL DEFAULT '',
  superseded_by      INTEGER REFERENCES registrations (id),
  decided_by         INTEGER,
  created_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
-- At most one open registration per institution: a newer one supersedes it first.
CREATE UNIQUE INDEX registrations_one_pending ON registrations (institution_code)
  WHERE status IN ('awaiting_letter', 'under_review');
CREATE INDEX registrations_by_status ON registrations (status, affiliation, province, id);
)sql";

}  // namespace server::storage
