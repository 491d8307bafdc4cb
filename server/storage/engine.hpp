#pragma once
// What each engine implements behind storage::Database (database.hpp). Only the storage
// layer includes this.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "server/storage/database.hpp"

namespace server::storage::engine {

class Cursor {
 public:
  virtual ~Cursor() = default;
  virtual void bind_text(int index, std::string_view text) = 0;
  virtual void bind_integer(int index, std::int64_t value) = 0;
  virtual void bind_null(int index) = 0;
  virtual bool step() = 0;
  virtual void reset() = 0;
  virtual std::string text(int column) const = 0;
  virtual std::int64_t integer(int column) const = 0;
  virtual bool is_null(int column) const = 0;
  virtual int columns() const = 0;
};

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Engine kind() const = 0;
  virtual void exec(std::string_view sql) = 0;
  virtual std::unique_ptr<Cursor> prepare(std::string_view sql) = 0;
  virtual std::int64_t changes() const = 0;
  virtual bool has_table(std::string_view name) = 0;
  virtual void begin_write() = 0;  // BEGIN and take the one write lock
  virtual void end_write() {}      // after the COMMIT or ROLLBACK of a begin_write
  virtual CommitCount* commits() { return nullptr; }
};

std::unique_ptr<Connection> open_sqlite(const std::filesystem::path& file);
std::unique_ptr<Connection> open_postgres(const std::string& url);

}  // namespace server::storage::engine
