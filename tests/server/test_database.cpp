#include "tests/server/test_database.hpp"

#include <cstdlib>
#include <functional>
#include <stdexcept>
#include <string>

namespace test_server {

namespace {

std::string cluster_url() {
  const char* url = std::getenv("TEST_POSTGRES_URL");
  // Never quietly fall back to SQLite: a PostgreSQL run without its cluster must fail.
  if (!url || !*url) throw std::runtime_error("TEST_ENGINE=postgres needs TEST_POSTGRES_URL (source scripts/postgres.sh start)");
  return url;
}

std::string database_name(const std::filesystem::path& data_dir) {
  return "t_" + std::to_string(std::hash<std::string>{}(std::filesystem::absolute(data_dir).lexically_normal().string()));
}

// postgresql:///postgres?host=... with another database name.
std::string url_of(const std::string& name) {
  const std::string base = cluster_url();
  const auto query = base.find('?');
  return "postgresql:///" + name + (query == std::string::npos ? "" : base.substr(query));
}

}  // namespace

bool on_postgres() {
  const char* engine = std::getenv("TEST_ENGINE");
  return engine && std::string(engine) == "postgres";
}

server::storage::Location database_for(const std::filesystem::path& data_dir) {
  if (!on_postgres()) return data_dir / "school.db";
  const std::string name = database_name(data_dir);
  server::storage::Database admin(server::storage::Location::postgres(cluster_url()));
  auto exists = [&] {
    auto q = admin.prepare("SELECT 1 FROM pg_database WHERE datname = ?");
    q.bind(1, name);
    return q.step();
  };
  if (!exists()) {
    try {
      admin.exec("CREATE DATABASE " + name);
    } catch (const server::storage::StorageError&) {  // made at the same moment by another server of the test
      if (!exists()) throw;
    }
  }
  return server::storage::Location::postgres(url_of(name));
}

std::map<std::string, std::string> data_env(const std::filesystem::path& data_dir) {
  std::map<std::string, std::string> env{{"DATA_DIR", data_dir.string()}};
  if (on_postgres()) env["DATABASE_URL"] = database_for(data_dir).url;
  return env;
}

void drop_database_for(const std::filesystem::path& data_dir) {
  if (!on_postgres()) return;
  server::storage::Database admin(server::storage::Location::postgres(cluster_url()));
  admin.exec("DROP DATABASE IF EXISTS " + database_name(data_dir) + " WITH (FORCE)");
}

}  // namespace test_server
