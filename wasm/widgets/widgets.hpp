#pragma once
// The client's widgets: thin wrappers over ImGui that
//  - send every visible string through thai::shape (the display form of Thai), and
//  - record each interactive widget in the test hook under a stable ID.
// Screens use these, not ImGui's text and widget calls.
#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

#include "shared/core/field_error.hpp"
#include "shared/ui/strings.hpp"

namespace widgets {

void text(std::string_view s);
void text_colored(ImU32 color, std::string_view s);
// Wraps at `width` (0: the space left), between Thai words too; line breaks kept.
void text_wrapped(std::string_view s, float width = 0);
// The display form of `s` in lines of at most `width` pixels, joined by '\n'.
std::string wrap_lines(std::string_view s, float width);
void heading(std::string_view s, ImFont* font);
ImVec2 text_size(std::string_view s);

bool button(const char* id, std::string_view label);
// The main action of a form: filled in the brand colour; greyed and inert when !enabled.
bool primary_button(const char* id, std::string_view label, bool enabled = true);
// A button that stays highlighted while `selected` (e.g. the current language).
bool choice(const char* id, std::string_view label, bool selected);
// Underlined text that acts like a link (navigation). Test hook kind "link".
bool link(const char* id, std::string_view label);
// "วิธีใช้ / Help": a link that opens the flow's printable help page ("kpi" ->
// /help/kpi.html, beside the app). Test hook: the link, and "<id>.page" naming the path.
void help_link(const char* id, const char* page, ui::Language language);

struct InputResult {
  bool changed = false;
  bool submitted = false;  // Enter pressed
};
// A one-line text field. Limitation: while editing, ImGui draws the typed text itself,
// without the Thai display pass (marks may sit high); the hint is shaped.
InputResult input_text(const char* id, std::string_view hint, std::string& value, float width);
// A masked field (kind "password"; the test hook's value is one '*' per character).
InputResult password_input(const char* id, std::string_view hint, std::string& value, float width);
// Several lines (kind "multiline"); Enter makes a new line. Grows to show every line;
// wrapped between words while not being edited (ImGui's field scrolls sideways instead).
bool multiline(const char* id, std::string_view hint, std::string& value, ImVec2 size);

// A form field: its label above, the field, and its error (if any) under it in the
// language shown. Width 0: the space left. Returns the field's InputResult.
enum class Field { text, password };
InputResult field(const char* id, std::string_view label, std::string& value,
                  const domain::FieldError* error, ui::Language language, Field kind = Field::text,
                  float width = 0);
// The error under a field: red, wrapped; recorded as "<field id>.error" (kind "error",
// label the message shown) so tests can read it. Nothing when `error` is null.
void field_error(const char* field_id, const domain::FieldError* error, ui::Language language);
// A form-wide error (no field): a red banner, recorded as `id` (kind "error").
void error_banner(const char* id, const domain::FieldError* error, ui::Language language);

// A drop-down list; `selected` -1 shows `placeholder`. Options are recorded while open as
// "<id>.<index>" (kind "option"); with many options a filter field "<id>.filter" comes
// first. Returns true when the selection changed.
bool combo(const char* id, std::string_view placeholder, const std::vector<std::string>& options,
           int& selected, float width = 0);
// Value "checked" / ""; a checkbox that cannot change (!enabled) is greyed and adds
// " disabled" ("checked disabled").
bool checkbox(const char* id, std::string_view label, bool& value, bool enabled = true);
// Kind "progress", value the fraction as "0.42".
void progress_bar(const char* id, float fraction, std::string_view overlay = {}, float width = 0);
// "1 Profile  ›  2 Password": done steps muted, the current one in the brand colour.
// Kind "steps", value the current step counted from 1.
void steps(const char* id, const std::vector<std::string_view>& labels, int current);

// A file the user chose, for a form to send (wasm/api Client::upload).
struct ChosenFile {
  std::string name;   // empty: none yet
  std::string bytes;
  std::string path;   // native: the path field
  bool unreadable = false;
  bool arrived = false;  // set when a file comes in; file_picker() reports and clears it
};
// Web: a button opening the browser's file picker (`accept`: ".pdf,.jpg"). Native: a
// path field, a button reading it, and files dropped on the window. Shows the chosen
// file's name. `file` must outlive the picker (a screen's member). Kind "file", value the
// chosen name. Returns true in the frame a new file arrived.
bool file_picker(const char* id, std::string_view accept, ChosenFile& file, ui::Language language);

// One selectable table row spanning all columns, drawn in its first column. The test hook
// gets the whole row's text as its label.
bool row(const char* id, std::string_view first_cell, std::string_view row_text, bool selected);
void table_column(std::string_view label, float width = 0);  // width 0: stretch

}  // namespace widgets
