// Search as you type on the home screen: debounce, Enter, stale replies, the wire format.
#include <catch2/catch.hpp>

#include "tests/client/fake_platform.hpp"
#include "wasm/screens/home/institution_search.hpp"

using home::InstitutionSearch;
using Status = InstitutionSearch::Status;

namespace {

const char* two_schools = R"([
  {"code":"1034560101","name_th":"โรงเรียนบ้านหนองบัว","affiliation":"obec",
   "province":"ขอนแก่น","district":"เมืองขอนแก่น","parent_code":"1040000000"},
  {"code":"6340100001","name_th":"ศูนย์พัฒนาเด็กเล็กบ้านหนองบัว","affiliation":"dla",
   "province":"อุดรธานี","district":"หนองวัวซอ","parent_code":null}
])";

}  // namespace

TEST_CASE("the search waits for a pause in typing, then asks the server once", "[home]") {
  fake_platform::requests.clear();
  app::ServerStatus server;
  InstitutionSearch search(server);

  search.query = "หนอง";
  search.edited(10.0);
  search.query = "หนองบัว";
  search.edited(10.1);
  search.update(10.3);
  CHECK(fake_platform::requests.empty());  // still typing
  CHECK(search.status() == Status::typing);
  CHECK(search.wake_at() == Approx(10.4));

  search.update(10.4);
  REQUIRE(fake_platform::requests.size() == 1);
  CHECK(fake_platform::requests[0].path ==
        "/api/v1/institutions?q=%E0%B8%AB%E0%B8%99%E0%B8%AD%E0%B8%87%E0%B8%9A%E0%B8%B1%E0%B8%A7");
  CHECK(search.status() == Status::searching);
  CHECK(search.wake_at() == app::FramePacer::never);

  fake_platform::answer(0, 200, two_schools);
  CHECK(search.status() == Status::found);
  REQUIRE(search.results().size() == 2);
  CHECK(search.results()[0].name_th == "โรงเรียนบ้านหนองบัว");
  CHECK(search.results()[1].parent_code.empty());  // null on the wire
  CHECK(server.reach() == app::ServerStatus::Reach::ok);
}

TEST_CASE("Enter searches at once; an older reply never overwrites a newer one", "[home]") {
  fake_platform::requests.clear();
  app::ServerStatus server;
  InstitutionSearch search(server);
  search.query = "บ้าน";
  search.submit();
  search.query = "หนองบัว";
  search.submit();
  REQUIRE(fake_platform::requests.size() == 2);
  fake_platform::answer(1, 200, "[]");
  CHECK(search.status() == Status::not_found);
  fake_platform::answer(0, 200, two_schools);  // late reply to the first query
  CHECK(search.status() == Status::not_found);
  CHECK(search.results().empty());
}

TEST_CASE("clearing the field clears the results; failures are told apart", "[home]") {
  fake_platform::requests.clear();
  app::ServerStatus server;
  InstitutionSearch search(server);
  search.query = "x";
  search.submit();
  search.query = "  ";
  search.edited(1.0);
  CHECK(search.status() == Status::idle);
  fake_platform::answer(0, 200, two_schools);
  CHECK(search.results().empty());

  search.query = "y";
  search.submit();
  fake_platform::answer(1, 0, "");  // no answer
  CHECK(search.status() == Status::failed);
  CHECK(server.reach() == app::ServerStatus::Reach::unreachable);

  search.submit();
  fake_platform::answer(2, 200, "{\"not\":\"a list\"}");
  CHECK(search.status() == Status::failed);
  CHECK(server.reach() == app::ServerStatus::Reach::ok);
}

TEST_CASE("search paths are percent-encoded UTF-8", "[home]") {
  CHECK(home::search_path("abc-1_2.~") == "/api/v1/institutions?q=abc-1_2.~");
  CHECK(home::search_path("a b&c") == "/api/v1/institutions?q=a%20b%26c");
  CHECK(home::search_path("ก") == "/api/v1/institutions?q=%E0%B8%81");
}

TEST_CASE("the health reply sets the development-mode banner, tolerating its absence", "[home]") {
  fake_platform::requests.clear();
  app::ServerStatus server;
  server.check();
  REQUIRE(fake_platform::requests.size() == 1);
  CHECK(fake_platform::requests[0].path == "/api/v1/health");
  fake_platform::answer(0, 200, R"({"status":"ok","version":"0.1.0"})");
  CHECK_FALSE(server.development_mode());
  server.check();
  fake_platform::answer(1, 200, R"({"status":"ok","version":"0.1.0","mode":"development"})");
  CHECK(server.development_mode());
  CHECK(server.version() == "0.1.0");
}
