#include "server/accounts/account_schema.hpp"

namespace server::accounts::schema {

// Offices of assets/directory/offices.csv; institutions stay in their own table and join
// the tree through the org_tree view (an institution is a leaf under its parent_code).
// The centre root 0000000000 is added in memory, above the departments.
const std::string_view organisations = R"sql(
CREATE TABLE organisations (
  code        TEXT PRIMARY KEY,
  name_th     TEXT NOT NULL,
  kind        TEXT NOT NULL,              -- as in offices.csv: department, primary_area, sao...
  province    TEXT NOT NULL DEFAULT '',
  parent_code TEXT NOT NULL DEFAULT ''
);
CREATE VIEW org_tree (code, parent_code, kind, name_th, province) AS
  SELECT code, parent_code, kind, name_th, province FROM organisations
  UNION ALL
  SELECT code, parent_code, 'institution', name_th, province FROM institutions;
)sql";

// Times are unix seconds. A user is 'active', 'disabled', or 'pending' (created, waiting for
// an activation link or an approval: no sign-in). password_expires_at is set for an issued
// (first-login) password, which also sets must_change_password.
const std::string_view users_and_grants = R"sql(
CREATE TABLE users (
  id                    INTEGER PRIMARY KEY,
  username              TEXT NOT NULL UNIQUE,
  password_hash         TEXT NOT NULL DEFAULT '',
  status                TEXT NOT NULL CHECK (status IN ('active', 'disabled', 'pending')),
  org_code              TEXT NOT NULL,
  title                 TEXT NOT NULL DEFAULT '',
  first_name            TEXT NOT NULL DEFAULT '',
  last_name             TEXT NOT NULL DEFAULT '',
  position              TEXT NOT NULL DEFAULT '',
  phone                 TEXT NOT NULL DEFAULT '',
  email                 TEXT NOT NULL DEFAULT '',
  must_change_password  INTEGER NOT NULL DEFAULT 0,
  must_complete_profile INTEGER NOT NULL DEFAULT 0,
  password_expires_at   INTEGER,
  password_changed_at   INTEGER,
  school_user           INTEGER NOT NULL DEFAULT 0,  -- a school website user (EMIS rule: 2 per school)
  created_at            INTEGER NOT NULL,
  updated_at            INTEGER NOT NULL
);
CREATE INDEX users_by_org ON users (org_code);
CREATE INDEX users_by_phone ON users (phone);
CREATE TABLE grants (
  user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  permission TEXT NOT NULL,
  org_code   TEXT NOT NULL,
  PRIMARY KEY (user_id, permission, org_code)
);
)sql";

// Only digests of bearer tokens are stored (session ids, activation links, QR sign-ins,
// password resets): a copy of the database lets no one in.
const std::string_view sign_in = R"sql(
CREATE TABLE sessions (
  token_digest   TEXT PRIMARY KEY,
  user_id        INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token     TEXT NOT NULL,
  created_at     INTEGER NOT NULL,
  last_seen_at   INTEGER NOT NULL,
  client_address TEXT NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);
-- One row per failed sign-in, keyed 'user:<username>' and 'address:<ip>' (slow-down, no lockout).
CREATE TABLE sign_in_failures (
  key TEXT NOT NULL,
  at  INTEGER NOT NULL
);
CREATE INDEX sign_in_failures_by_key ON sign_in_failures (key, at);
CREATE TABLE one_time_tokens (
  token_digest TEXT PRIMARY KEY,
  purpose      TEXT NOT NULL CHECK (purpose IN ('activation', 'sign_in_qr', 'password_reset')),
  user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at   INTEGER NOT NULL,
  expires_at   INTEGER NOT NULL,
  used_at      INTEGER
);
CREATE INDEX one_time_tokens_by_user ON one_time_tokens (user_id, purpose);
)sql";

const std::string_view audit_log = R"sql(
CREATE TABLE audit_log (
  id             INTEGER PRIMARY KEY,
  at             TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  actor_user_id  INTEGER,
  action         TEXT NOT NULL,
  target         TEXT NOT NULL,
  client_address TEXT NOT NULL,
  detail         TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_by_actor ON audit_log (actor_user_id, id);
CREATE INDEX audit_log_by_target ON audit_log (target, id);
)sql";

