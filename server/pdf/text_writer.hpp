#pragma once
// Thai text on a cairo PDF through Pango (HarfBuzz shaping, libthai line breaks) in the
// Laksaman font (fonts-thai-tlwg), drawn so text extractors read Thai exactly (see
// show_runs in text_writer.cpp). Shared by the appointment letter and the LEC class list.
#include <cairo.h>
#include <pango/pangocairo.h>

#include <string>

namespace server::pdf {

constexpr double mm = 72.0 / 25.4;

// cairo_pdf_surface_create_for_stream's writer: appends to the std::string at `closure`.
cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length);

class Writer {
 public:
  explicit Writer(cairo_t* cr) : cr_(cr) {}

  // Draws `text` in a box of `width` at (x, y); returns its height.
  double text(const std::string& text, double x, double y, double width, PangoAlignment align = PANGO_ALIGN_LEFT,
              bool bold = false, double indent = 0, bool justify = false, double size = 15);

 private:
  void show_runs(PangoLayout* layout, double x, double y);
  cairo_t* cr_;
};

}  // namespace server::pdf
