#pragma once
// Starts the real school-server binary (SERVER_BINARY) on a free loopback port with a
// temporary DATA_DIR, collects what it prints, and stops it with a signal.
#include <signal.h>
#include <sys/types.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "server/storage/database.hpp"
#include "tests/server/test_database.hpp"

namespace test_server {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

// A fresh directory under /tmp, removed with everything in it at the end of the test.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }
  fs::path operator/(const std::string& name) const { return path_ / name; }

 private:
  fs::path path_;
};

void write_file(const fs::path& file, const std::string& bytes);
std::string read_file(const fs::path& file);

struct Finished {
  int exit_code = -1;  // -1: killed by a signal or did not finish
  std::string output;  // stdout and stderr, interleaved
};

// Runs a command to the end (e.g. `school-server import-institutions x.csv`).
Finished run_command(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
                     std::chrono::seconds timeout = 60s);

struct ServerOptions {
  fs::path site;                   // --site; empty = a temp site with index.html, app.wasm(.br)
  fs::path assets = fs::path(SOURCE_DIR) / "assets";
  fs::path data_dir;               // empty = a temp dir
  std::string mode = "development";
  std::map<std::string, std::string> env;  // added to (or replacing) the defaults, e.g. TRUSTED_PROXY
  std::vector<std::string> args;            // appended to the command line, e.g. --tls-cert
};

class ServerProcess {
 public:
  explicit ServerProcess(ServerOptions options = {});  // returns once the server listens
  ~ServerProcess();                                    // kills it if still running
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  unsigned short port() const { return port_; }
  const server::storage::Location& database() const { return database_; }  // SQLite file or PostgreSQL (test_database.hpp)
  pid_t pid() const { return pid_; }
  const fs::path& data_dir() const { return options_.data_dir; }
  const fs::path& site_dir() const { return options_.site; }

  // Sends `signal`, waits for the exit; returns the exit code (-1 on timeout or a crash).
  int stop(int signal = SIGTERM, std::chrono::seconds timeout = 20s);
  std::string output() const;
  bool wait_for_output(const std::string& needle, std::chrono::milliseconds timeout = 5000ms) const;

 private:
  TempDir temp_;
  ServerOptions options_;
  server::storage::Location database_{fs::path{}};
  pid_t pid_ = -1;
  int exit_code_ = -1;
  unsigned short port_ = 0;
  std::thread reader_;
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  std::string output_;
  bool closed_ = false;
};

}  // namespace test_server
