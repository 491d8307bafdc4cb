#pragma once
// The signed appointment letter a registrant uploads (seed FAQ 5): one JPG or PDF, at
// most 10 MB, recognised by its bytes (never its name), sent with the 10-digit username
// (the institution code) and the registrant's national ID.
#include <cstdint>
#include <optional>
#include <string_view>

#include "shared/core/field_error.hpp"
#include "shared/identity/national_id.hpp"

namespace domain {

inline constexpr std::size_t signed_letter_max_bytes = 10 * 1000 * 1000;

enum class LetterFileKind { jpeg, pdf };
std::string_view file_extension(LetterFileKind k);  // "jpg", "pdf"
std::string_view media_type(LetterFileKind k);      // "image/jpeg", "application/pdf"

// By the first bytes and the size. Error codes (field "file"): file_required (0 bytes),
// file_too_large (HTTP 413), file_type (HTTP 415: neither JPEG nor PDF, whatever the name).
// Whether the file really decodes is the server's check.
Checked<LetterFileKind> check_letter_file(std::string_view bytes);
// The file name must not claim another type than the bytes hold: a PDF named "letter.jpg"
// is refused (file_type_mismatch, HTTP 415). Names without .jpg/.jpeg/.pdf are not judged.
std::optional<FieldError> declared_name_problem(std::string_view filename, LetterFileKind kind);
// HTTP status for an error of check_letter_file (400, 413 or 415).
unsigned letter_file_status(const FieldError& e);

// The upload's identity fields: `username` must be the institution code of the
// registration, `national_id` a valid ID (then compared with the registrant's by the
// server). Error codes: username_required, username_mismatch (field "username"),
// national_id_* (field "national_id").
Checked<NationalId> check_upload_identity(std::string_view username, std::string_view national_id,
                                          std::string_view institution_code);
// The registrant's ID differs: code national_id_mismatch, field "national_id".
FieldError national_id_mismatch();

}  // namespace domain
