#pragma once
// #/identity-failed?code=<code>: where the server sends a person whose identity proof did
// not succeed (a refused or broken answer from the provider, a lapsed link...). It says why
// and what to do next, and offers the ways on: try again, the SMS code, a password.
#include <string>

#include "wasm/app/screen.hpp"

namespace accounts {

class IdentityFailedScreen : public app::Screen {
 public:
  void open(app::Context& ctx, const app::Route& route) override;
  void draw(app::Context& ctx) override;

 private:
  std::string code_;
};

}  // namespace accounts
