#pragma once
// What every screen gets each frame: the language, the fonts, the clock of this frame,
// the API client, the signed-in user, navigation, the server's reachability, and the one
// question an irreversible action asks first (drawn by the app over the screen; a new
// screen dismisses it).
#include <string>
#include <string_view>

#include "shared/calendar/thai_time.hpp"
#include "shared/core/field_error.hpp"
#include "shared/kiosk/kiosk.hpp"
#include "shared/ui/strings.hpp"
#include "wasm/api/client.hpp"
#include "wasm/app/fonts.hpp"
#include "wasm/app/navigation.hpp"
#include "wasm/app/route.hpp"
#include "wasm/app/server_status.hpp"
#include "wasm/app/session.hpp"
#include "wasm/widgets/confirm.hpp"

namespace app {

struct Context {
  Context() = default;
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

  ui::Language language = ui::Language::th;
  // The text size the user chose (1, 1.25, 1.5): everything is drawn that much larger, as a
  // browser's zoom would (main.cpp), so layouts meet a narrower screen, never cut text.
  float text_zoom = 1.0f;
  fonts::Set fonts;
  double now = 0;
  std::int64_t wall = 0;  // seconds since 1970 (UTC), this frame
  api::Client api;
  Session session{api};
  Navigation nav;
  ServerStatus server;
  widgets::Confirm confirm;
  domain::KioskConfig kiosk;  // enabled: only the ways in it offers are shown and opened

  // Whether a link to `hash_route` ("#/register/resume?code=...") is offered here.
  bool offers(std::string_view hash_route) const {
    std::string path;
    for (const auto& s : parse_route(hash_route).segments) path += (path.empty() ? "" : "/") + s;
    return domain::kiosk_allows(kiosk, path);
  }

  // A server time (ISO 8601 UTC) as people say it: "5 นาทีที่แล้ว", "วันนี้ 14:05", B.E. dates.
  std::string when(std::string_view iso_utc) const {
    return domain::format_relative_time(iso_utc, wall, language == ui::Language::th);
  }
  std::string_view tr(const ui::Text& t) const { return t.in(language); }
  std::string_view tr(const domain::FieldError& e) const {
    return language == ui::Language::th ? e.message_th : e.message_en;
  }
};

}  // namespace app