// Whose data each entry is about, so an admin reads the log of their subtree (GET
// /api/v1/audit). Earlier entries get it from their target or detail, as record() does.
const std::string_view audit_log_org = R"sql(
ALTER TABLE audit_log ADD COLUMN org_code TEXT NOT NULL DEFAULT '';
UPDATE audit_log SET org_code = substr(target, instr(target, ':') + 1)
 WHERE target LIKE 'institution:%' OR target LIKE 'org:%' OR target LIKE 'school:%';
UPDATE audit_log SET org_code = COALESCE((SELECT u.org_code FROM users u WHERE u.id = CAST(substr(audit_log.target, 6) AS INTEGER)), '')
 WHERE target LIKE 'user:%';
UPDATE audit_log SET org_code = json_extract(detail, '$.institution')
 WHERE org_code = '' AND json_valid(detail) AND json_type(detail, '$.institution') = 'text';
UPDATE audit_log SET org_code = json_extract(detail, '$.institution_code')
 WHERE org_code = '' AND json_valid(detail) AND json_type(detail, '$.institution_code') = 'text';
CREATE INDEX audit_log_by_org ON audit_log (org_code, id);
)sql";

// A person asks for access to one school's website; the area admin decides. Approval
// creates a school user (users.school_user = 1), at most 2 not disabled per school.
const std::string_view access_requests = R"sql(
CREATE TABLE access_requests (
  id             INTEGER PRIMARY KEY,
  area_code      TEXT NOT NULL,
  school_code    TEXT NOT NULL,
  title          TEXT NOT NULL,
  first_name     TEXT NOT NULL,
  last_name      TEXT NOT NULL,
  position       TEXT NOT NULL,
  phone          TEXT NOT NULL,   -- proven by OTP
  email          TEXT NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
  reason         TEXT NOT NULL DEFAULT '',
  user_id        INTEGER REFERENCES users (id),
  created_at     INTEGER NOT NULL,
  decided_at     INTEGER,
  decided_by     INTEGER REFERENCES users (id)
);
CREATE INDEX access_requests_by_school ON access_requests (school_code, status);
CREATE INDEX access_requests_by_area ON access_requests (area_code, status);
)sql";

// "My account" lists the user's sessions: each gets a public id to name it by (random, not
// the token, which is only stored as a digest) and the browser's User-Agent to show.
const std::string_view sessions_device = R"sql(
ALTER TABLE sessions ADD COLUMN public_id TEXT;
ALTER TABLE sessions ADD COLUMN user_agent TEXT NOT NULL DEFAULT '';
UPDATE sessions SET public_id = lower(hex(randomblob(12)));
CREATE UNIQUE INDEX sessions_by_public_id ON sessions (public_id);
)sql";

// An access request may ask for rights beyond view (KPI reporting); the admin gives some or
// all of them. Space-separated permission ids.
const std::string_view access_request_rights = R"sql(
ALTER TABLE access_requests ADD COLUMN rights TEXT NOT NULL DEFAULT '';
ALTER TABLE access_requests ADD COLUMN granted TEXT NOT NULL DEFAULT '';
)sql";

// The people who held an account before its current holder (an institution's account passes
// from one person responsible to the next): each profile as it was, and when it ended.
const std::string_view account_holders = R"sql(
CREATE TABLE account_holders (
  id          INTEGER PRIMARY KEY,
  user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  title       TEXT NOT NULL,
  first_name  TEXT NOT NULL,
  last_name   TEXT NOT NULL,
  position    TEXT NOT NULL,
  phone       TEXT NOT NULL,
  email       TEXT NOT NULL,
  ended_at    INTEGER NOT NULL
);
CREATE INDEX account_holders_by_user ON account_holders (user_id, ended_at);
)sql";

// One row: a keyed hash that only the right server key reproduces (auth/server_key.cpp).
const std::string_view server_key_check = R"sql(
CREATE TABLE server_key_check (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  verifier   TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
)sql";

