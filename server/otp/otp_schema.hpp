#pragma once
// Migration 200: the SMS outbox and one-time passwords (server/otp, server/sms).
#include <string_view>

namespace server::storage {

inline constexpr std::string_view sms_otp_schema = R"sql(
-- Messages the outbox gateway recorded instead of sending (development and tests).
CREATE TABLE sms_outbox (
  id      INTEGER PRIMARY KEY,
  phone   TEXT NOT NULL,
  text    TEXT NOT NULL,
  sent_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX sms_outbox_by_phone ON sms_outbox (phone, id);

-- One code per row. The code itself is never stored in clear: a keyed BLAKE2b hash to
-- check it, and a sealed copy (XSalsa20-Poly1305, server key) to re-send the same code.
CREATE TABLE otp_codes (
  id             TEXT PRIMARY KEY,          -- otp_id, 128-bit random
  phone          TEXT NOT NULL,
  purpose        TEXT NOT NULL,
  reference      TEXT NOT NULL,
  code_hash      TEXT NOT NULL,
  code_sealed    TEXT NOT NULL,
  created_at     INTEGER NOT NULL,          -- epoch seconds: first send
  last_sent_at   INTEGER NOT NULL,
  sends          INTEGER NOT NULL DEFAULT 0,  -- 0 while the first SMS is on its way
  wrong_tries    INTEGER NOT NULL DEFAULT 0,
  used           INTEGER NOT NULL DEFAULT 0,
  client_address TEXT NOT NULL
);
CREATE INDEX otp_codes_by_phone ON otp_codes (phone, purpose, created_at);

-- Every SMS delivered (or on its way), for the per-phone and per-address limits.
CREATE TABLE otp_sends (
  id             INTEGER PRIMARY KEY,
  phone          TEXT NOT NULL,
  client_address TEXT NOT NULL,
  sent_at        INTEGER NOT NULL
);
CREATE INDEX otp_sends_by_phone ON otp_sends (phone, sent_at);
CREATE INDEX otp_sends_by_address ON otp_sends (client_address, sent_at);

-- Proof that a phone was verified, redeemed once by another feature.
CREATE TABLE otp_tokens (
  token_hash TEXT PRIMARY KEY,
  phone      TEXT NOT NULL,
  purpose    TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  used       INTEGER NOT NULL DEFAULT 0
);
)sql";

}  // namespace server::storage
