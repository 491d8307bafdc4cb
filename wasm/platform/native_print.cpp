#include "wasm/platform/native_print.hpp"

#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>

extern char** environ;

namespace platform::native {

namespace {

// Runs `lp -t TITLE -` with `input` on its standard input; its output (and errors) back.
bool run_lp(const std::string& input, const std::string& title, std::string& output) {
  int in[2], out[2];
  if (pipe(in) != 0) return false;
  if (pipe(out) != 0) {
    close(in[0]), close(in[1]);
    return false;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in[0], 0);
  posix_spawn_file_actions_adddup2(&actions, out[1], 1);
  posix_spawn_file_actions_adddup2(&actions, out[1], 2);
  posix_spawn_file_actions_addclose(&actions, in[1]);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  std::string t = title.empty() ? std::string("document") : title;
  char* argv[] = {const_cast<char*>("lp"), const_cast<char*>("-t"), t.data(), const_cast<char*>("-"), nullptr};
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, "lp", &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  close(in[0]);
  close(out[1]);
  if (spawned != 0) {
    close(in[1]);
    close(out[0]);
    output = "lp: not found";
    return false;
  }
  // Write and read together: lp may answer before it has read everything.
  std::signal(SIGPIPE, SIG_IGN);
  std::size_t written = 0;
  bool reading = true;
  char buffer[4096];
  while (written < input.size() || reading) {
    pollfd fds[2] = {{out[0], POLLIN, 0}, {written < input.size() ? in[1] : -1, POLLOUT, 0}};
    if (poll(fds, 2, -1) < 0 && errno != EINTR) break;
    if (fds[1].revents & (POLLOUT | POLLERR | POLLHUP)) {
      const ssize_t n = write(in[1], input.data() + written, input.size() - written);
      if (n <= 0) written = input.size();
      else written += std::size_t(n);
      if (written >= input.size()) close(in[1]), in[1] = -1;
    }
    if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
      const ssize_t n = read(out[0], buffer, sizeof buffer);
      if (n <= 0) reading = false;
      else output.append(buffer, std::size_t(n));
    }
  }
  if (in[1] >= 0) close(in[1]);
  close(out[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace

Printed print_pdf(const std::string& bytes, const std::string& title) {
  Printed p;
  p.file_name = title;
  if (bytes.rfind("%PDF-", 0) != 0) {
    p.printable = false;
    return p;
  }
  std::string said;
  if (!run_lp(bytes, title, said)) {
    while (!said.empty() && (said.back() == '\n' || said.back() == '\r')) said.pop_back();
    p.error = said.empty() ? std::string("lp failed") : said;
    return p;
  }
  // "request id is kiosk-7 (0 file(s))"
  const std::string marker = "request id is ";
  if (auto at = said.find(marker); at != std::string::npos) {
    const auto start = at + marker.size();
    p.job = said.substr(start, said.find(' ', start) - start);
  }
  if (p.job.empty()) p.job = "?";
  return p;
}

}  // namespace platform::native
