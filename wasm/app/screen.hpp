#pragma once
// A screen: what the app shows for a hash route. Screens are registered once, in
// App::register_screens() (wasm/app/app.cpp), under a route prefix:
//
//   screens_.add("activate", std::make_unique<accounts::ActivationScreen>());  // #/activate/<token>
//   screens_.add("admin/users", std::make_unique<accounts::UsersScreen>(),
//                app::Access::holding(domain::Permission::users_manage));
//
// The longest registered prefix wins; the segments after it are the route's params.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "shared/accounts/permission.hpp"
#include "wasm/app/frame_pacer.hpp"
#include "wasm/app/route.hpp"

namespace app {

struct Context;

class Screen {
 public:
  virtual ~Screen() = default;
  // The route now shows this screen (first time, or other params/query): reset the form,
  // start loading. Not called again while the route stays the same.
  virtual void open(Context&, const Route&) {}
  virtual void draw(Context& ctx) = 0;  // every frame while shown
  // The next clock time a timer of this screen falls due (a debounce, a countdown).
  virtual double wake_at() const { return FramePacer::never; }
  virtual void retry() {}  // the server is back after it could not be reached
};

struct Access {
  bool signed_in = false;  // else: to #/signin?next=<this route>
  std::optional<domain::Permission> permission;  // the user must hold it (somewhere)

  static Access anyone() { return {false, std::nullopt}; }
  static Access user() { return {true, std::nullopt}; }  // any signed-in user
  static Access holding(domain::Permission p) { return {true, p}; }
};

class Screens {
 public:
  struct Entry {
    std::vector<std::string> prefix;
    std::unique_ptr<Screen> screen;
    Access access;
  };

  // `prefix`: "" (home), "signin", "review/registrations".
  void add(const std::string& prefix, std::unique_ptr<Screen> screen, Access access = Access::anyone());
  // The screen for `route` (its params filled in), or nullptr.
  const Entry* match(Route& route) const;

 private:
  std::vector<Entry> entries_;
};

}  // namespace app
