#pragma once
// The client's widgets: thin wrappers over ImGui that
//  - send every visible string through thai::shape (the display form of Thai), and
//  - record each interactive widget in the test hook under a stable ID.
// Screens use these, not ImGui's text and widget calls.
#include <imgui.h>

#include <string>
#include <string_view>

namespace widgets {

void text(std::string_view s);
void text_colored(ImU32 color, std::string_view s);
// Wraps at `width` (0: the space left), between Thai words too.
void text_wrapped(std::string_view s, float width = 0);
void heading(std::string_view s, ImFont* font);
ImVec2 text_size(std::string_view s);

bool button(const char* id, std::string_view label);
// A button that stays highlighted while `selected` (e.g. the current language).
bool choice(const char* id, std::string_view label, bool selected);

struct InputResult {
  bool changed = false;
  bool submitted = false;  // Enter pressed
};
// A one-line text field. Limitation: while editing, ImGui draws the typed text itself,
// without the Thai display pass (marks may sit high); the hint is shaped.
InputResult input_text(const char* id, std::string_view hint, std::string& value, float width);

// One selectable table row spanning all columns, drawn in its first column. The test hook
// gets the whole row's text as its label.
bool row(const char* id, std::string_view first_cell, std::string_view row_text, bool selected);
void table_column(std::string_view label, float width = 0);  // width 0: stretch

}  // namespace widgets
