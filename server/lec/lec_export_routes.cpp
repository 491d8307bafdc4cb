// GET .../counts.xlsx|.csv?org= and GET .../institutions/{code}/class-list.pdf?level=&room=.
#include <algorithm>
#include <filesystem>

#include "server/http/upload_reply.hpp"
#include "server/lec/class_list_pdf.hpp"
#include "server/lec/counts_export.hpp"
#include "server/lec/lec_file_common.hpp"
#include "server/lec/lec_file_routes.hpp"

namespace server::lec {

namespace files {

namespace {

Reply counts_export(const Services& s, const RequestContext& rq, bool xlsx) {
  return at_node(s, rq, {Permission::view}, [&](const AtNode& g) -> Reply {
    const auto counts = s->store.institution_counts(g.year);
    const auto& orgs = s->store.orgs();
    auto rows = subtree_rows(
        orgs, g.node->code,
        [&](const std::string& code) {
          const auto it = counts.find(code);
          return it == counts.end() ? domain::LevelCounts{} : it->second;
        },
        [&](const std::string& lgo) {
          std::vector<FundedCounts> out;
          for (const auto& f : s->store.funded_schools(g.year, lgo))
            out.push_back({f.code, f.name_th, f.counts.value_or(domain::LevelCounts{})});
          return out;
        });
    const auto table = counts_table(rows, g.year);
    s->audit(rq, g.caller.user_id, "lec.counts.export", "org:" + g.node->code,
             {{"year", g.year}, {"format", xlsx ? "xlsx" : "csv"}, {"rows", table.rows.size()}});
    const std::string base = "lec-" + std::to_string(g.year) + "-counts-" + g.node->code;
    if (!xlsx) return http::download_reply(kpi::to_csv(table), "text/csv; charset=utf-8", base + ".csv");
    return http::download_reply(kpi::to_xlsx(table, std::filesystem::temp_directory_path()),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", base + ".xlsx");
  });
}

Reply class_list(const Services& s, const RequestContext& rq) {
  return at_institution(s, rq, Permission::view, [&](const AtInstitution& g) -> Reply {
    std::optional<domain::Level> level;
    if (auto l = rq.query.get("level"); l && *l && !l->value().empty()) {
      auto parsed = domain::parse_level(l->value());
      if (!parsed) return http::bad_request(parsed.error());
      level = parsed.value();
    }
    std::string room;
    if (auto r = rq.query.get("room"); r && *r) room = domain::trim(r->value());
    ChildFilter attending;
    attending.attending = true;
    ClassList list{g.institution->name_th, g.institution->code, g.year, level, room, {}, s->today()};
    for (const auto& c : s->store.children(g.year, g.institution->code, attending)) {
      if ((level && c.level != *level) || (!room.empty() && c.room != room)) continue;
      list.children.push_back({c.id_masked, c.title, c.first_name, c.last_name, c.sex, c.level, c.room});
    }
    // As Thai class lists hang: by level and room, boys then girls, then by name.
    std::stable_sort(list.children.begin(), list.children.end(), [](const ClassListChild& a, const ClassListChild& b) {
      return std::tie(a.level, a.room, a.sex, a.first_name, a.last_name) <
             std::tie(b.level, b.room, b.sex, b.first_name, b.last_name);
    });
    s->audit(rq, g.caller.user_id, "lec.class_list.print", "institution:" + g.institution->code,
             {{"year", g.year}, {"rows", list.children.size()}, {"level", level ? std::string(domain::to_string(*level)) : ""},
              {"room", room}});
    std::string name = "class-list-" + g.institution->code + "-" + std::to_string(g.year);
    if (level) name += "-" + std::string(domain::to_string(*level));
    return http::download_reply(render_class_list_pdf(list), "application/pdf", name + ".pdf");
  });
}

}  // namespace

void add_export_routes(http::Router& router, const Services& s) {
  router.add(http::Verb::get, "/api/v1/lec/{year}/counts.xlsx", http::permission("view", http::Scope::query, "org"), [s](const RequestContext& rq) { return counts_export(s, rq, true); }).slow();
  router.add(http::Verb::get, "/api/v1/lec/{year}/counts.csv", http::permission("view", http::Scope::query, "org"), [s](const RequestContext& rq) { return counts_export(s, rq, false); }).slow();
  router.add(http::Verb::get, "/api/v1/lec/{year}/institutions/{code}/class-list.pdf", http::permission("view", http::Scope::path, "code"),
             [s](const RequestContext& rq) { return class_list(s, rq); }).slow();
}

}  // namespace files

}  // namespace server::lec
