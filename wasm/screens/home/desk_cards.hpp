#pragma once
// The signed-in user's desk on the home screen: GET /api/v1/me/desk read through
// shared/desk, one card per kind of work (its title, the count in words, the days left),
// the whole card a touch target opening the screen that does the work.
#include <cstdint>
#include <vector>

#include "shared/desk/desk.hpp"
#include "wasm/api/client.hpp"

namespace app {
struct Context;
}

namespace home {

class DeskCards {
 public:
  void reload() { loaded_for_ = 0; }  // fetched again at the next draw
  void draw(app::Context& ctx);

 private:
  void load(app::Context& ctx, std::int64_t user_id);
  void draw_card(app::Context& ctx, const domain::DeskEntry& e);

  api::Pending pending_;
  std::int64_t loaded_for_ = 0;  // the user the entries are of
  bool loading_ = false, failed_ = false;
  std::vector<domain::DeskEntry> entries_;
};

}  // namespace home
