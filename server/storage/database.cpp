#include "server/storage/database.hpp"

#include "server/storage/engine.hpp"

namespace server::storage {

Location Location::postgres(std::string url) {
  Location l(std::filesystem::path{});
  l.engine = Engine::postgres;
  l.url = std::move(url);
  return l;
}

Location Location::parse(const std::string& text) {
  if (text.rfind("postgresql://", 0) == 0 || text.rfind("postgres://", 0) == 0) return postgres(text);
  return Location(std::filesystem::path(text));
}

std::string Location::describe() const {
  if (engine == Engine::sqlite) return file.string();
  // postgresql://user:password@host/db: never print the password.
  const auto scheme = url.find("://");
  const auto at = url.find('@', scheme == std::string::npos ? 0 : scheme + 3);
  const auto colon = url.find(':', scheme == std::string::npos ? 0 : scheme + 3);
  if (scheme == std::string::npos || at == std::string::npos || colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon) + ":***" + url.substr(at);
}

Statement::Statement(std::unique_ptr<engine::Cursor> cursor) : cursor_(std::move(cursor)) {}
Statement::Statement(Statement&& other) noexcept = default;
Statement::~Statement() = default;

Statement& Statement::bind(int index, std::string_view text) {
  cursor_->bind_text(index, text);
  return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
  cursor_->bind_integer(index, value);
  return *this;
}

Statement& Statement::bind_null(int index) {
  cursor_->bind_null(index);
  return *this;
}

bool Statement::step() { return cursor_->step(); }

void Statement::run() {
  while (step()) {
  }
}

std::int64_t Statement::returned_id() {
  if (!step()) throw StorageError("INSERT ... RETURNING gave no row");
  const std::int64_t id = integer(0);
  run();
  return id;
}

void Statement::reset() { cursor_->reset(); }
std::string Statement::text(int column) const { return cursor_->text(column); }
std::int64_t Statement::integer(int column) const { return cursor_->integer(column); }
bool Statement::is_null(int column) const { return cursor_->is_null(column); }
int Statement::columns() const { return cursor_->columns(); }

Database::Database(const Location& location)
    : connection_(location.engine == Engine::sqlite ? engine::open_sqlite(location.file)
                                                    : engine::open_postgres(location.url)) {}

Database::~Database() = default;
Engine Database::engine() const { return connection_->kind(); }
void Database::exec(std::string_view sql) { connection_->exec(sql); }
Statement Database::prepare(std::string_view sql) { return Statement(connection_->prepare(sql)); }
std::int64_t Database::changes() const { return connection_->changes(); }
bool Database::has_table(std::string_view name) { return connection_->has_table(name); }
CommitCount* Database::commits() { return connection_->commits(); }

Transaction::Transaction(Database& db) : db_(db) { db_.connection().begin_write(); }

Transaction::~Transaction() {
  if (done_) return;
  try {
    db_.exec("ROLLBACK");
  } catch (...) {  // the connection is gone already: nothing left to undo
  }
  db_.connection().end_write();
}

void Transaction::commit() {
  db_.exec("COMMIT");
  done_ = true;
  db_.connection().end_write();
}

ReadSnapshot::ReadSnapshot(Database& db) : db_(db) {
  if (db_.engine() != Engine::sqlite) return;
  db_.prepare("BEGIN").run();
  open_ = true;
}

void ReadSnapshot::end() {
  if (!open_) return;
  open_ = false;
  try {
    db_.prepare("COMMIT").run();
  } catch (...) {  // the connection is gone: nothing was written to keep
  }
}

}  // namespace server::storage
