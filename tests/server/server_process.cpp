#include "tests/server/server_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

#include "tests/server/test_database.hpp"

extern char** environ;

namespace test_server {

TempDir::TempDir() {
  std::string pattern = (fs::temp_directory_path() / "school-test-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

void write_file(const fs::path& file, const std::string& bytes) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << bytes;
}

std::string read_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

namespace {

// Starts `args` with `env` added to this environment; its stdout+stderr go to the returned fd.
pid_t spawn(const std::vector<std::string>& args, const std::map<std::string, std::string>& env, int& out_fd) {
  std::vector<std::string> env_strings;
  for (char** e = environ; *e; ++e) {
    std::string entry = *e;
    if (!env.count(entry.substr(0, entry.find('=')))) env_strings.push_back(entry);
  }
  for (const auto& [k, v] : env) env_strings.push_back(k + "=" + v);
  std::vector<char*> argv, envp;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  for (const auto& e : env_strings) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);

  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    dup2(fds[1], 1);
    dup2(fds[1], 2);
    execve(argv[0], argv.data(), envp.data());
    _exit(127);
  }
  close(fds[1]);
  out_fd = fds[0];
  return pid;
}

// Waits for pid up to `timeout`; the exit code, or -1.
int wait_exit(pid_t pid, std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    int status = 0;
    pid_t r = waitpid(pid, &status, WNOHANG);
    if (r == pid) return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (std::chrono::steady_clock::now() > deadline) return -2;  // still running
    std::this_thread::sleep_for(10ms);
  }
}

std::map<std::string, std::string> server_env(const fs::path& data_dir) {
  return {{"PORT", "0"}, {"BIND", "127.0.0.1"}, {"DATA_DIR", data_dir.string()}, {"THREADS", "2"}};
}

}  // namespace

Finished run_command(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
                     std::chrono::seconds timeout) {
  int fd = -1;
  pid_t pid = spawn(args, env, fd);
  Finished result;
  char buf[4096];
  ssize_t n;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  pollfd p{fd, POLLIN, 0};
  while (std::chrono::steady_clock::now() < deadline) {
    if (poll(&p, 1, 100) <= 0) continue;
    n = read(fd, buf, sizeof buf);
    if (n <= 0) break;
    result.output.append(buf, static_cast<std::size_t>(n));
  }
  close(fd);
  result.exit_code = wait_exit(pid, 5s);
  if (result.exit_code == -2) {
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
    result.exit_code = -1;
  }
  return result;
}

ServerProcess::ServerProcess(ServerOptions options) : options_(std::move(options)) {
  if (options_.data_dir.empty()) options_.data_dir = temp_ / "data";
  if (options_.site.empty()) {
    options_.site = temp_ / "site";
    write_file(options_.site / "index.html", "<!doctype html><html lang=\"th\"><title>ทดสอบ</title></html>\n");
    write_file(options_.site / "app.wasm", std::string("\0asm\1\0\0\0", 8) + std::string(4000, 'w'));
    write_file(options_.site / "app.wasm.br", "pretend-brotli-bytes");
    write_file(options_.site / "app.js", "console.log('app');\n");
    write_file(options_.site / "app.js.gz", "pretend-gzip-bytes");
  }
  int fd = -1;
  std::vector<std::string> args{SERVER_BINARY, "--site", options_.site.string(), "--assets",
                                options_.assets.string(), "--mode", options_.mode};
  args.insert(args.end(), options_.args.begin(), options_.args.end());
  database_ = database_for(options_.data_dir);
  auto env = server_env(options_.data_dir);
  if (database_.engine == server::storage::Engine::postgres) env["DATABASE_URL"] = database_.url;
  for (const auto& [k, v] : options_.env) env[k] = v;
  pid_ = spawn(args, env, fd);
  reader_ = std::thread([this, fd] {
    char buf[4096];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0) {
      std::lock_guard lock(mutex_);
      output_.append(buf, static_cast<std::size_t>(n));
      changed_.notify_all();
    }
    close(fd);
    std::lock_guard lock(mutex_);
    closed_ = true;
    changed_.notify_all();
  });

  std::unique_lock lock(mutex_);
  static const std::regex serving(R"(Serving https?://localhost:(\d+) )");
  std::smatch m;
  changed_.wait_for(lock, 60s, [&] { return closed_ || std::regex_search(output_, m, serving); });
  if (!std::regex_search(output_, m, serving)) {
    std::string out = output_;
    lock.unlock();
    stop(SIGKILL, 5s);
    throw std::runtime_error("the server did not start:\n" + out);
  }
  port_ = static_cast<unsigned short>(std::stoi(m[1].str()));
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) stop(SIGKILL, 5s);
  if (reader_.joinable()) reader_.join();
  // A data folder of its own goes with this server; a shared one outlives it.
  if (options_.data_dir == temp_ / "data") {
    try {
      drop_database_for(options_.data_dir);
    } catch (...) {  // a test's failure says more than the cleanup's
    }
  }
}

int ServerProcess::stop(int signal, std::chrono::seconds timeout) {
  if (pid_ <= 0) return exit_code_;
  kill(pid_, signal);
  int code = wait_exit(pid_, timeout);
  if (code == -2) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    code = -1;
  }
  pid_ = -1;
  exit_code_ = code;
  if (reader_.joinable()) reader_.join();
  return code;
}

std::string ServerProcess::output() const {
  std::lock_guard lock(mutex_);
  return output_;
}

bool ServerProcess::wait_for_output(const std::string& needle, std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  return changed_.wait_for(lock, timeout, [&] { return output_.find(needle) != std::string::npos; });
}

}  // namespace test_server
