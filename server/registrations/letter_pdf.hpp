#pragma once
// The appointment letter as an A4 PDF: Pango (HarfBuzz shaping, libthai line breaks) on a
// cairo PDF surface, the Laksaman font (fonts-thai-tlwg, a TH Sarabun look-alike), and a QR
// code (libqrencode) carrying the registration reference.
#include <string>

#include "shared/registration/appointment_letter.hpp"

namespace server::registrations {

std::string render_letter_pdf(const domain::AppointmentLetter& letter, const std::string& qr_text);

}  // namespace server::registrations
