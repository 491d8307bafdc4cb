// school-server: the HTTP API and the static web client, on an embedded SQLite database.
//   school-server --site DIR --assets DIR --mode development|production
//   school-server import-institutions FILE.csv
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "server/config.hpp"
#include "server/directory/institution_import.hpp"
#include "server/http/server.hpp"
#include "server/routes.hpp"

namespace fs = std::filesystem;
using namespace server;

namespace {

void print_rejected(const directory::ImportReport& report, std::ostream& out) {
  for (const auto& r : report.rejected) out << "  line " << r.line << ": " << r.reason << "\n";
}

int import_command(const Config& config, const fs::path& csv) {
  auto storage = storage::open_sqlite_storage(config.database_file());
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

int serve(const Config& config) {
  http::RequestLog log;
  auto storage = storage::open_sqlite_storage(config.database_file());
  seed_directory(config, *storage, log);

  if (config.site_dir.empty() || !fs::is_directory(config.site_dir))
    log.note("no static site at '" + config.site_dir.string() + "': only the API is served");
  http::StaticSite site(config.site_dir);
  http::Router router;
  add_routes(router, config, *storage, site);

  http::Server server(router, log);
  const auto port = server.listen(config.bind, config.port);
  std::cout << "Serving http://localhost:" << port << " (" << to_string(config.mode)
            << " mode, data: " << config.data_dir.string() << ")" << std::endl;
  const bool clean = server.run(config.threads);
  storage.reset();  // closes the database (checkpoints the WAL) before exiting
  log.note("stopped");
  return clean ? 0 : 1;
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
    return serve(config);
  } catch (const std::exception& e) {
    std::cerr << "school-server: " << e.what() << std::endl;
    return 1;
  }
}
