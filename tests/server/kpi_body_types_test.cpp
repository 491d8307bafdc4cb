// Issue 11, defect 6: a wrong JSON type or a null in a KPI body (kind, file_id, all_schools
// ...) answered 500 or was taken as empty text. Every field is checked in one place
// (http::check_fields): 400 naming the field, and nothing changes.
#include <catch2/catch.hpp>

#include "tests/server/kpi_fixture.hpp"

using namespace server;
using namespace kpi_fixture;
using nlohmann::json;

namespace {

// Every JSON type but the one a field takes (and null).
std::vector<json> wrong_values(const std::string& right) {
  std::vector<json> all = {json(nullptr), json(7), json(1.5), json(true), json("text"), json::array({1}), json::object({{"a", 1}})};
  std::vector<json> out;
  for (auto& v : all) {
    const bool ok = (right == "text" && v.is_string()) || (right == "boolean" && v.is_boolean()) ||
                    (right == "array" && v.is_array()) || (right == "year" && (v.is_string() || v.is_number_integer()));
    if (!ok) out.push_back(v);
  }
  return out;
}

}  // namespace

TEST_CASE("KPI API: wrong types and nulls in every body field are a 400 naming the field", "[server][kpi][api][bad-input]") {
  Api api;
  const auto id = set_up(api);
  const std::string kpi = "/api/v1/kpi/" + std::to_string(id);
  const std::string units = kpi + "/periods/h1/units";
  const std::string r1 = report_path(id, "h1", kSchool1);
  const auto file = api.upload("area.kpi", "tool.pdf", kPdf);
  const auto state = [&] {
    return api.get(kpi, "area.kpi").body + api.get(units, "area.kpi").body + api.get(r1, kSchool1).body +
           api.get("/api/v1/kpi?year=2568", "area.kpi").body;
  };
  const std::string before = state();

  struct Sweep {
    http::Verb verb;
    std::string path, user;
    json good;           // a body that would succeed
    std::string field, type;
    bool null_allowed;   // an optional field: null means absent
  };
  const json document = {{"kind", "other"}, {"file_id", file}, {"label", "เครื่องมือ"}};
  const std::vector<Sweep> sweeps = {
      {http::Verb::post, kpi + "/documents", "area.kpi", document, "kind", "text", false},
      {http::Verb::post, kpi + "/documents", "area.kpi", document, "file_id", "text", false},
      {http::Verb::post, kpi + "/documents", "area.kpi", document, "label", "text", true},
      {http::Verb::put, units, "area.kpi", {{"all_schools", false}, {"unit_codes", {kSchool1, kSchool2, kSchool3}}},
       "all_schools", "boolean", true},
      // Without unit_codes (or null) the body may still say all_schools: then 400 unit_codes_format.
      {http::Verb::put, units, "area.kpi", {{"unit_codes", {kSchool1, kSchool2, kSchool3}}}, "unit_codes", "array", true},
      {http::Verb::post, "/api/v1/kpi/copy", "area.kpi", {{"year", 2567}, {"office_code", kArea}}, "year", "year", false},
      {http::Verb::post, "/api/v1/kpi/copy", "area.kpi", {{"year", 2567}, {"office_code", kArea}}, "office_code", "text", true},
      {http::Verb::post, "/api/v1/kpi", "area.kpi", [] { auto d = half_year("7"); d["office_code"] = kArea; return d; }(),
       "office_code", "text", true},
      {http::Verb::post, r1 + "/comments", kSchool1, {{"body", "ขอบคุณ"}}, "body", "text", false},
      {http::Verb::post, r1 + "/review", "area.reviewer", {{"score", 4}, {"comment", "ดี"}}, "comment", "text", true},
      {http::Verb::post, r1 + "/return", "area.reviewer", {{"reason", "แก้ไข"}}, "reason", "text", false},
  };
  int checked = 0;
  for (const auto& sw : sweeps) {
    for (const auto& value : wrong_values(sw.type)) {
      if (value.is_null() && sw.null_allowed) continue;
      json body = sw.good;
      body[sw.field] = value;
      INFO(sw.path << " " << body.dump());
      auto r = api.call(sw.verb, sw.path, sw.user, body.dump());
      CHECK(r.status == 400);
      CHECK(r.field() == sw.field);
      CHECK((r.code() == (value.is_null() ? "required" : "wrong_type")));
      CHECK(!r.j()["error"]["message_th"].get<std::string>().empty());
      ++checked;
    }
    // A required field left out is "required" too.
    if (!sw.null_allowed) {
      json body = sw.good;
      body.erase(sw.field);
      auto r = api.call(sw.verb, sw.path, sw.user, body.dump());
      INFO(sw.path << " without " << sw.field << ": " << r.body);
      CHECK(r.status == 400);
      CHECK(r.field() == sw.field);
    }
  }
  CHECK(checked > 40);
  auto no_units = api.put(units, "area.kpi", {{"unit_codes", nullptr}});
  CHECK(no_units.status == 400);
  CHECK(no_units.field() == "unit_codes");
  CHECK(state() == before);
}

// The KPI definition and report bodies are read by the shared parsers: a wrong type or a
// null there is a 400 naming the field (or an element of it) too, never a 500.
TEST_CASE("KPI API: wrong types in definitions and reports are a 400 naming the field", "[server][kpi][api][bad-input]") {
  Api api;
  const auto id = set_up(api);
  const std::string kpi = "/api/v1/kpi/" + std::to_string(id);
  const std::string r1 = report_path(id, "h1", kSchool1);
  const std::vector<json> values = {json(nullptr), json(7), json(1.5), json(true), json("text"), json::array({1}),
                                    json::object({{"a", 1}})};
  int checked = 0;
  const auto sweep = [&](http::Verb verb, const std::string& path, const std::string& user, const json& good,
                         const std::string& field) {
    for (const auto& v : values) {
      json body = good;
      body[field] = v;
      auto r = api.call(verb, path, user, body.dump());
      INFO(path << " " << body.dump() << " -> " << r.body);
      if (r.status == 200 || r.status == 201) continue;  // a value of the right type (or null where optional)
      CHECK(r.status == 400);
      CHECK(r.field().rfind(field, 0) == 0);
      ++checked;
    }
  };
  for (const char* f : {"year", "number", "name", "type", "criteria", "owner_group", "cadence", "open_periods", "status"})
    sweep(http::Verb::put, kpi, "area.kpi", half_year(), f);
  sweep(http::Verb::put, r1, kSchool1, {{"self_score", 4}}, "self_score");
  sweep(http::Verb::put, r1, kSchool1, {{"self_score", 4}, {"files", json::array()}}, "files");
  CHECK(checked > 60);
}
