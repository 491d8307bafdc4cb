#include "wasm/text/thai_shaping.hpp"

#include "wasm/text/utf8.hpp"

namespace thai {
namespace {

constexpr char32_t sara_am = 0x0E33, sara_aa = 0x0E32, nikhahit = 0x0E4D;

// Consonant classes by shape: ascender (ป ฝ ฟ), removable descender (ญ ฐ),
// strict descender (ฎ ฏ), normal.
enum class Consonant { normal, ascender, removable_descender, strict_descender, none };
// Mark classes: above vowel (and other above marks), below vowel, tone mark.
enum class Mark { above, below, tone, none };
// What to do to a mark (or, for RD, to its base).
enum class Action { nop, shift_down, shift_left, shift_down_left, remove_descender };

Consonant consonant_of(char32_t c) {
  if (c == 0x0E1B || c == 0x0E1D || c == 0x0E1F) return Consonant::ascender;
  if (c == 0x0E0D || c == 0x0E10) return Consonant::removable_descender;
  if (c == 0x0E0E || c == 0x0E0F) return Consonant::strict_descender;
  if (c >= 0x0E01 && c <= 0x0E2E) return Consonant::normal;
  return Consonant::none;
}

Mark mark_of(char32_t c) {
  if (c == 0x0E31 || (c >= 0x0E34 && c <= 0x0E37) || c == 0x0E47 || c == 0x0E4D || c == 0x0E4E)
    return Mark::above;
  if (c >= 0x0E38 && c <= 0x0E3A) return Mark::below;
  if (c >= 0x0E48 && c <= 0x0E4C) return Mark::tone;
  return Mark::none;
}

bool is_above_base_mark(char32_t c) {
  return c == 0x0E31 || (c >= 0x0E34 && c <= 0x0E37) || (c >= 0x0E47 && c <= 0x0E4E);
}

// The Windows private-use variants, which the TLWG fonts carry.
struct Variant {
  char32_t from, to;
};
constexpr Variant shift_down[] = {{0x0E48, 0xF70A}, {0x0E49, 0xF70B}, {0x0E4A, 0xF70C},
                                  {0x0E4B, 0xF70D}, {0x0E4C, 0xF70E}, {0x0E38, 0xF718},
                                  {0x0E39, 0xF719}, {0x0E3A, 0xF71A}};
constexpr Variant shift_down_left[] = {
    {0x0E48, 0xF705}, {0x0E49, 0xF706}, {0x0E4A, 0xF707}, {0x0E4B, 0xF708}, {0x0E4C, 0xF709}};
constexpr Variant shift_left[] = {{0x0E48, 0xF713}, {0x0E49, 0xF714}, {0x0E4A, 0xF715},
                                  {0x0E4B, 0xF716}, {0x0E4C, 0xF717}, {0x0E31, 0xF710},
                                  {0x0E34, 0xF701}, {0x0E35, 0xF702}, {0x0E36, 0xF703},
                                  {0x0E37, 0xF704}, {0x0E47, 0xF712}, {0x0E4D, 0xF711}};
constexpr Variant without_descender[] = {{0x0E0D, 0xF70F}, {0x0E10, 0xF700}};

template <size_t N>
char32_t lookup(const Variant (&table)[N], char32_t c) {
  for (const auto& v : table)
    if (v.from == c) return v.to;
  return c;
}

char32_t apply(Action a, char32_t c) {
  switch (a) {
    case Action::shift_down: return lookup(shift_down, c);
    case Action::shift_down_left: return lookup(shift_down_left, c);
    case Action::shift_left: return lookup(shift_left, c);
    case Action::remove_descender: return lookup(without_descender, c);
    case Action::nop: break;
  }
  return c;
}

// What sits above the base so far: T0 nothing, T1 a tall consonant's ascender,
// T2 an ascender plus a mark, T3 no room left to adjust.
enum Above { T0, T1, T2, T3 };
// What sits below: B0 nothing, B1 a removable descender, B2 a fixed descender or mark.
enum Below { B0, B1, B2 };

struct Step {
  Action action;
  int next;
};
// Rows: state; columns: Mark::above, Mark::below, Mark::tone (HarfBuzz's tables).
constexpr Step above_machine[4][3] = {
    /*T0*/ {{Action::nop, T3}, {Action::nop, T0}, {Action::shift_down, T3}},
    /*T1*/ {{Action::shift_left, T2}, {Action::nop, T1}, {Action::shift_down_left, T2}},
    /*T2*/ {{Action::nop, T3}, {Action::nop, T2}, {Action::shift_left, T3}},
    /*T3*/ {{Action::nop, T3}, {Action::nop, T3}, {Action::nop, T3}},
};
constexpr Step below_machine[3][3] = {
    /*B0*/ {{Action::nop, B0}, {Action::nop, B2}, {Action::nop, B0}},
    /*B1*/ {{Action::nop, B1}, {Action::remove_descender, B2}, {Action::nop, B1}},
    /*B2*/ {{Action::nop, B2}, {Action::shift_down, B2}, {Action::nop, B2}},
};

Above above_start(Consonant c) { return c == Consonant::ascender ? T1 : c == Consonant::none ? T3 : T0; }
Below below_start(Consonant c) {
  switch (c) {
    case Consonant::removable_descender: return B1;
    case Consonant::strict_descender:
    case Consonant::none: return B2;
    default: return B0;
  }
}

// SARA AM -> NIKHAHIT + SARA AA, the NIKHAHIT moved before the above-base marks
// it follows (<ด ๋ ำ> -> <ด ํ ๋ า>), as Uniscribe and HarfBuzz do.
std::u32string decompose_sara_am(std::u32string_view in) {
  std::u32string out;
  out.reserve(in.size() + 4);
  for (char32_t c : in) {
    if (c != sara_am) {
      out.push_back(c);
      continue;
    }
    size_t start = out.size();
    while (start > 0 && is_above_base_mark(out[start - 1])) --start;
    out.insert(out.begin() + start, nikhahit);
    out.push_back(sara_aa);
  }
  return out;
}

}  // namespace

bool contains_thai(std::string_view s) {
  // U+0E00..U+0E7F is E0 B8 xx or E0 B9 xx in UTF-8.
  for (size_t i = 0; i + 1 < s.size(); ++i)
    if (s[i] == '\xE0' && (s[i + 1] == '\xB8' || s[i + 1] == '\xB9')) return true;
  return false;
}

std::u32string shape(std::u32string_view input) {
  std::u32string s = decompose_sara_am(input);
  int above = T3, below = B2;
  size_t base = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    Mark m = mark_of(s[i]);
    if (m == Mark::none) {
      Consonant c = consonant_of(s[i]);
      above = above_start(c);
      below = below_start(c);
      base = i;
      continue;
    }
    const Step& a = above_machine[above][int(m)];
    const Step& b = below_machine[below][int(m)];
    above = a.next;
    below = b.next;
    Action action = a.action != Action::nop ? a.action : b.action;  // at most one is set
    if (action == Action::remove_descender)
      s[base] = apply(action, s[base]);
    else
      s[i] = apply(action, s[i]);
  }
  return s;
}

std::string shape(std::string_view s) {
  if (!contains_thai(s)) return std::string(s);
  return utf8::encode(shape(utf8::decode(s)));
}

}  // namespace thai
