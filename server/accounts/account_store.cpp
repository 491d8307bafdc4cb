#include "server/accounts/account_store.hpp"

#include <map>

#include "server/auth/crypto.hpp"

namespace server::accounts {

namespace {

constexpr const char* user_columns =
    "id, username, password_hash, status, org_code, title, first_name, last_name, position, phone, email, "
    "must_change_password, must_complete_profile, password_expires_at, school_user, created_at, updated_at";

UserRecord read_user(const storage::Statement& s) {
  UserRecord u;
  u.id = s.integer(0);
  u.username = s.text(1);
  u.password_hash = s.text(2);
  u.status = parse_user_status(s.text(3)).value_or(UserStatus::disabled);
  u.org_code = s.text(4);
  u.profile = {s.text(5), s.text(6), s.text(7), s.text(8), s.text(9), s.text(10)};
  u.must_change_password = s.integer(11) != 0;
  u.must_complete_profile = s.integer(12) != 0;
  if (!s.is_null(13)) u.password_expires_at = s.integer(13);
  u.school_user = s.integer(14) != 0;
  u.created_at = s.integer(15);
  u.updated_at = s.integer(16);
  return u;
}

void load_grants(storage::Database& db, UserRecord& u) {
  auto q = db.prepare("SELECT permission, org_code FROM grants WHERE user_id = ? ORDER BY rowid");
  q.bind(1, u.id);
  while (q.step())
    if (auto p = domain::parse_permission(q.text(0))) u.grants.push_back({p.value(), q.text(1)});
}

std::optional<UserRecord> one_user(storage::Database& db, storage::Statement& q) {
  if (!q.step()) return std::nullopt;
  auto u = read_user(q);
  load_grants(db, u);
  return u;
}

}  // namespace

std::string_view to_string(UserStatus s) {
  switch (s) {
    case UserStatus::active: return "active";
    case UserStatus::disabled: return "disabled";
    case UserStatus::pending: return "pending";
  }
  return "disabled";
}

std::optional<UserStatus> parse_user_status(std::string_view s) {
  for (auto v : {UserStatus::active, UserStatus::disabled, UserStatus::pending})
    if (to_string(v) == s) return v;
  return std::nullopt;
}

std::string UserRecord::display_name() const {
  if (profile.first_name.empty()) return username;
  return profile.title + profile.first_name + " " + profile.last_name;
}

std::optional<UserRecord> find_user(storage::Database& db, std::int64_t id) {
  auto q = db.prepare(std::string("SELECT ") + user_columns + " FROM users WHERE id = ?");
  q.bind(1, id);
  return one_user(db, q);
}

std::optional<UserRecord> find_user(storage::Database& db, std::string_view username) {
  auto q = db.prepare(std::string("SELECT ") + user_columns + " FROM users WHERE username = ?");
  q.bind(1, username);
  return one_user(db, q);
}

std::vector<UserRecord> all_users(storage::Database& db) {
  std::vector<UserRecord> out;
  {
    auto q = db.prepare(std::string("SELECT ") + user_columns + " FROM users ORDER BY org_code, username");
    while (q.step()) out.push_back(read_user(q));
  }
  std::map<std::int64_t, std::size_t> at;
  for (std::size_t i = 0; i < out.size(); ++i) at[out[i].id] = i;
  auto g = db.prepare("SELECT user_id, permission, org_code FROM grants ORDER BY rowid");
  while (g.step()) {
    auto it = at.find(g.integer(0));
    auto p = domain::parse_permission(g.text(1));
    if (it != at.end() && p) out[it->second].grants.push_back({p.value(), g.text(2)});
  }
  return out;
}

namespace {

void bind_columns(storage::Statement& s, const UserRecord& u, std::int64_t now) {
  s.bind(1, u.password_hash).bind(2, to_string(u.status)).bind(3, u.org_code);
  s.bind(4, u.profile.title).bind(5, u.profile.first_name).bind(6, u.profile.last_name);
  s.bind(7, u.profile.position).bind(8, u.profile.phone).bind(9, u.profile.email);
  s.bind(10, std::int64_t{u.must_change_password}).bind(11, std::int64_t{u.must_complete_profile});
  if (u.password_expires_at) s.bind(12, *u.password_expires_at);
  else s.bind_null(12);
  s.bind(13, std::int64_t{u.school_user}).bind(14, now);
}

}  // namespace

std::int64_t insert_user(storage::Database& db, const UserRecord& u, std::int64_t now) {
  auto s = db.prepare(
      "INSERT INTO users (password_hash, status, org_code, title, first_name, last_name, position, phone, email, "
      "must_change_password, must_complete_profile, password_expires_at, school_user, updated_at, username, "
      "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?14) RETURNING id");
  bind_columns(s, u, now);
  s.bind(15, u.username);
  const auto id = s.returned_id();
  replace_grants(db, id, u.grants);
  return id;
}

void update_user(storage::Database& db, const UserRecord& u, std::int64_t now) {
  if (auto before = find_user(db, u.id); before && domain::is_new_holder(before->profile, u.profile)) {
    const auto& p = before->profile;
    db.prepare(
          "INSERT INTO account_holders (user_id, title, first_name, last_name, position, phone, email, ended_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, u.id).bind(2, p.title).bind(3, p.first_name).bind(4, p.last_name).bind(5, p.position)
        .bind(6, p.phone).bind(7, p.email).bind(8, now)
        .run();
  }
  auto s = db.prepare(
      "UPDATE users SET password_hash = ?1, status = ?2, org_code = ?3, title = ?4, first_name = ?5, "
      "last_name = ?6, position = ?7, phone = ?8, email = ?9, must_change_password = ?10, "
      "must_complete_profile = ?11, password_expires_at = ?12, school_user = ?13, updated_at = ?14 WHERE id = ?15");
  bind_columns(s, u, now);
  s.bind(15, u.id);
  s.run();
  replace_grants(db, u.id, u.grants);
}

void replace_grants(storage::Database& db, std::int64_t user_id, const std::vector<domain::Grant>& grants) {
  db.prepare("DELETE FROM grants WHERE user_id = ?").bind(1, user_id).run();
  auto ins = db.prepare("INSERT INTO grants (user_id, permission, org_code) VALUES (?, ?, ?) ON CONFLICT DO NOTHING");
  for (const auto& g : grants) {
    ins.reset();
    ins.bind(1, user_id).bind(2, domain::to_string(g.permission)).bind(3, g.org_code);
    ins.run();
  }
}

std::vector<PastHolder> past_holders(storage::Database& db, std::int64_t user_id) {
  auto q = db.prepare(
      "SELECT title, first_name, last_name, position, phone, email, ended_at FROM account_holders WHERE user_id = ? "
      "ORDER BY ended_at, id");
  q.bind(1, user_id);
  std::vector<PastHolder> out;
  while (q.step())
    out.push_back({{q.text(0), q.text(1), q.text(2), q.text(3), q.text(4), q.text(5)}, q.integer(6)});
  return out;
}

std::vector<AccessRequestRef> access_requests_with_status(storage::Database& db, std::string_view status) {
  auto q = db.prepare("SELECT id, school_code FROM access_requests WHERE (? = '' OR status = ?) ORDER BY id");
  q.bind(1, status).bind(2, status);
  std::vector<AccessRequestRef> out;
  while (q.step()) out.push_back({q.integer(0), q.text(1)});
  return out;
}

std::string_view to_string(TokenPurpose p) {
  switch (p) {
    case TokenPurpose::activation: return "activation";
    case TokenPurpose::sign_in_qr: return "sign_in_qr";
    case TokenPurpose::password_reset: return "password_reset";
  }
  return "activation";
}

std::string_view to_string(TokenState s) {
  switch (s) {
    case TokenState::ok: return "ok";
    case TokenState::unknown: return "unknown";
    case TokenState::used: return "used";
    case TokenState::expired: return "expired";
  }
  return "unknown";
}

std::string issue_token(storage::Database& db, TokenPurpose purpose, std::int64_t user_id, std::int64_t now,
                        std::int64_t lifetime) {
  db.prepare("UPDATE one_time_tokens SET used_at = ? WHERE user_id = ? AND purpose = ? AND used_at IS NULL")
      .bind(1, now)
      .bind(2, user_id)
      .bind(3, to_string(purpose))
      .run();
  auto token = auth::random_token(16);
  db.prepare(
        "INSERT INTO one_time_tokens (token_digest, purpose, user_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")
      .bind(1, auth::token_digest(token))
      .bind(2, to_string(purpose))
      .bind(3, user_id)
      .bind(4, now)
      .bind(5, now + lifetime)
      .run();
  return token;
}

RedeemedToken peek_token(storage::Database& db, TokenPurpose purpose, std::string_view token, std::int64_t now) {
  auto q = db.prepare(
      "SELECT user_id, expires_at, used_at FROM one_time_tokens WHERE token_digest = ? AND purpose = ?");
  q.bind(1, auth::token_digest(token)).bind(2, to_string(purpose));
  if (!q.step()) return {};
  RedeemedToken r{TokenState::ok, q.integer(0)};
  if (!q.is_null(2)) return {TokenState::used, r.user_id};
  if (now >= q.integer(1)) return {TokenState::expired, r.user_id};
  return r;
}

RedeemedToken redeem_token(storage::Database& db, TokenPurpose purpose, std::string_view token, std::int64_t now) {
  auto r = peek_token(db, purpose, token, now);
  if (r.state != TokenState::ok) return r;
  // The WHERE makes the claim atomic: of two requests racing, one changes the row.
  db.prepare("UPDATE one_time_tokens SET used_at = ? WHERE token_digest = ? AND used_at IS NULL")
      .bind(1, now)
      .bind(2, auth::token_digest(token))
      .run();
  if (db.changes() != 1) return {TokenState::used, r.user_id};
  return r;
}

std::optional<std::int64_t> unused_token_expiry(storage::Database& db, std::int64_t user_id, TokenPurpose purpose) {
  auto q = db.prepare(
      "SELECT MAX(expires_at) FROM one_time_tokens WHERE user_id = ? AND purpose = ? AND used_at IS NULL");
  q.bind(1, user_id).bind(2, to_string(purpose));
  if (q.step() && !q.is_null(0)) return q.integer(0);
  return std::nullopt;
}

}  // namespace server::accounts
