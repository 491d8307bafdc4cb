#pragma once
// A program run as a child of the native client, for what a desktop program does better
// than we would (CUPS's lp, zenity's file chooser): one way to start it, feed it and read it.
#include <atomic>
#include <string>
#include <sys/types.h>
#include <vector>

namespace platform::native {

struct ProcessResult {
  bool started = false;
  bool ok = false;     // started, and exited with 0
  std::string output;  // its standard output (and its errors when asked), trailing newlines cut;
                       // "<program>: not found" when it could not be started
};

// Runs `arguments` (the program, found on PATH, first) with `input` on its standard input
// and waits for it. Its errors join the output with `errors_too`, else they are dropped.
// None of the client's other descriptors go with it. `running` (optional) holds its pid
// while it runs. Blocks: call it off the UI thread.
ProcessResult run_process(const std::vector<std::string>& arguments, const std::string& input, bool errors_too,
                          std::atomic<pid_t>* running = nullptr);

}  // namespace platform::native
