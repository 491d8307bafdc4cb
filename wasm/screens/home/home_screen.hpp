#pragma once
// The home screen: find one's institution in the directory, the first step of registering.
#include <string>

#include "wasm/app/server_status.hpp"
#include "wasm/screens/home/institution_search.hpp"

namespace app {
struct Context;
}

namespace home {

class HomeScreen {
 public:
  explicit HomeScreen(app::ServerStatus& server) : search_(server) {}

  void draw(const app::Context& ctx);
  double wake_at() const { return search_.wake_at(); }
  void retry() { search_.submit(); }  // after the server came back

 private:
  void draw_results(const app::Context& ctx);

  InstitutionSearch search_;
  std::string selected_code_;
};

}  // namespace home
