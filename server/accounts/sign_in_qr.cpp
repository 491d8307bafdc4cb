#include "server/accounts/sign_in_qr.hpp"

#include <qrencode.h>

#include <memory>
#include <stdexcept>

namespace server::accounts {

QrImage encode_qr(const std::string& text) {
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M), &QRcode_free);
  if (!code) throw std::runtime_error("the QR code could not be encoded");
  const int n = code->width, quiet = 4, side = n + 2 * quiet;
  QrImage image;
  std::string path;
  for (int y = 0; y < n; ++y) {
    std::string row(static_cast<std::size_t>(n), '0');
    for (int x = 0; x < n; ++x) {
      if (code->data[y * n + x] & 1) {
        row[static_cast<std::size_t>(x)] = '1';
        path += "M" + std::to_string(x + quiet) + " " + std::to_string(y + quiet) + "h1v1h-1z";
      }
    }
    image.modules.push_back(std::move(row));
  }
  const auto s = std::to_string(side);
  image.svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + s + " " + s +
              "\" shape-rendering=\"crispEdges\"><rect width=\"" + s + "\" height=\"" + s +
              "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
  return image;
}

}  // namespace server::accounts
