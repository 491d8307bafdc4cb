#pragma once
// A question before an action that replaces something or cannot be undone (issue a
// password, approve, reject, remove, close a KPI holding reports): a modal that says what
// will happen and whether it can be undone, a button naming the action and "Cancel". The
// screen keeps one as a member, asks when its button is pressed and draws it every frame;
// the action runs only on "yes". Test hook: "confirm" (kind "dialog", label the title, value
// the consequence), "confirm.yes", "confirm.no".
#include <imgui.h>

#include <functional>
#include <string>

#include "shared/ui/confirmations.hpp"

namespace widgets {

class Confirm {
 public:
  using Question = ui::confirm::Words;  // made in shared/ui/confirmations
  void ask(Question question, std::function<void()> on_yes);
  void dismiss() { on_yes_ = nullptr; }
  bool asking() const { return static_cast<bool>(on_yes_); }
  void draw(ui::Language language, ImFont* title_font);

 private:
  Question question_;
  std::function<void()> on_yes_;
};

}  // namespace widgets
