#pragma once
// The home screen. Signed in: the user's desk (one card per kind of work, DeskCards).
// Anonymous: the ways in (sign in, register, request school website access, public
// statistics) and finding one's institution in the directory; choosing one offers its next
// steps (register it, continue or check a registration, ask for website access, its figures).
#include <string>

#include "wasm/app/screen.hpp"
#include "wasm/app/server_status.hpp"
#include "wasm/screens/home/desk_cards.hpp"
#include "wasm/screens/home/institution_search.hpp"

namespace home {

class HomeScreen : public app::Screen {
 public:
  explicit HomeScreen(app::ServerStatus& server) : search_(server) {}

  void open(app::Context&, const app::Route&) override { desk_.reload(); }  // fresh counts on each visit
  void draw(app::Context& ctx) override;
  double wake_at() const override { return search_.wake_at(); }
  void retry() override { search_.submit(); }  // after the server came back

 private:
  void draw_links(app::Context& ctx);
  void draw_results(const app::Context& ctx);
  void draw_next_steps(app::Context& ctx, const domain::Institution& chosen);

  DeskCards desk_;
  InstitutionSearch search_;
  std::string selected_code_;
};

}  // namespace home
