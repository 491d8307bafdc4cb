#pragma once
// #/dev/widgets: every form widget once, live, for developers building screens (what they
// look like, their test-hook IDs) and for the browser test of the platform layer (the
// browser's file picker, an upload's progress and error, a download).
#include <string>

#include "wasm/api/client.hpp"
#include "wasm/app/screen.hpp"
#include "wasm/widgets/widgets.hpp"

namespace dev {

class WidgetsScreen : public app::Screen {
 public:
  void draw(app::Context& ctx) override;

 private:
  std::string text_, password_, notes_, download_result_;
  int choice_ = -1, step_ = 0;
  bool agreed_ = false;
  float progress_ = 0;
  widgets::ChosenFile file_;
  std::optional<domain::FieldError> upload_error_;
  api::Pending pending_;
};

}  // namespace dev
