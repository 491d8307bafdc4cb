#include "wasm/platform/image_codec.hpp"

#include <png.h>
// jpeglib.h needs FILE and size_t declared first.
#include <cstdio>
#include <csetjmp>
#include <jpeglib.h>
#include <libexif/exif-data.h>

#include <algorithm>

namespace platform {
namespace {

bool starts_with(std::string_view bytes, std::string_view magic) {
  return bytes.size() >= magic.size() && bytes.substr(0, magic.size()) == magic;
}

// libjpeg reports errors through a callback that must not return: jump back out.
struct JpegError {
  jpeg_error_mgr mgr;
  std::jmp_buf jump;
};

// The EXIF orientation (1-8) of a JPEG's APP1 segment, read by libexif; 1 (as stored) when
// there is none. Phones store a portrait photo sideways and say so here.
int exif_orientation(const jpeg_decompress_struct& info) {
  for (jpeg_saved_marker_ptr m = info.marker_list; m; m = m->next) {
    if (m->marker != JPEG_APP0 + 1 || m->data_length < 6 || std::string_view(reinterpret_cast<const char*>(m->data), 6) != std::string_view("Exif\0\0", 6))
      continue;
    ExifData* exif = exif_data_new_from_data(m->data, m->data_length);
    if (!exif) return 1;
    int orientation = 1;
    if (ExifEntry* e = exif_content_get_entry(exif->ifd[EXIF_IFD_0], EXIF_TAG_ORIENTATION);
        e && e->format == EXIF_FORMAT_SHORT && e->components == 1)
      orientation = exif_get_short(e->data, exif_data_get_byte_order(exif));
    exif_data_unref(exif);
    return orientation >= 1 && orientation <= 8 ? orientation : 1;
  }
  return 1;
}

// Only plain locals here: a longjmp back into this frame leaves non-volatile locals that
// changed after setjmp() undefined; the image and its orientation live in the caller's frame.
bool read_jpeg(std::string_view bytes, int max_side, Image* image, int* orientation) {
  jpeg_decompress_struct info{};
  JpegError error{};
  info.err = jpeg_std_error(&error.mgr);
  error.mgr.error_exit = [](j_common_ptr c) { std::longjmp(reinterpret_cast<JpegError*>(c->err)->jump, 1); };
  error.mgr.output_message = [](j_common_ptr) {};  // warnings: not on stderr
  if (setjmp(error.jump)) {
    jpeg_destroy_decompress(&info);
    return false;
  }
  jpeg_create_decompress(&info);
  jpeg_mem_src(&info, reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<unsigned long>(bytes.size()));
  jpeg_save_markers(&info, JPEG_APP0 + 1, 0xFFFF);
  jpeg_read_header(&info, TRUE);
  *orientation = exif_orientation(info);
  info.out_color_space = JCS_EXT_RGBA;  // libjpeg-turbo converts grey and YCbCr; CMYK fails
  info.scale_num = 1;
  info.scale_denom = 1;
  while (info.scale_denom < 8 &&
         std::max(info.image_width, info.image_height) / info.scale_denom > unsigned(max_side))
    info.scale_denom *= 2;
  jpeg_start_decompress(&info);
  image->width = int(info.output_width);
  image->height = int(info.output_height);
  image->rgba.resize(size_t(image->width) * size_t(image->height) * 4);
  while (info.output_scanline < info.output_height) {
    JSAMPROW row = reinterpret_cast<JSAMPROW>(image->rgba.data() +
                                              size_t(info.output_scanline) * size_t(image->width) * 4);
    jpeg_read_scanlines(&info, &row, 1);
  }
  jpeg_finish_decompress(&info);
  jpeg_destroy_decompress(&info);
  return true;
}

Image decode_jpeg(std::string_view bytes, int max_side, int* orientation) {
  Image image;
  if (!read_jpeg(bytes, max_side, &image, orientation)) return {};
  return image;
}

// The image as it is meant to be seen (EXIF orientation 2-8: mirrored and/or turned), as a
// browser shows it (createImageBitmap's imageOrientation: 'from-image').
Image oriented(const Image& in, int orientation) {
  if (orientation <= 1 || orientation > 8) return in;
  const bool turned = orientation >= 5;
  const int w = in.width, h = in.height;
  Image out;
  out.width = turned ? h : w;
  out.height = turned ? w : h;
  out.rgba.resize(in.rgba.size());
  for (int y = 0; y < out.height; ++y)
    for (int x = 0; x < out.width; ++x) {
      int sx = x, sy = y;  // where the pixel shown at (x, y) is stored
      switch (orientation) {
        case 2: sx = w - 1 - x; break;
        case 3: sx = w - 1 - x, sy = h - 1 - y; break;
        case 4: sy = h - 1 - y; break;
        case 5: sx = y, sy = x; break;
        case 6: sx = y, sy = h - 1 - x; break;
        case 7: sx = w - 1 - y, sy = h - 1 - x; break;
        case 8: sx = w - 1 - y, sy = x; break;
      }
      std::copy_n(in.rgba.data() + (size_t(sy) * size_t(w) + size_t(sx)) * 4, 4,
                  out.rgba.data() + (size_t(y) * size_t(out.width) + size_t(x)) * 4);
    }
  return out;
}

Image decode_png(std::string_view bytes) {
  png_image png{};
  png.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&png, bytes.data(), bytes.size())) return {};
  png.format = PNG_FORMAT_RGBA;
  Image image;
  image.width = int(png.width);
  image.height = int(png.height);
  image.rgba.resize(PNG_IMAGE_SIZE(png));
  if (!png_image_finish_read(&png, nullptr, image.rgba.data(), 0, nullptr)) {
    png_image_free(&png);
    return {};
  }
  return image;
}

// Averages factor x factor blocks (a box filter: fine for scans shown smaller).
Image shrink(const Image& in, int factor) {
  Image out;
  out.width = in.width / factor;
  out.height = in.height / factor;
  out.rgba.resize(size_t(out.width) * size_t(out.height) * 4);
  const int n = factor * factor;
  for (int y = 0; y < out.height; ++y)
    for (int x = 0; x < out.width; ++x)
      for (int c = 0; c < 4; ++c) {
        int sum = 0;
        for (int dy = 0; dy < factor; ++dy)
          for (int dx = 0; dx < factor; ++dx)
            sum += static_cast<unsigned char>(
                in.rgba[(size_t(y * factor + dy) * size_t(in.width) + size_t(x * factor + dx)) * 4 + size_t(c)]);
        out.rgba[(size_t(y) * size_t(out.width) + size_t(x)) * 4 + size_t(c)] = char(sum / n);
      }
  return out;
}

}  // namespace

Image decode_image_now(std::string_view bytes, int max_side) {
  Image image;
  int orientation = 1;
  if (starts_with(bytes, "\xFF\xD8\xFF")) image = decode_jpeg(bytes, max_side, &orientation);
  else if (starts_with(bytes, "\x89PNG\r\n\x1A\n")) image = decode_png(bytes);
  if (image.empty()) return {};
  const int side = std::max(image.width, image.height);
  if (side > max_side) image = shrink(image, (side + max_side - 1) / max_side);
  return oriented(image, orientation);
}

}  // namespace platform
