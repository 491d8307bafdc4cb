#pragma once
// The picture of a one-time sign-in link, drawn with libqrencode: as SVG for the browser and
// as rows of modules for a client that draws its own squares. It holds a link, never a password.
#include <string>
#include <vector>

namespace server::accounts {

struct QrImage {
  std::vector<std::string> modules;  // rows of '1' (dark) and '0', square
  std::string svg;                   // with a 4-module quiet zone
};

// Medium error correction. Throws std::runtime_error if the text cannot be encoded.
QrImage encode_qr(const std::string& text);

}  // namespace server::accounts
