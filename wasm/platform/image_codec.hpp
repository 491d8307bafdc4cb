#pragma once
// JPEG and PNG to RGBA for the native client (libjpeg-turbo, libpng; a JPEG's EXIF
// orientation by libexif), without I/O: the
// native platform runs it off the UI thread; client_tests check it on real files.
#include <string_view>

#include "wasm/platform/platform.hpp"

namespace platform {

// The image, scaled down (by halves for JPEG, then by whole factors) so that neither side
// exceeds `max_side`; empty when the bytes are neither a JPEG nor a PNG that can be read.
// A JPEG's EXIF orientation is applied (a phone's portrait photo stands up), as the browser
// does on the web.
Image decode_image_now(std::string_view bytes, int max_side = max_image_side);

}  // namespace platform
