#pragma once
// Text rules shared by every form: UTF-8 validity, length in characters (code points,
// not bytes: Thai is 3 bytes a character), trimming and Thai/Arabic digits.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "shared/core/field_error.hpp"

namespace domain {

bool is_valid_utf8(std::string_view s);

// Code points in s (assumes valid UTF-8: counts every byte that is not a continuation byte).
std::size_t utf8_length(std::string_view s);

// Decodes valid UTF-8; nullopt if s is not valid UTF-8.
std::optional<std::u32string> decode_utf8(std::string_view s);

// Drops leading/trailing ASCII white space and the invisible characters that copy-paste
// from office documents brings along (U+00A0 no-break space, U+200B zero-width space, U+FEFF BOM).
std::string trim(std::string_view s);

// "2567" -> "๒๕๖๗"; every other character is kept as is.
std::string to_thai_digits(std::string_view s);
// "๒๕๖๗" -> "2567" (users may type Thai digits in number fields).
std::string to_ascii_digits(std::string_view s);

// ASCII-only lower case (Thai has no case).
std::string ascii_lower(std::string_view s);

bool is_ascii_digits(std::string_view s);  // non-empty and only 0-9

// How a free-text field is checked: its wire name, its labels for messages, its limit.
struct TextRule {
  std::string_view field;     // e.g. "officer.first_name"
  std::string_view label_th;  // e.g. "ชื่อ"; empty = use the field name
  std::string_view label_en;  // e.g. "First name"
  std::size_t max_length;     // in characters (code points)
  bool required = true;
  bool multi_line = false;    // comments, reasons, descriptions: line breaks and tabs allowed
};

// Characters no typed text holds and that make stored text lie about itself: C0 controls
// (but tab and line breaks where the text may span lines), DEL, C1 controls, the line and
// paragraph separators, and the bidirectional embeddings, overrides and isolates (U+202A-E,
// U+2066-9: "Trojan source" text that reads differently from what it is). LRM/RLM stay:
// they only nudge neutral characters and come with pasted right-to-left text.
bool is_forbidden_character(char32_t c, bool multi_line);

// Invalid UTF-8 or longer than rule.max_length characters -> an error naming the field.
std::optional<FieldError> limit_length(std::string_view text, const TextRule& rule);

// The whole rule: trims, then refuses empty (when required), invalid UTF-8, over-long text
// and forbidden characters ("text_control_character", naming the field and the position).
// Multi-line text gets CRLF and CR as LF. Returns the trimmed text. No Unicode
// normalisation: shared/ has no tables for it and Thai text has no composed forms to fold.
Checked<std::string> check_text(std::string_view raw, const TextRule& rule);

}  // namespace domain
