#pragma once
// The uploaded signed letter, checked by decoding it for real, cleaned, and stored by
// content hash; and the reviewer's preview image.
#include <filesystem>
#include <string>

#include "server/storage/file_seal.hpp"
#include "shared/core/field_error.hpp"
#include "shared/registration/signed_letter.hpp"

namespace server::registrations {

struct CleanLetter {
  domain::LetterFileKind kind;
  std::string bytes;  // JPEG: decoded and encoded again (no EXIF/GPS/comments left); PDF: as sent
};

// check_letter_file, then: a JPEG must decode to the last scanline with libjpeg (a
// truncated one is refused), a PDF must open with libqpdf without recovery and have a page.
// Error code file_corrupt (HTTP 415) for bytes that claim a type but do not hold it.
domain::Checked<CleanLetter> clean_letter(std::string_view bytes, std::string_view filename = {});

struct StoredFile {
  std::string name;  // relative to the data dir: "letters/<keyed hash>.<ext>" (older letters: <sha256>)
};
// Sealed under a server-made name (storage::store_by_content): the same bytes twice are
// one file.
StoredFile store_by_hash(const std::filesystem::path& data_dir, const storage::FileKeys& keys, const CleanLetter& letter);

// A PNG of the first page of a PDF (poppler + cairo), `width_px` wide.
std::string pdf_first_page_png(const std::string& pdf, int width_px = 900);

}  // namespace server::registrations
