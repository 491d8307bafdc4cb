// The PostgreSQL engine behind storage::Database (libpq). The stores' SQL is the dialect
// both engines share; this file turns SQLite's `?` and `?N` placeholders into `$N`, types
// integers as bigint and leaves text to the column it meets, and takes one advisory lock
// per write transaction so that writes run one at a time, as with SQLite's BEGIN IMMEDIATE.
#include <libpq-fe.h>

#include <cstdlib>
#include <optional>
#include <set>
#include <unordered_map>
#include <vector>

#include "server/storage/engine.hpp"

namespace server::storage::engine {

namespace {

constexpr unsigned kBigint = 20;   // INT8OID
constexpr unsigned kText = 25;     // TEXTOID
constexpr long long kWriteLock = 0x5c0017;  // the one advisory lock every write transaction takes

struct Translated {
  std::string sql;
  int params = 0;          // the highest placeholder number
  std::set<int> referenced;
};

// SQLite numbering: `?N` is N; a bare `?` is one more than the highest number so far.
Translated translate(std::string_view in) {
  Translated t;
  t.sql.reserve(in.size() + 16);
  for (std::size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (c == '\'' || c == '"') {  // a literal or a quoted name: copy to its closing quote
      const std::size_t end = in.find(c, i + 1);
      const std::size_t stop = end == std::string_view::npos ? in.size() : end + 1;
      t.sql.append(in.substr(i, stop - i));
      i = stop - 1;
    } else if (c == '-' && i + 1 < in.size() && in[i + 1] == '-') {
      const std::size_t end = in.find('\n', i);
      const std::size_t stop = end == std::string_view::npos ? in.size() : end;
      t.sql.append(in.substr(i, stop - i));
      i = stop - 1;
    } else if (c == '?') {
      std::size_t j = i + 1;
      int n = 0;
      while (j < in.size() && in[j] >= '0' && in[j] <= '9') n = n * 10 + (in[j++] - '0');
      if (j == i + 1) n = t.params + 1;
      t.params = std::max(t.params, n);
      t.referenced.insert(n);
      t.sql += '$';
      t.sql += std::to_string(n);
      i = j - 1;
    } else {
      t.sql += c;
    }
  }
  return t;
}

[[noreturn]] void fail(PGconn* conn, const PGresult* result, std::string_view what) {
  std::string message = result ? PQresultErrorMessage(result) : "";
  if (message.empty() && conn) message = PQerrorMessage(conn);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  throw StorageError(std::string(what) + ": " + message);
}

using Result = std::unique_ptr<PGresult, decltype(&PQclear)>;

class PostgresConnection;

class PostgresCursor final : public Cursor {
 public:
  PostgresCursor(PostgresConnection& conn, std::string_view sql);

  void bind_text(int index, std::string_view text) override { slot(index) = {std::string(text), 0}; }
  void bind_integer(int index, std::int64_t value) override { slot(index) = {std::to_string(value), kBigint}; }
  void bind_null(int index) override { slot(index) = {std::nullopt, 0}; }
  bool step() override;
  void reset() override {
    result_.reset();
    row_ = -1;
    for (auto& v : values_) v = {std::nullopt, 0};
  }
  std::string text(int column) const override {
    return std::string(PQgetvalue(result_.get(), row_, column), PQgetlength(result_.get(), row_, column));
  }
  std::int64_t integer(int column) const override {
    if (PQgetisnull(result_.get(), row_, column)) return 0;
    const char* v = PQgetvalue(result_.get(), row_, column);
    if (v[0] == 't' && v[1] == '\0') return 1;  // a boolean, as SQLite gives 1 and 0
    if (v[0] == 'f' && v[1] == '\0') return 0;
    return std::strtoll(v, nullptr, 10);
  }
  bool is_null(int column) const override { return PQgetisnull(result_.get(), row_, column) != 0; }
  int columns() const override { return PQnfields(result_.get()); }

 private:
  struct Value {
    std::optional<std::string> text;
    unsigned type = 0;  // 0: let PostgreSQL infer it from where the parameter is used
  };
  Value& slot(int index) {
    if (index < 1 || index > translated_.params) throw StorageError("bind: no parameter " + std::to_string(index));
    result_.reset();
    row_ = -1;
    return values_[static_cast<std::size_t>(index - 1)];
  }

