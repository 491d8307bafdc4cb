#pragma once
// The printable sheet of one-time sign-in QR codes for the institution accounts made in one
// action: per institution its name, code and username, its QR (the link only) and until
// when it works. Never a password.
#include <cstdint>
#include <string>
#include <vector>

namespace server::accounts {

struct SheetEntry {
  std::string code, name_th, username;
  std::vector<std::string> qr_modules;  // rows of '1' (dark) and '0'
};

// A4, eight codes a page (two columns). `office`: the office's name and code for the
// heading; `expires_at` the codes' common end (unix seconds).
std::string render_sign_in_sheet(const std::string& office, const std::vector<SheetEntry>& entries,
                                 std::int64_t expires_at);

}  // namespace server::accounts
