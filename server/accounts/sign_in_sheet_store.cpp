#include "server/accounts/sign_in_sheet_store.hpp"

#include "server/auth/crypto.hpp"

namespace server::accounts {

std::string keep_sheet(storage::Database& db, const storage::FileKeys& keys, std::int64_t owner,
                       const StoredSheet& sheet, std::int64_t now, std::int64_t expires_at) {
  db.prepare("DELETE FROM sign_in_sheets WHERE expires_at <= ?").bind(1, now).run();
  std::string id = auth::random_token(16);
  db.prepare("INSERT INTO sign_in_sheets (id, owner, org_code, file_name, pdf_sealed, expires_at) "
             "VALUES (?, ?, ?, ?, ?, ?)")
      .bind(1, id)
      .bind(2, owner)
      .bind(3, sheet.org_code)
      .bind(4, sheet.file_name)
      .bind(5, auth::to_base64(keys.seal(sheet.pdf), auth::Base64::standard))  // text: every engine stores it alike
      .bind(6, expires_at)
      .run();
  return id;
}

std::optional<StoredSheet> find_sheet(storage::Database& db, const storage::FileKeys& keys, const std::string& id,
                                      std::int64_t owner, std::int64_t now) {
  auto q = db.prepare("SELECT org_code, file_name, pdf_sealed FROM sign_in_sheets "
                      "WHERE id = ? AND owner = ? AND expires_at > ?");
  q.bind(1, id).bind(2, owner).bind(3, now);
  if (!q.step()) return std::nullopt;
  auto sealed = auth::from_base64(q.text(2), auth::Base64::standard);
  auto pdf = sealed ? keys.unseal(*sealed) : std::nullopt;
  if (!pdf) return std::nullopt;
  return StoredSheet{q.text(0), q.text(1), std::move(*pdf)};
}

}  // namespace server::accounts