  PostgresConnection& conn_;
  Translated translated_;
  std::vector<Value> values_;
  Result result_{nullptr, &PQclear};
  int row_ = -1;
};

class PostgresConnection final : public Connection {
 public:
  explicit PostgresConnection(const std::string& url) : conn_(PQconnectdb(url.c_str())) {
    if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
      std::string message = conn_ ? PQerrorMessage(conn_) : "out of memory";
      PQfinish(conn_);
      throw StorageError("cannot connect to PostgreSQL: " + message);
    }
    exec("SET client_min_messages = warning; SET TIME ZONE 'UTC'");
  }
  ~PostgresConnection() override { PQfinish(conn_); }

  Engine kind() const override { return Engine::postgres; }
  void exec(std::string_view sql) override {
    // A schema change may change what a prepared statement returns: prepare them anew.
    if (!prepared_.empty() && changes_schema(sql)) forget_prepared();
    Result r(PQexec(conn_, std::string(sql).c_str()), &PQclear);
    check(r.get(), "exec");
  }
  // The statement's server-side name, prepared on first use: a request's few statements are
  // then parsed and planned once per connection, not once per request.
  const std::string& prepared(const std::string& sql, const std::vector<unsigned>& types) {
    std::string key = sql;
    for (unsigned t : types) key += '\0' + std::to_string(t);
    if (auto found = prepared_.find(key); found != prepared_.end()) return found->second;
    if (prepared_.size() >= kMaxPrepared) forget_prepared();
    std::string name = "s" + std::to_string(++statements_);
    Result r(PQprepare(conn_, name.c_str(), sql.c_str(), static_cast<int>(types.size()), types.data()), &PQclear);
    check(r.get(), "prepare");
    return prepared_.emplace(std::move(key), std::move(name)).first->second;
  }
  std::unique_ptr<Cursor> prepare(std::string_view sql) override { return std::make_unique<PostgresCursor>(*this, sql); }
  std::int64_t changes() const override { return changes_; }
  bool has_table(std::string_view name) override {
    PostgresCursor q(*this, "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?");
    q.bind_text(1, name);
    return q.step();
  }
  void begin_write() override { exec("BEGIN; SELECT pg_advisory_xact_lock(" + std::to_string(kWriteLock) + ")"); }

  // Throws on an error; otherwise remembers how many rows the command changed.
  void check(const PGresult* r, std::string_view what) {
    const auto status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(conn_, r, what);
    const char* n = PQcmdTuples(const_cast<PGresult*>(r));
    if (n && *n) changes_ = std::strtoll(n, nullptr, 10);
  }
  PGconn* handle() { return conn_; }

 private:
  static constexpr std::size_t kMaxPrepared = 500;  // dynamic SQL (filters) stays a bounded set
  static bool changes_schema(std::string_view sql) {
    for (const char* word : {"CREATE ", "ALTER ", "DROP "})  // the project writes DDL in capitals
      if (sql.find(word) != std::string_view::npos) return true;
    return false;
  }
  void forget_prepared() {
    prepared_.clear();
    Result r(PQexec(conn_, "DEALLOCATE ALL"), &PQclear);
    check(r.get(), "deallocate");
  }

  PGconn* conn_;
  std::int64_t changes_ = 0;
  std::unordered_map<std::string, std::string> prepared_;  // SQL and parameter types -> name
  std::uint64_t statements_ = 0;
};

PostgresCursor::PostgresCursor(PostgresConnection& conn, std::string_view sql)
    : conn_(conn), translated_(translate(sql)), values_(static_cast<std::size_t>(translated_.params)) {}

bool PostgresCursor::step() {
  if (!result_) {
    const auto n = values_.size();
    std::vector<const char*> values(n);
    std::vector<unsigned> types(n);
    for (std::size_t i = 0; i < n; ++i) {
      values[i] = values_[i].text ? values_[i].text->c_str() : nullptr;
      // A number the SQL does not use still needs a type, or PostgreSQL refuses the statement.
      types[i] = translated_.referenced.count(static_cast<int>(i + 1)) ? values_[i].type : kText;
    }
    const std::string& name = conn_.prepared(translated_.sql, types);
    result_.reset(PQexecPrepared(conn_.handle(), name.c_str(), static_cast<int>(n), values.data(), nullptr, nullptr, 0));
    conn_.check(result_.get(), "step");
    row_ = -1;
  }
  return ++row_ < PQntuples(result_.get());
}

}  // namespace

std::unique_ptr<Connection> open_postgres(const std::string& url) { return std::make_unique<PostgresConnection>(url); }

}  // namespace server::storage::engine
