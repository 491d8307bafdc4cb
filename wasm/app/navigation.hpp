#pragma once
// Where the user is: the hash route, read from the platform (location.hash on the web,
// so links from an SMS, the back button and typed URLs all work) and changed by screens.
#include <string>

#include "wasm/app/route.hpp"

namespace app {

class Navigation {
 public:
  // Shows another route: "#/signin", app::route_string({"activate", token}).
  void go(const std::string& route);
  const std::string& current() const { return current_; }
  // Reads the platform's route; true when it differs from the last one read.
  bool poll();

 private:
  std::string current_ = "\x01";  // never a route: the first poll() reports a change
};

}  // namespace app
