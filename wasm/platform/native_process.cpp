#include "wasm/platform/native_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>

extern char** environ;

namespace platform::native {

ProcessResult run_process(const std::vector<std::string>& arguments, const std::string& input, bool errors_too,
                          std::atomic<pid_t>* running) {
  ProcessResult result;
  int in[2], out[2];
  if (arguments.empty() || pipe2(in, O_CLOEXEC) != 0) return result;
  if (pipe2(out, O_CLOEXEC) != 0) {
    close(in[0]), close(in[1]);
    return result;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in[0], 0);
  posix_spawn_file_actions_adddup2(&actions, out[1], 1);
  if (errors_too) posix_spawn_file_actions_adddup2(&actions, out[1], 2);
  else posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);  // GTK's noise
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 34)
  // An open socket or another child's pipe would otherwise stay open as long as it runs.
  posix_spawn_file_actions_addclosefrom_np(&actions, 3);
#endif
  std::vector<char*> argv;
  for (const auto& a : arguments) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(in[0]);
  close(out[1]);
  if (spawned != 0) {
    close(in[1]);
    close(out[0]);
    result.output = arguments[0] + ": " + (spawned == ENOENT ? std::string("not found") : std::strerror(spawned));
    return result;
  }
  result.started = true;
  if (running) *running = pid;
  // Write and read together: it may answer before it has read everything.
  std::signal(SIGPIPE, SIG_IGN);
  std::size_t written = 0;
  if (input.empty()) close(in[1]), in[1] = -1;
  bool reading = true;
  char buffer[4096];
  while (in[1] >= 0 || reading) {
    pollfd fds[2] = {{reading ? out[0] : -1, POLLIN, 0}, {in[1], POLLOUT, 0}};
    if (poll(fds, 2, -1) < 0 && errno != EINTR) break;
    if (in[1] >= 0 && (fds[1].revents & (POLLOUT | POLLERR | POLLHUP))) {
      const ssize_t n = write(in[1], input.data() + written, input.size() - written);
      written = n <= 0 ? input.size() : written + std::size_t(n);
      if (written >= input.size()) close(in[1]), in[1] = -1;
    }
    if (reading && (fds[0].revents & (POLLIN | POLLHUP | POLLERR))) {
      const ssize_t n = read(out[0], buffer, sizeof buffer);
      if (n > 0) result.output.append(buffer, std::size_t(n));
      else if (n == 0 || errno != EINTR) reading = false;
    }
  }
  if (in[1] >= 0) close(in[1]);
  close(out[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (running) *running = 0;
  while (!result.output.empty() && (result.output.back() == '\n' || result.output.back() == '\r'))
    result.output.pop_back();
  result.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  return result;
}

}  // namespace platform::native
