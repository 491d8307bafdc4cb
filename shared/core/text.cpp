#include "shared/core/text.hpp"

namespace domain {

namespace {

// Decodes one code point at s[i]; advances i. Returns false on invalid UTF-8
// (overlong forms, surrogates, > U+10FFFF, truncated sequences).
bool next_code_point(std::string_view s, std::size_t& i, char32_t& out) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    out = b0;
    ++i;
    return true;
  }
  int extra;
  char32_t cp;
  if ((b0 & 0xE0) == 0xC0) {
    extra = 1;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    extra = 2;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    extra = 3;
    cp = b0 & 0x07;
  } else {
    return false;
  }
  if (i + extra >= s.size()) return false;  // truncated sequence
  for (int k = 1; k <= extra; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return false;
    cp = (cp << 6) | (b & 0x3F);
  }
  static constexpr char32_t kMin[] = {0, 0x80, 0x800, 0x10000};
  if (cp < kMin[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
  out = cp;
  i += extra + 1;
  return true;
}

bool is_trimmable(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' ||
         c == 0x00A0 || c == 0x200B || c == 0xFEFF;
}

// Thai digit ๐ is U+0E50: UTF-8 E0 B9 90; ๙ is E0 B9 99.
constexpr unsigned char kThaiDigitLead0 = 0xE0, kThaiDigitLead1 = 0xB9, kThaiDigitZero = 0x90;

std::string label_th(const TextRule& r) { return std::string(r.label_th.empty() ? r.field : r.label_th); }
std::string label_en(const TextRule& r) { return std::string(r.label_en.empty() ? r.field : r.label_en); }

}  // namespace

bool is_valid_utf8(std::string_view s) {
  char32_t cp;
  for (std::size_t i = 0; i < s.size();)
    if (!next_code_point(s, i, cp)) return false;
  return true;
}

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

std::optional<std::u32string> decode_utf8(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  char32_t cp;
  for (std::size_t i = 0; i < s.size();) {
    if (!next_code_point(s, i, cp)) return std::nullopt;
    out.push_back(cp);
  }
  return out;
}

std::string trim(std::string_view s) {
  // Walk code points so a multi-byte space is removed whole; stop at the first invalid byte.
  std::size_t begin = 0, end = 0, i = 0;
  bool seen_text = false;
  char32_t cp;
  while (i < s.size()) {
    const std::size_t at = i;
    if (!next_code_point(s, i, cp)) {  // keep invalid bytes: validation reports them later
      cp = 0xFFFD;
      i = at + 1;
    }
    if (!is_trimmable(cp)) {
      if (!seen_text) begin = at;
      seen_text = true;
      end = i;
    }
  }
  return seen_text ? std::string(s.substr(begin, end - begin)) : std::string();
}

std::string to_thai_digits(std::string_view s) {
  std::string out;
  out.reserve(s.size() * 3);
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      out += static_cast<char>(kThaiDigitLead0);
      out += static_cast<char>(kThaiDigitLead1);
      out += static_cast<char>(kThaiDigitZero + (c - '0'));
    } else {
      out += c;
    }
  }
  return out;
}

std::string to_ascii_digits(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    if (i + 2 < s.size() && b(i) == kThaiDigitLead0 && b(i + 1) == kThaiDigitLead1 &&
        b(i + 2) >= kThaiDigitZero && b(i + 2) <= kThaiDigitZero + 9) {
      out += static_cast<char>('0' + (b(i + 2) - kThaiDigitZero));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool is_ascii_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

std::optional<FieldError> limit_length(std::string_view text, const TextRule& rule) {
  const std::string field(rule.field);
  if (!is_valid_utf8(text))
    return FieldError{"text_invalid_utf8", field,
                      label_th(rule) + ": มีอักขระที่อ่านไม่ได้ (ไม่ใช่ UTF-8)",
                      label_en(rule) + ": contains unreadable characters (not UTF-8)"};
  if (utf8_length(text) > rule.max_length) {
    const std::string max = std::to_string(rule.max_length);
    return FieldError{"text_too_long", field,
                      label_th(rule) + ": ยาวเกิน " + max + " ตัวอักษร",
                      label_en(rule) + ": longer than " + max + " characters"};
  }
  return std::nullopt;
}

bool is_forbidden_character(char32_t c, bool multi_line) {
  if (c == '\t' || c == '\n') return !multi_line;
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

namespace {

std::string unify_line_breaks(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\r') out += s[i];
    else if (i + 1 >= s.size() || s[i + 1] != '\n') out += '\n';
  }
  return out;
}

std::optional<FieldError> refuse_forbidden(std::string_view text, const TextRule& rule) {
  char32_t cp;
  std::size_t at = 0;
  for (std::size_t i = 0; i < text.size(); ++at) {
    if (!next_code_point(text, i, cp)) return std::nullopt;  // limit_length reports it
    if (!is_forbidden_character(cp, rule.multi_line)) continue;
    const std::string pos = std::to_string(at + 1);
    return FieldError{"text_control_character", std::string(rule.field),
                      label_th(rule) + ": มีอักขระควบคุมหรืออักขระกำหนดทิศทางที่มองไม่เห็น (ตัวที่ " + pos +
                          ") โปรดลบออกแล้วพิมพ์ใหม่",
                      label_en(rule) + ": contains an invisible control or text-direction character (character " +
                          pos + "); remove it and type the text again"};
  }
  return std::nullopt;
}

}  // namespace

Checked<std::string> check_text(std::string_view raw, const TextRule& rule) {
  std::string text = rule.multi_line ? trim(unify_line_breaks(raw)) : trim(raw);
  if (text.empty()) {
    if (!rule.required) return text;
    return FieldError{"required", std::string(rule.field), "กรุณากรอก" + label_th(rule),
                      label_en(rule) + " is required"};
  }
  if (auto e = limit_length(text, rule)) return *e;
  if (auto e = refuse_forbidden(text, rule)) return *e;
  return text;
}

}  // namespace domain
