#pragma once
// Spot checks by a provincial office: a random sample of institutions of its subtree and of
// children in each, which an officer then visits and marks found or not.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "shared/core/field_error.hpp"

namespace domain {

// What the sample is drawn from: an institution and its attending children's record ids.
struct SamplePool {
  std::string institution_code;
  std::vector<std::int64_t> child_ids;
};
struct SampledInstitution {
  std::string institution_code;
  std::vector<std::int64_t> child_ids;  // in pool order
};

// `institutions` institutions (those with at least one child), then up to `children_each`
// children of each, all drawn without replacement from a generator seeded by `seed`: the
// same seed and pool give the same sample everywhere (splitmix64, no std distributions,
// whose results differ between standard libraries). Results are in pool order.
std::vector<SampledInstitution> draw_sample(const std::vector<SamplePool>& pool, std::size_t institutions,
                                            std::size_t children_each, std::uint64_t seed);
// k distinct indexes out of n (all of them when k >= n), ascending.
std::vector<std::size_t> sample_indexes(std::size_t n, std::size_t k, std::uint64_t& state);

// POST body {"institutions":3,"children":5} (both optional, defaults 3 and 5). Error codes
// (field = the key): count_not_integer, spot_check_size (institutions 1..20, children 1..30).
struct SpotCheckSize {
  std::size_t institutions = 3;
  std::size_t children = 5;
};
Checked<SpotCheckSize> parse_spot_check_size(const nlohmann::json& body);

// PUT item body {"found":true|false,"note"}. Error codes: found_required (field "found"),
// note_too_long (field "note", over 500 characters).
struct SpotCheckFinding {
  bool found = false;
  std::string note;
};
Checked<SpotCheckFinding> parse_spot_check_finding(const nlohmann::json& body);

}  // namespace domain
