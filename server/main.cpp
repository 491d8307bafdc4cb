// school-server: the HTTP API and the static web client, on an embedded SQLite database.
//   school-server --site DIR --assets DIR --mode development|production
//   school-server import-institutions FILE.csv
#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>

#include "server/accounts/org_directory.hpp"
#include "server/auth/crypto.hpp"
#include "server/auth/server_key.hpp"
#include "server/auth/sessions.hpp"
#include "server/config.hpp"
#include "server/directory/institution_import.hpp"
#include "server/http/server.hpp"
#include "server/otp/otp_service.hpp"
#include "server/routes.hpp"
#include "server/storage/connection_pool.hpp"
#include "server/storage/content_store.hpp"
#include "server/storage/copy_to_postgres.hpp"
#include "server/storage/data_health.hpp"

namespace fs = std::filesystem;
using namespace server;

namespace {

void print_rejected(const directory::ImportReport& report, std::ostream& out) {
  for (const auto& r : report.rejected) out << "  line " << r.line << ": " << r.reason << "\n";
}

int import_command(const Config& config, const fs::path& csv) {
  storage::ConnectionPool pool(config.database());
  auto storage = storage::open_storage(pool);
  try {
    auto report = directory::import_institutions_file(csv, storage->institutions());
    std::cout << "imported " << directory::summary(report, csv.string()) << std::endl;
    print_rejected(report, std::cerr);
    return report.rejected.empty() ? 0 : 1;  // good rows are in; the caller should still look
  } catch (const directory::ImportError& e) {
    std::cerr << "not imported: " << csv.string() << ": " << e.what() << std::endl;
    return 2;
  }
}

// Every row of DATA_DIR/school.db into the PostgreSQL database, then the counts compared;
// uploaded files stay in DATA_DIR/files and letters, which every server must share.
int migrate_to_postgres_command(const Config& config) {
  const storage::Location sqlite(config.database_file());
  if (!fs::exists(config.database_file())) {
    std::cerr << "not copied: " << config.database_file().string() << " does not exist (set DATA_DIR)" << std::endl;
    return 2;
  }
  const auto target = config.database();
  std::cout << "copying " << sqlite.describe() << " into " << target.describe() << std::endl;
  try {
    std::int64_t rows = 0;
    const auto copied = storage::copy_to_postgres(sqlite, target, [&](const storage::CopiedTable& t) {
      std::cout << "  " << t.name << ": " << t.source_rows << " -> " << t.target_rows << "\n";
      rows += t.target_rows;
    });
    const auto files = storage::count_stored_files(config.data_dir);
    std::cout << "copied " << rows << " rows in " << copied.size() << " tables; counts verified. " << files
              << " uploaded file(s) stay in " << config.data_dir.string()
              << " (files/, letters/): every server needs that folder (DATA_DIR) and the same SERVER_KEY_FILE"
              << std::endl;
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "not copied: " << e.what() << std::endl;
    return 1;
  }
}

// A fresh machine gets the demo directory, so `./run` has something to search.
void seed_directory(const Config& config, storage::Storage& storage, http::RequestLog& log) {
  if (storage.institutions().count() > 0) return;
  const fs::path demo = config.assets_dir / "directory" / "institutions.csv";
  if (!fs::exists(demo)) {
    log.note("the institution directory is empty and " + demo.string() + " does not exist");
    return;
  }
  auto report = directory::import_institutions_file(demo, storage.institutions());
  log.note("directory was empty, imported " + directory::summary(report, demo.string()));
  print_rejected(report, std::cout);
}

// The organisation tree: offices from assets/directory/offices.csv (kept up to date at
// every start), institutions from the directory, the centre above them all.
accounts::LoadedTree load_organisations(const Config& config, storage::ConnectionPool& db, http::RequestLog& log) {
  const fs::path offices = config.assets_dir / "directory" / "offices.csv";
  if (fs::exists(offices)) {
    auto report = accounts::import_offices(db, offices);
    if (report.inserted || report.updated || !report.rejected.empty())
      log.note("offices " + offices.string() + ": " + std::to_string(report.rows) + " rows, " +
               std::to_string(report.inserted) + " new, " + std::to_string(report.updated) + " updated, " +
               std::to_string(report.rejected.size()) + " rejected");
    for (const auto& r : report.rejected) log.note("  " + r);
  }
  auto loaded = accounts::load_org_tree(db);
  if (!loaded.dropped.empty())
    log.note("organisation tree: " + std::to_string(loaded.dropped.size()) + " nodes left out, e.g. " +
             loaded.dropped.front());
  return loaded;
}

// The key that unseals national IDs and OTP codes: checked before anything is served, so a
// lost key stops the start instead of silently making every sealed value unreadable.
std::optional<auth::SecretKey> check_server_key(const Config& config, storage::ConnectionPool& db, http::RequestLog& log) {
  const auto file = config.server_key_file();
  std::int64_t sealed = 0;
  {
    auto conn = db.acquire();
    sealed = auth::count_sealed_values(*conn);
  }
  auth::LoadedKey loaded;
  try {
    loaded = auth::load_server_key(file, sealed, config.new_installation);
    if (loaded.created && sealed > 0)
      log.note("NEW INSTALLATION: a new server key was written to " + file.string() + "; the " + std::to_string(sealed) +
               " value(s) sealed with the lost key cannot be read any more");
    else if (loaded.created)
      log.note("a new server key was written to " + file.string());
    auto conn = db.acquire();
    auth::check_key_matches_database(*conn, loaded.key, file, config.new_installation);
  } catch (const auth::KeyLost& e) {
    std::cerr << "school-server: not starting: " << e.what() << std::endl;
    return std::nullopt;
  } catch (const auth::KeyMismatch& e) {
    std::cerr << "school-server: not starting: " << e.what() << std::endl;
    return std::nullopt;
  }
  const bool inside = fs::absolute(file).lexically_normal().string().rfind(
                          fs::absolute(config.data_dir).lexically_normal().string(), 0) == 0;
  log.note("server key: " + fs::absolute(file).string() + " (unseals national IDs and OTP codes; back it up apart from " +
           (inside ? "the data folder, which holds it now: see SERVER_KEY_FILE in docs/operations.md)" : "the data folder)"));
  return loaded.key;
}

// The connection limits: MAX_CONNECTIONS stays below the descriptor limit (ulimit -n), with
// a reserve for the database, uploads and the site's files, so a flood of connections never
// leaves the server unable to open a file or to accept a normal client.
http::Limits connection_limits(const Config& config, http::RequestLog& log) {
  rlimit files{};
  ::getrlimit(RLIMIT_NOFILE, &files);
  const std::uint64_t descriptors = files.rlim_cur == RLIM_INFINITY ? 65536 : files.rlim_cur;
  const std::uint64_t reserve = 64 + descriptors / 8;
  const std::uint64_t room = descriptors > reserve + 16 ? descriptors - reserve : 16;
  http::Limits limits;
  limits.header_timeout = std::chrono::seconds(config.header_timeout_s);
  limits.idle_timeout = std::chrono::seconds(config.idle_timeout_s);
  limits.write_stall_timeout = std::chrono::seconds(config.write_stall_timeout_s);
  limits.body_min_rate = config.body_min_rate;
  limits.max_connections = config.max_connections ? std::min(config.max_connections, room) : room;
  limits.max_connections_per_address = config.max_connections_per_address;
  if (config.max_connections > room)
    log.note("MAX_CONNECTIONS " + std::to_string(config.max_connections) + " lowered to " + std::to_string(room) +
             ": the descriptor limit (ulimit -n) is " + std::to_string(descriptors));
  log.note("connections: at most " + std::to_string(limits.max_connections) + " (" +
           std::to_string(limits.max_connections_per_address) + " per address), headers within " +
           std::to_string(config.header_timeout_s) + " s, bodies at " + std::to_string(config.body_min_rate) +
           " bytes/s or faster, idle " + std::to_string(config.idle_timeout_s) + " s");
  return limits;
}

// A data folder or database that cannot take writes stops the start with what to fix:
// serving would only fail every sign-in and save with 500 (docs/operations.md).
bool check_data_writable(const Config& config) {
  std::vector<std::string> problems;
  for (const auto& p : storage::check_data_dir(config.data_dir, 0))
    if (p.code == "data_dir_not_writable") problems.push_back(p.message_en);
  if (config.database().engine == storage::Engine::sqlite)
    if (auto p = storage::database_not_writable(config.database_file())) problems.push_back(*p);
  for (const auto& p : problems) std::cerr << "school-server: not starting: " << p << std::endl;
  return problems.empty();
}

int serve(Config config) {
  http::RequestLog log;
  auth::init_crypto();
  auto proxies = http::TrustedProxies::parse(config.trusted_proxies);
  if (auto* error = std::get_if<std::string>(&proxies)) {
    std::cerr << "school-server: " << *error << std::endl;
    return 2;
  }
  if (!check_data_writable(config)) return 4;
  auto pool = std::make_shared<storage::ConnectionPool>(config.database());
  auto storage = storage::open_storage(*pool);
  seed_directory(config, *storage, log);
  // Half-written uploads of a crash: never named, never served, only taking room.
  for (const char* sub : {"files", "letters"})
    if (int n = storage::remove_leftover_temporaries(config.data_dir / sub))
      log.note("removed " + std::to_string(n) + " unfinished upload(s) from " + (config.data_dir / sub).string());
  int clean = 0;
  {
    auto& db = *pool;
    const auto server_key = check_server_key(config, db, log);
    if (!server_key) return 3;
    // Uploads stored before they were sealed at rest: sealed now, under the same names.
    const storage::FileKeys file_keys(*server_key);
    for (const char* sub : {"files", "letters"})
      if (int n = storage::seal_plain_files(config.data_dir / sub, file_keys))
        log.note("sealed " + std::to_string(n) + " stored upload(s) in " + (config.data_dir / sub).string() +
                 " with the server key");
    const auto orgs = load_organisations(config, db, log);
    auth::AuditLog audit(db);
    auth::Guard guard(db, orgs.tree);
    accounts::AccountService accounts(db, orgs.tree, audit);
    {
      auto conn = db.acquire();
      if (int gone = auth::prune_expired(*conn, auth::unix_now()))
        log.note("removed " + std::to_string(gone) + " expired sessions");
    }
    if (config.mode == Mode::development) {
      if (int added = accounts.seed_demo_accounts())
        log.note("development mode: added " + std::to_string(added) + " demo accounts (GET /api/v1/dev/accounts)");
    }

    if (config.site_dir.empty() || !fs::is_directory(config.site_dir))
      log.note("no static site at '" + config.site_dir.string() + "': only the API is served");
    http::StaticSite site(config.site_dir);
    http::Router router;
    http::Server server(router, log, config.threads, connection_limits(config, log), std::get<http::TrustedProxies>(proxies));
    const bool https = !config.tls_cert.empty();
    if (https) server.use_tls(config.tls_cert, config.tls_key);
    const auto port = server.listen(config.bind, config.port);
    const std::string scheme = https ? "https" : "http";
    if (config.public_url.empty()) config.public_url = scheme + "://localhost:" + std::to_string(port);
    Services services{config, *storage, pool, site, guard, audit, accounts, *server_key};
    add_routes(router, services);

    std::cout << "Serving " << scheme << "://localhost:" << port << " (" << to_string(config.mode)
              << " mode, data: " << config.data_dir.string() << ", database: " << config.database().describe() << ")"
              << std::endl;
    clean = server.run() ? 0 : 1;
    audit.flush();
  }
  storage.reset();
  pool.reset();  // closes the database (SQLite checkpoints the WAL) before exiting
  log.note("stopped");
  return clean;
}

}  // namespace

int main(int argc, char** argv) {
  auto parsed = parse_invocation(std::vector<std::string>(argv + 1, argv + argc));
  if (auto* error = std::get_if<std::string>(&parsed)) {
    std::cerr << "school-server: " << *error << "\n" << usage_text;
    return 2;
  }
  const auto& [command, config] = std::get<Invocation>(parsed);
  if (std::holds_alternative<ShowUsage>(command)) {
    std::cout << usage_text;
    return 0;
  }
  try {
    fs::create_directories(config.data_dir);
    if (auto* import = std::get_if<ImportInstitutions>(&command)) return import_command(config, import->csv);
    if (std::holds_alternative<MigrateToPostgres>(command)) return migrate_to_postgres_command(config);
    return serve(config);
  } catch (const std::exception& e) {
    std::cerr << "school-server: " << e.what() << std::endl;
    return 1;
  }
}
