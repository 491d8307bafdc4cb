#pragma once
// The native client's file dialog (issue 15): zenity's GTK file chooser, run as a child
// process. A GTK main loop inside the SDL client would share its thread and display
// connection; a child needs neither, and without zenity the path field stays the picker.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wasm/platform/platform.hpp"

namespace platform::native {

// The X11 id of `window` (0: none, or not X11), zenity's parent.
unsigned long x11_window(SDL_Window* window);

// zenity is on PATH (looked up once).
bool zenity_found();

// zenity's arguments ("zenity" first) for choosing one file: titled `title`, opening in
// `folder` (none: GTK's own choice), showing only what `accept` names (".pdf,.jpg" or MIME
// types, as a browser's <input accept>; in any letter case), and attached to the X window
// `parent` (0: none) so that a window manager keeps it over the client.
std::vector<std::string> zenity_arguments(std::string_view accept, std::string_view title,
                                          const std::string& folder, unsigned long parent);

// Runs zenity and waits: the chosen path, or nullopt when the user cancelled (zenity exits
// 1), closed it, or zenity could not run. Blocks: call it off the UI thread.
std::optional<std::string> run_zenity(const std::vector<std::string>& arguments);

// Runs zenity on a thread of its own and reads the chosen file (platform::read_file); `done`
// gets it through `to_ui` (which runs a function on the UI thread), or is dropped on cancel,
// as the browser does. A call while a dialog is up does nothing. Call on the UI thread.
using ToUi = std::function<void(std::function<void()>)>;
void choose_file(std::vector<std::string> arguments, ToUi to_ui, std::function<void(PickedFile)> done);

}  // namespace platform::native
