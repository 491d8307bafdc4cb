#pragma once
// The engine the server integration tests run on: SQLite, or with TEST_ENGINE=postgres a
// database of the private cluster that scripts/postgres.sh started (TEST_POSTGRES_URL),
// one per data folder, so that servers sharing a folder share a database.
#include <filesystem>
#include <map>
#include <string>

#include "server/storage/database.hpp"

namespace test_server {

bool on_postgres();

// The database of a server started on this data folder (created on PostgreSQL).
server::storage::Location database_for(const std::filesystem::path& data_dir);

// The environment of a server command on this data folder: DATA_DIR, and DATABASE_URL on PostgreSQL.
std::map<std::string, std::string> data_env(const std::filesystem::path& data_dir);

// Drops the folder's PostgreSQL database; nothing on SQLite (the file goes with the folder).
void drop_database_for(const std::filesystem::path& data_dir);

}  // namespace test_server
