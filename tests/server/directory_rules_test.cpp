// The pieces under the directory endpoint and the CSV import, without a server.
#include <catch2/catch.hpp>
#include <sstream>

#include "server/directory/csv_reader.hpp"
#include "server/directory/institution_import.hpp"
#include "server/directory/institutions_handler.hpp"
#include "server/http/query.hpp"

using namespace server;

TEST_CASE("CSV reader: quoted commas and line breaks and CRLF and BOM with line numbers", "[server][csv]") {
  std::istringstream in("\xEF\xBB\xBF" "a,b,c\r\n"
                        "1,\"x, y\",\"he said \"\"hi\"\"\"\r\n"
                        "\r\n"
                        "2,\"two\nlines\",z\n"
                        "3,,\n"
                        "4,\"open");
  directory::CsvReader reader(in);
  std::vector<std::string> f;
  REQUIRE(reader.next(f));
  CHECK(f == std::vector<std::string>{"a", "b", "c"});
  CHECK(reader.line() == 1);
  REQUIRE(reader.next(f));
  CHECK(f == std::vector<std::string>{"1", "x, y", "he said \"hi\""});
  CHECK(reader.line() == 2);
  REQUIRE(reader.next(f));  // the blank line 3 is skipped
  CHECK(f == std::vector<std::string>{"2", "two\nlines", "z"});
  CHECK(reader.line() == 4);
  REQUIRE(reader.next(f));
  CHECK(f == std::vector<std::string>{"3", "", ""});
  CHECK(reader.line() == 6);
  REQUIRE(reader.next(f));
  CHECK(reader.unterminated_quote());
  CHECK(reader.line() == 7);
  CHECK(!reader.next(f));
}

TEST_CASE("CSV row rules: each column checked and named in the error", "[server][csv]") {
  using Row = std::vector<std::string>;
  auto ok = directory::check_institution_row({" 1040990001 ", "  โรงเรียนบ้านนา ", "OBEC", "ขอนแก่น", "ชุมแพ", ""});
  REQUIRE(ok);
  CHECK(ok.value().code == "1040990001");
  CHECK(ok.value().name_th == "โรงเรียนบ้านนา");
  CHECK(ok.value().affiliation == "obec");

  struct Case {
    Row row;
    std::string field;
  };
  const Case cases[] = {
      {{"104099000", "ก", "obec", "ก", "ก", ""}, "code"},
      {{"10409900O1", "ก", "obec", "ก", "ก", ""}, "code"},
      {{"1040990001", "", "obec", "ก", "ก", ""}, "name_th"},
      {{"1040990001", std::string(201 * 3 / 3, 'x') + "ก", "obec", "ก", "ก", ""}, "name_th"},
      {{"1040990001", "\xE0\xB8", "obec", "ก", "ก", ""}, "name_th"},
      {{"1040990001", "ก", "private", "ก", "ก", ""}, "affiliation"},
      {{"1040990001", "ก", "obec", "", "ก", ""}, "province"},
      {{"1040990001", "ก", "obec", "ก", "", ""}, "district"},
      {{"1040990001", "ก", "obec", "ก", "ก", "12"}, "parent_code"},
      {{"1040990001", "ก", "obec"}, ""},
  };
  for (const auto& c : cases) {
    auto r = directory::check_institution_row(c.row);
    INFO(c.row[0] << " " << (c.row.size() > 1 ? c.row[1] : ""));
    REQUIRE(!r);
    CHECK(r.error().field == c.field);
  }
}

TEST_CASE("query strings: decoding where the first value wins and errors name the parameter", "[server][http]") {
  CHECK(http::percent_decode("a%20b+c", true) == "a b c");
  CHECK(http::percent_decode("a+b", false) == "a+b");
  CHECK(!http::percent_decode("%G0", true));
  CHECK(!http::percent_decode("abc%2", true));

  http::Query q("q=%E0%B8%99%E0%B8%B2&limit=5&limit=9&empty=&flag&bad=%E0%B8&broken=%zz");
  CHECK(q.get("q")->value() == "นา");
  CHECK(q.get("limit")->value() == "5");
  CHECK(q.get("empty")->value().empty());
  CHECK(q.get("flag")->value().empty());
  CHECK(!q.get("missing"));
  CHECK(q.get("bad")->error().field == "bad");
  CHECK(q.get("broken")->error().field == "broken");

  auto t = http::split_target("/api/v1/institutions?q=x");
  CHECK(t.raw_path == "/api/v1/institutions");
  CHECK(t.raw_query == "q=x");
}

TEST_CASE("institution search parameters", "[server][directory]") {
  auto parse = [](const std::string& query) { return directory::parse_institution_search(http::Query(query)); };
  auto s = parse("");
  REQUIRE(s);
  CHECK(s.value().limit == directory::default_search_limit);
  CHECK(parse("limit=500").value().limit == directory::max_search_limit);
  CHECK(parse("limit=007").value().limit == 7);
  CHECK(parse("limit=" + std::string("%E0%B9%91%E0%B9%90")).value().limit == 10);  // Thai digits ๑๐
  CHECK(parse("q=+%E0%B8%AB%E0%B8%99%E0%B8%AD%E0%B8%87+").value().name == "หนอง");  // trimmed
  CHECK(parse("q=1040").value().code_prefix == "1040");
  CHECK(parse("q=1040").value().name.empty());
  CHECK(parse("code=&affiliation=&limit=").value().limit == directory::default_search_limit);  // empty = absent
  CHECK(parse("affiliation=bma").value().affiliation == "bma");  // listed, not open: valid, finds nothing
  CHECK(parse("code=12").error().field == "code");
  CHECK(parse("affiliation=x").error().field == "affiliation");
  CHECK(parse("limit=1.5").error().field == "limit");
}