// A sheet lives an hour, for the admin who made it, readable from any server process; the
// PDF is sealed with the server key because its QR codes sign in.
const std::string_view sign_in_sheets = R"sql(
CREATE TABLE sign_in_sheets (
  id         TEXT PRIMARY KEY,
  owner      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  org_code   TEXT NOT NULL,
  file_name  TEXT NOT NULL,
  pdf_sealed TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX sign_in_sheets_by_expiry ON sign_in_sheets (expires_at);
)sql";

// Proofs of identity by an OpenID provider (ThaID): a flow lives from /start to /callback
// (its state only as a digest; the PKCE verifier sealed); a proof lives until the form that
// uses it. The national ID it proves is kept as a keyed hash (to know the same person again:
// in access requests, in users) and sealed, never in clear.
const std::string_view identity_proofs = R"sql(
CREATE TABLE identity_flows (
  state_digest    TEXT PRIMARY KEY,
  provider        TEXT NOT NULL,
  purpose         TEXT NOT NULL,
  next_route      TEXT NOT NULL,
  nonce           TEXT NOT NULL,
  verifier_sealed TEXT NOT NULL,
  expires_at      INTEGER NOT NULL,
  used_at         INTEGER
);
CREATE TABLE identity_proofs (
  token_digest       TEXT PRIMARY KEY,
  provider           TEXT NOT NULL,
  subject            TEXT NOT NULL,
  purpose            TEXT NOT NULL,
  national_id_hash   TEXT NOT NULL,
  national_id_sealed TEXT NOT NULL,
  id_masked          TEXT NOT NULL,
  title              TEXT NOT NULL,
  first_name         TEXT NOT NULL,
  last_name          TEXT NOT NULL,
  created_at         INTEGER NOT NULL,
  expires_at         INTEGER NOT NULL,
  used_at            INTEGER
);
)sql";

// The national ID a proof gave, on the request it made and on the user approved from it.
// The same text on PostgreSQL (migration 126's second text).
const std::string_view identity_columns = R"sql(
ALTER TABLE access_requests ADD COLUMN identity_provider TEXT NOT NULL DEFAULT '';
ALTER TABLE access_requests ADD COLUMN national_id_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE access_requests ADD COLUMN national_id_sealed TEXT NOT NULL DEFAULT '';
ALTER TABLE access_requests ADD COLUMN id_masked TEXT NOT NULL DEFAULT '';
CREATE INDEX access_requests_by_national_id ON access_requests (school_code, national_id_hash);
ALTER TABLE users ADD COLUMN national_id_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN national_id_sealed TEXT NOT NULL DEFAULT '';
CREATE INDEX users_by_national_id ON users (national_id_hash);
)sql";

// Moved by every change to a session, a user or a grant, in any server process: the guard
// keeps the callers it has read until it moves (server/auth/guard.cpp).
const std::string_view auth_revision = R"sql(
CREATE TABLE auth_revision (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL);
INSERT INTO auth_revision (id, n) VALUES (1, 0);
CREATE TRIGGER sessions_auth_revision_insert AFTER INSERT ON sessions BEGIN
  UPDATE auth_revision SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER sessions_auth_revision_update AFTER UPDATE ON sessions BEGIN
  UPDATE auth_revision SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER sessions_auth_revision_delete AFTER DELETE ON sessions BEGIN
  UPDATE auth_revision SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER users_auth_revision_insert AFTER INSERT ON users BEGIN
  UPDATE auth_revision SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER users_auth_revision_update AFTER UPDATE ON users BEGIN
  UPDATE auth_revision SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER users_auth_revision_delete AFTER DELETE ON users BEGIN
  UPDATE auth_revision SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER grants_auth_revision_insert AFTER INSERT ON grants BEGIN
  UPDATE auth_revision SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER grants_auth_revision_update AFTER UPDATE ON grants BEGIN
  UPDATE auth_revision SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER grants_auth_revision_delete AFTER DELETE ON grants BEGIN
  UPDATE auth_revision SET n = n + 1 WHERE id = 1;
END;
)sql";

}  // namespace server::accounts::schema
