#include "tests/server/bad_input_sweep.hpp"

#include <algorithm>
#include <functional>

#include "tests/server/sign_in_helpers.hpp"

namespace test_server::sweep {

using nlohmann::json;

namespace {

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

// 300,000 Thai characters: 900 KB, under the 1 MiB body limit so the field itself is judged.
const std::string& huge() {
  static const std::string s = repeat("ก", 300000);
  return s;
}

}  // namespace

std::vector<Bad> bad_values(Kind kind, bool required) {
  std::vector<Bad> out;
  if (required) {
    out.push_back({"missing", true, nullptr});
    out.push_back({"null", false, nullptr});
  }
  const bool textual = kind == Kind::text || kind == Kind::code || kind == Kind::secret;
  if (textual) {
    for (const json& v : {json(7), json(1.5), json(true), json::array({"a"}), json::object({{"a", "b"}})})
      out.push_back({"type " + v.dump(), false, v});
    out.push_back({"huge", false, huge()});
    if (required) out.push_back({"empty", false, ""});
    if (kind != Kind::secret) {
      out.push_back({"NUL", false, std::string("ก\0ข", 7)});
      out.push_back({"ESC", false, "ก\x1B[31mข"});
      out.push_back({"RLO", false, "ก\xE2\x80\xAEข"});
    }
    return out;
  }
  std::vector<json> wrong = {json("yes"), json(huge())};
  if (kind != Kind::object) wrong.push_back(json::object({{"a", 1}}));
  if (kind != Kind::integer && kind != Kind::number) wrong.push_back(json(3));
  if (kind == Kind::integer) wrong.push_back(json(2.5));
  if (kind != Kind::boolean) wrong.push_back(json(true));
  if (kind != Kind::array) wrong.push_back(json::array({1}));
  if (kind == Kind::array || kind == Kind::object) wrong.push_back(json("ก\x1B"));
  for (const auto& v : wrong) out.push_back({"type " + v.dump().substr(0, 20), false, v});
  return out;
}

std::string dotted(const std::string& pointer) {
  std::string out;
  std::size_t i = 1;
  while (i <= pointer.size()) {
    const auto next = std::min(pointer.find('/', i), pointer.size());
    const std::string part = pointer.substr(i, next - i);
    if (!part.empty() && part.find_first_not_of("0123456789") == std::string::npos) out += "[" + part + "]";
    else out += (out.empty() ? "" : ".") + part;
    i = next + 1;
  }
  return out;
}

bool names(const std::string& error_field, const std::string& expected) {
  if (error_field == expected) return true;
  return error_field.rfind(expected, 0) == 0 &&
         (error_field[expected.size()] == '.' || error_field[expected.size()] == '[');
}

std::vector<std::pair<std::string, std::size_t>> fingerprint(const server::storage::Location& database) {
  std::vector<std::pair<std::string, std::size_t>> out;
  server::storage::Database db(database);
  const bool sqlite = db.engine() == server::storage::Engine::sqlite;
  std::vector<std::string> tables;
  auto names = db.prepare(sqlite ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
                                 : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                                   "AND table_type = 'BASE TABLE' ORDER BY table_name");
  while (names.step())
    if (names.text(0) != "audit_log" && names.text(0) != "sessions") tables.push_back(names.text(0));
  for (const auto& table : tables) {
    // Every row as text, sorted: the same rows give the same print in any order.
    std::vector<std::string> rows;
    auto q = db.prepare("SELECT * FROM \"" + table + "\"");
    while (q.step()) {
      std::string row;
      for (int c = 0; c < q.columns(); ++c) row += (q.is_null(c) ? std::string("NULL") : "'" + q.text(c) + "'") + ",";
      rows.push_back(std::move(row));
    }
    std::sort(rows.begin(), rows.end());
    std::string all = std::to_string(rows.size()) + ":";
    for (const auto& r : rows) all += r + "\n";
    out.emplace_back(table, std::hash<std::string>{}(all));
  }
  return out;
}

}  // namespace test_server::sweep
