// The institution directory's store, over a pool of connections (either engine).
#include "server/storage/connection_pool.hpp"
#include "server/storage/database.hpp"
#include "server/storage/migrations.hpp"
#include "server/storage/storage.hpp"

namespace server::storage {

namespace {

// "50%" must match the text "50%", not anything starting with 50.
std::string like_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

// An FTS5 phrase: the whole string, quotes doubled.
std::string fts_phrase(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  return out + "\"";
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

class Institutions final : public InstitutionStore {
 public:
  explicit Institutions(ConnectionPool& pool) : pool_(pool) {}

  std::vector<domain::Institution> search(const InstitutionSearch& s) override {
    std::string sql =
        "SELECT code, name_th, affiliation, province, district, parent_code FROM institutions WHERE 1 = 1";
    std::vector<std::string> args;
    auto where = [&](std::string_view clause, std::string value) {
      sql += " AND ";
      sql += clause;
      args.push_back(std::move(value));
    };
    if (!s.code.empty()) where("code = ?", s.code);
    if (!s.code_prefix.empty()) where("code LIKE ? ESCAPE '\\'", like_escape(s.code_prefix) + "%");
    if (!s.affiliation.empty()) where("affiliation = ?", s.affiliation);
    if (!s.province.empty()) where("province = ?", s.province);
    if (!s.name.empty()) {
      // SQLite's trigram index needs three characters; shorter text scans (still fast at this
      // size). PostgreSQL answers LIKE from its own trigram index (pg_trgm).
      if (code_points(s.name) >= 3 && pool_.engine() == Engine::sqlite)
        where("rowid IN (SELECT rowid FROM institution_names WHERE institution_names MATCH ?)", fts_phrase(s.name));
      else
        where("name_th LIKE ? ESCAPE '\\'", "%" + like_escape(s.name) + "%");
    }
    sql += " ORDER BY code LIMIT ?";

    auto db = pool_.acquire();
    auto stmt = db->prepare(sql);
    int i = 1;
    for (const auto& a : args) stmt.bind(i++, a);
    stmt.bind(i, std::int64_t{s.limit});
    std::vector<domain::Institution> found;
    while (stmt.step())
      found.push_back({stmt.text(0), stmt.text(1), stmt.text(2), stmt.text(3), stmt.text(4), stmt.text(5)});
    return found;
  }

  UpsertCounts upsert(const std::vector<domain::Institution>& institutions) override {
    auto db = pool_.acquire();
    Transaction tx(*db);
    auto existing = db->prepare(
        "SELECT name_th, affiliation, province, district, parent_code FROM institutions WHERE code = ?");
    auto insert = db->prepare(
        "INSERT INTO institutions (code, name_th, affiliation, province, district, parent_code) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    auto update = db->prepare(
        "UPDATE institutions SET name_th = ?2, affiliation = ?3, province = ?4, district = ?5, "
        "parent_code = ?6, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE code = ?1");
    UpsertCounts counts;
    for (const auto& in : institutions) {
      existing.reset();
      existing.bind(1, in.code);
      Statement* write = &insert;
      if (existing.step()) {
        if (existing.text(0) == in.name_th && existing.text(1) == in.affiliation && existing.text(2) == in.province &&
            existing.text(3) == in.district && existing.text(4) == in.parent_code) {
          ++counts.unchanged;
          continue;
        }
        write = &update;
        ++counts.updated;
      } else {
        ++counts.inserted;
      }
      write->reset();
      write->bind(1, in.code).bind(2, in.name_th).bind(3, in.affiliation);
      write->bind(4, in.province).bind(5, in.district).bind(6, in.parent_code);
      write->run();
    }
    existing.reset();
    tx.commit();
    return counts;
  }

  std::int64_t count() override {
    auto db = pool_.acquire();
    auto stmt = db->prepare("SELECT COUNT(*) FROM institutions");
    stmt.step();
    return stmt.integer(0);
  }

 private:
  ConnectionPool& pool_;
};

class PooledStorage final : public Storage {
 public:
  explicit PooledStorage(ConnectionPool& pool) : institutions_(pool) {
    auto db = pool.acquire();
    migrate(*db);
  }
  InstitutionStore& institutions() override { return institutions_; }

 private:
  Institutions institutions_;
};

}  // namespace

std::unique_ptr<Storage> open_storage(ConnectionPool& pool) { return std::make_unique<PooledStorage>(pool); }

}  // namespace server::storage
