#include "shared/lec/spot_check.hpp"

#include <algorithm>
#include <numeric>

#include "shared/core/text.hpp"

namespace domain {

namespace {

std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

Checked<std::size_t> size_field(const nlohmann::json& body, const char* key, std::size_t fallback, std::size_t max,
                                const char* label_th, const char* label_en) {
  if (!body.is_object() || !body.contains(key) || body[key].is_null()) return fallback;
  const auto& v = body[key];
  if (!v.is_number_integer())
    return FieldError{"count_not_integer", key, std::string(label_th) + "ต้องเป็นจำนวนเต็ม",
                      std::string(label_en) + " must be a whole number"};
  const auto n = v.get<std::int64_t>();
  if (n < 1 || n > static_cast<std::int64_t>(max))
    return FieldError{"spot_check_size", key,
                      std::string(label_th) + "ต้องอยู่ระหว่าง 1 ถึง " + std::to_string(max),
                      std::string(label_en) + " must be between 1 and " + std::to_string(max)};
  return static_cast<std::size_t>(n);
}

}  // namespace

std::vector<std::size_t> sample_indexes(std::size_t n, std::size_t k, std::uint64_t& state) {
  std::vector<std::size_t> idx(n);
  std::iota(idx.begin(), idx.end(), std::size_t{0});
  k = std::min(k, n);
  // Partial Fisher-Yates: the first k places end up a uniform sample (modulo bias is
  // negligible for pools this small).
  for (std::size_t i = 0; i < k; ++i) {
    const std::size_t j = i + static_cast<std::size_t>(splitmix64(state) % (n - i));
    std::swap(idx[i], idx[j]);
  }
  idx.resize(k);
  std::sort(idx.begin(), idx.end());
  return idx;
}

std::vector<SampledInstitution> draw_sample(const std::vector<SamplePool>& pool, std::size_t institutions,
                                            std::size_t children_each, std::uint64_t seed) {
  std::vector<const SamplePool*> eligible;
  for (const auto& p : pool)
    if (!p.child_ids.empty()) eligible.push_back(&p);
  std::uint64_t state = seed;
  std::vector<SampledInstitution> out;
  for (std::size_t i : sample_indexes(eligible.size(), institutions, state)) {
    const SamplePool& p = *eligible[i];
    SampledInstitution s{p.institution_code, {}};
    for (std::size_t c : sample_indexes(p.child_ids.size(), children_each, state)) s.child_ids.push_back(p.child_ids[c]);
    out.push_back(std::move(s));
  }
  return out;
}

Checked<SpotCheckSize> parse_spot_check_size(const nlohmann::json& body) {
  SpotCheckSize s;
  auto i = size_field(body, "institutions", s.institutions, 20, "จำนวนสถานศึกษา", "The number of institutions");
  if (!i) return i.error();
  auto c = size_field(body, "children", s.children, 30, "จำนวนเด็กต่อแห่ง", "The number of children each");
  if (!c) return c.error();
  return SpotCheckSize{i.value(), c.value()};
}

Checked<SpotCheckFinding> parse_spot_check_finding(const nlohmann::json& body) {
  if (!body.is_object() || !body.contains("found") || !body["found"].is_boolean())
    return FieldError{"found_required", "found", "โปรดระบุว่าพบตัวเด็กหรือไม่", "Say whether the child was found"};
  SpotCheckFinding f;
  f.found = body["found"].get<bool>();
  if (body.contains("note") && body["note"].is_string()) {
    auto note = check_text(body["note"].get<std::string>(),
                           TextRule{"note", "บันทึก", "Note", 500, false, true});
    if (!note) {
      auto e = note.error();
      if (e.code == "text_too_long") e.code = "note_too_long";
      return e;
    }
    f.note = note.value();
  }
  return f;
}

}  // namespace domain
