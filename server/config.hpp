#pragma once
// What the server was started with: command line first, then the environment.
#include <cstdint>
#include <filesystem>
#include <string>
#include <variant>
#include <vector>

#include "server/storage/database.hpp"
#include "shared/identity/oidc.hpp"

namespace server {

enum class Mode { development, production };
std::string_view to_string(Mode m);

struct Config {
  Mode mode = Mode::development;       // development: demo helpers on (later: dev endpoints)
  std::string bind = "0.0.0.0";        // BIND
  std::uint16_t port = 8080;           // PORT; 0 = any free port (the real one is printed)
  std::filesystem::path data_dir = "data";  // DATA_DIR: school.db (SQLite) and uploaded files live here
  std::string database_url;            // DATABASE_URL / --database: postgresql://... (or a SQLite file)
  std::filesystem::path site_dir;      // --site: the static web client; empty = none
  std::filesystem::path assets_dir = "assets";  // --assets: demo directory and other data
  unsigned threads = 2;                // THREADS; default: cores clamped to 2..4
  std::string trusted_proxies;         // TRUSTED_PROXY: addresses whose X-Forwarded-For/Proto count
  std::string tls_cert, tls_key;      // --tls-cert/--tls-key or TLS_CERT/TLS_KEY: serve HTTPS
  std::string public_url;              // PUBLIC_URL: links in SMS; empty = http://localhost:<port>
  // OIDC_<P>_ISSUER, _CLIENT_ID, _CLIENT_SECRET, _ID_CLAIM, _SCOPES, _NAME (api.md "Identity providers").
  std::vector<domain::IdentityProvider> identity_providers;

  std::filesystem::path key_file;      // SERVER_KEY_FILE / --key-file; empty = DATA_DIR/server.key
  std::uint64_t min_free_mb = 16;      // MIN_FREE_MB: /health is degraded below this much free space
  bool new_installation = false;
  // Slow and greedy clients (docs/operations.md): seconds, bytes per second, connections.
  unsigned header_timeout_s = 10;            // HEADER_TIMEOUT: the whole request line + headers
  unsigned idle_timeout_s = 15;              // IDLE_TIMEOUT: keep-alive wait for the next request
  unsigned write_stall_timeout_s = 30;       // WRITE_STALL_TIMEOUT: a reply making no progress is cut
  std::uint64_t body_min_rate = 16 * 1024;   // BODY_MIN_RATE: bytes/s a body must average
  std::uint64_t max_connections = 0;         // MAX_CONNECTIONS; 0 = from the descriptor limit
  std::uint64_t max_connections_per_address = 128;  // MAX_CONNECTIONS_PER_ADDRESS (socket peer)       // --new-installation / NEW_INSTALLATION=1: a new key over sealed data

  std::filesystem::path database_file() const { return data_dir / "school.db"; }
  // PostgreSQL when DATABASE_URL says so; otherwise the SQLite file under DATA_DIR.
  storage::Location database() const {
    return database_url.empty() ? storage::Location(database_file()) : storage::Location::parse(database_url);
  }
  std::filesystem::path server_key_file() const { return key_file.empty() ? data_dir / "server.key" : key_file; }
};

// What to do: serve, import a CSV, or print usage.
struct Serve {};
struct ImportInstitutions { std::filesystem::path csv; };
struct ShowUsage {};
struct MigrateToPostgres {};  // DATA_DIR/school.db into DATABASE_URL
using Command = std::variant<Serve, ImportInstitutions, ShowUsage, MigrateToPostgres>;

struct Invocation {
  Command command;
  Config config;
};

// Parses argv (without argv[0]) and reads PORT, DATA_DIR, BIND, THREADS through getenv.
// Returns the reason on a bad argument or variable.
std::variant<Invocation, std::string> parse_invocation(const std::vector<std::string>& args);

extern const char* const usage_text;

}  // namespace server
