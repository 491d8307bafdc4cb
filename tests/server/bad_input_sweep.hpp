#pragma once
// The bad-input sweep (issue 11): for every field of every JSON write endpoint, values a
// careless or hostile client sends (wrong JSON types, null, huge and empty strings, control
// and direction characters), each in an otherwise good body. Expected: 400 naming the field,
// and nothing in the database changes (a fingerprint of every table that is not a log).
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/server/server_process.hpp"

namespace test_server::sweep {

// How a field is typed on the wire, which decides the bad values sent for it.
enum class Kind {
  text,     // free text under a TextRule: control characters are refused naming the field
  code,     // text with a format (codes, dates, phones, usernames): anything odd is refused
  secret,   // passwords and tokens: every character counts, so control characters may be a wrong secret
  boolean,
  integer,
  number,   // a score: a number or its text
  array,
  object,
};

struct Field {
  std::string path;  // a JSON pointer into the body: "/officer/first_name", "/files/0/description"
  Kind kind;
  bool required;
  std::string named;  // the field the error must name; empty = the pointer with dots ("officer.first_name")
};

struct Endpoint {
  std::string method, target;
  std::string who;  // a demo username; empty = anonymous
  nlohmann::json good;
  std::vector<Field> fields;
};

struct Bad {
  std::string label;
  bool remove = false;  // leave the field out
  nlohmann::json value;
};

// The bad values for a field of `kind` (null and "" only for required fields: an optional
// field left empty is a good value).
std::vector<Bad> bad_values(Kind kind, bool required);

// The error's field must be this (or an element/member of it: "counts.k1" for "counts").
bool names(const std::string& error_field, const std::string& expected);
std::string dotted(const std::string& pointer);  // "/files/0/description" -> "files[0].description"

// A digest of every table but the logs and per-request bookkeeping (sessions, audit rows,
// throttles): equal before and after = nothing a refused request could have written.
std::vector<std::pair<std::string, std::size_t>> fingerprint(const server::storage::Location& database);

}  // namespace test_server::sweep
