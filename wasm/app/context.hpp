#pragma once
// What every screen gets each frame: the language, the fonts, the clock of this frame,
// the API client, the signed-in user, navigation and the server's reachability.
#include <string_view>

#include "shared/core/field_error.hpp"
#include "shared/ui/strings.hpp"
#include "wasm/api/client.hpp"
#include "wasm/app/fonts.hpp"
#include "wasm/app/navigation.hpp"
#include "wasm/app/server_status.hpp"
#include "wasm/app/session.hpp"

namespace app {

struct Context {
  Context() = default;
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

  ui::Language language = ui::Language::th;
  fonts::Set fonts;
  double now = 0;
  api::Client api;
  Session session{api};
  Navigation nav;
  ServerStatus server;

  std::string_view tr(const ui::Text& t) const { return t.in(language); }
  std::string_view tr(const domain::FieldError& e) const {
    return language == ui::Language::th ? e.message_th : e.message_en;
  }
};

}  // namespace app
