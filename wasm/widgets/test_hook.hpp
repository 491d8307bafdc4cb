#pragma once
// Every interactive widget drawn in a frame, with a stable ID, its label, its rectangle
// (in CSS pixels on the web: ImGui's coordinates) and its value. End-to-end tests read
// it to click and type at real coordinates with real input events.
#include <string>
#include <vector>

namespace test_hook {

struct Widget {
  std::string id;     // stable, e.g. "home.search"; never translated
  std::string kind;   // "button", "input", "row", ...
  std::string label;  // as the user reads it (standard Unicode, not the display form)
  std::string value;
  float x = 0, y = 0, w = 0, h = 0;
  bool active = false;  // being edited or pressed
};

// The text size zoom (app::Context::text_zoom): ImGui units times this are the window's
// pixels (CSS pixels on the web), where tests click and the hidden text field goes.
void set_scale(float scale);

// Records the last ImGui item (its rectangle and state) under `id`, in window pixels.
void record_item(std::string id, std::string kind, std::string label, std::string value = {});

// Records a rectangle drawn without an ImGui item (the kiosk's on-screen keys), in ImGui units.
void record_rect(std::string id, std::string kind, std::string label, float x0, float y0, float x1, float y1);

void begin_frame();
void end_frame();  // the frame's list becomes last_frame(); counts the frame

const std::vector<Widget>& last_frame();
// The text field being edited in the last frame (input, password or multiline), or null;
// `this_frame`: among the items recorded so far in the frame being drawn.
const Widget* active_text_field(bool this_frame = false);
// Window pixels per ImGui unit (set_scale).
float pixels_per_unit();
std::string last_frame_json();  // [{"id","kind","label","value","x","y","w","h","active"}]
unsigned long frames_drawn();

}  // namespace test_hook
