// Every question before an irreversible action (issue 12): in both languages it has a title
// naming what it acts on, a consequence that says whether and how it can be undone, and a
// button naming the action, never a bare "OK".
#include <catch2/catch.hpp>

#include <functional>
#include <vector>

#include "shared/ui/confirmations.hpp"

using namespace ui;
using ui::confirm::Words;

namespace {
struct Case {
  const char* what;
  std::function<Words(Language)> make;
  std::vector<std::string> named;  // must appear in the title
};

bool says_undo(const Words& w, Language l) {
  const auto has = [&](const char* s) { return w.consequence.find(s) != std::string::npos; };
  return l == Language::th ? has("ได้ภายหลัง") || has("ไม่ได้") || has("กลับได้") || has("ใหม่")
                           : has("cannot") || has("can ") || has("again") || has("later");
}
}  // namespace

TEST_CASE("each confirmation names its subject and says what happens, in Thai and English", "[confirmations]") {
  const std::vector<Case> cases = {
      {"issue password", [](Language l) { return confirm::issue_password(l, "kru.somchai"); }, {"kru.somchai"}},
      {"disable", [](Language l) { return confirm::disable_user(l, "kru.somchai"); }, {"kru.somchai"}},
      {"copy KPIs", [](Language l) { return confirm::copy_kpis(l, 2568, 2569); }, {"2568", "2569"}},
      {"confirm data", [](Language l) { return confirm::confirm_lec_data(l, "อบต.บางหญ้าแพรก"); }, {"อบต.บางหญ้าแพรก"}},
      {"remind", [](Language l) { return confirm::remind_unconfirmed(l, "จังหวัดสมุทรปราการ"); }, {"จังหวัดสมุทรปราการ"}},
      {"rollover", [](Language l) { return confirm::rollover_register(l, "ศพด.บ้านคลอง", 2569); },
       {"ศพด.บ้านคลอง", "2569"}},
      {"end session", [](Language l) { return confirm::end_session(l, "Chrome on Android"); }, {"Chrome on Android"}},
      {"end others", [](Language l) { return confirm::end_other_sessions(l); }, {}},
  };
  for (const auto& c : cases) {
    for (Language l : {Language::th, Language::en}) {
      INFO(c.what << (l == Language::th ? " (th)" : " (en)"));
      const Words w = c.make(l);
      CHECK(!w.title.empty());
      CHECK(w.consequence.size() > w.title.size() / 2);
      CHECK(!w.yes.empty());
      CHECK(w.yes != "OK");
      CHECK(says_undo(w, l));
      for (const auto& n : c.named) CHECK(w.title.find(n) != std::string::npos);
      // Thai words in Thai, none in English (U+0E00..U+0E7F starts with 0xE0 0xB8/0xB9).
      const bool thai_words = w.consequence.find("\xE0\xB8") != std::string::npos;
      CHECK(thai_words == (l == Language::th));
    }
  }
}
