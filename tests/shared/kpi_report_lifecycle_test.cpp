#include <catch2/catch.hpp>

#include <map>

#include "shared/kpi/report_lifecycle.hpp"

using namespace domain;
using nlohmann::json;
using S = ReportStatus;
using A = ReportAction;

TEST_CASE("every transition of the report lifecycle, legal and illegal", "[kpi][lifecycle]") {
  // from, action -> next status or the refusal's code
  struct Case {
    S from;
    A action;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {S::waiting_submit, A::save_draft, "draft"},
      {S::waiting_submit, A::confirm, "report_not_started"},
      {S::waiting_submit, A::unconfirm, "report_not_confirmed"},
      {S::waiting_submit, A::review, "report_not_confirmed"},
      {S::waiting_submit, A::return_report, "report_not_confirmed"},
      {S::waiting_submit, A::cancel_review, "report_not_reviewed"},

      {S::draft, A::save_draft, "draft"},
      {S::draft, A::confirm, "waiting_review"},
      {S::draft, A::unconfirm, "report_not_confirmed"},
      {S::draft, A::review, "report_not_confirmed"},
      {S::draft, A::return_report, "report_not_confirmed"},
      {S::draft, A::cancel_review, "report_not_reviewed"},

      {S::waiting_review, A::save_draft, "report_already_confirmed"},
      {S::waiting_review, A::confirm, "report_already_confirmed"},
      {S::waiting_review, A::unconfirm, "draft"},
      {S::waiting_review, A::review, "reviewed"},
      {S::waiting_review, A::return_report, "returned"},
      {S::waiting_review, A::cancel_review, "report_not_reviewed"},

      {S::reviewed, A::save_draft, "report_already_reviewed"},
      {S::reviewed, A::confirm, "report_already_reviewed"},
      {S::reviewed, A::unconfirm, "report_already_reviewed"},
      {S::reviewed, A::review, "report_already_reviewed"},
      {S::reviewed, A::return_report, "report_already_reviewed"},
      {S::reviewed, A::cancel_review, "waiting_review"},

      {S::returned, A::save_draft, "draft"},
      {S::returned, A::confirm, "waiting_review"},
      {S::returned, A::unconfirm, "report_not_confirmed"},
      {S::returned, A::review, "report_not_confirmed"},
      {S::returned, A::return_report, "report_not_confirmed"},
      {S::returned, A::cancel_review, "waiting_review"},
  };
  REQUIRE(cases.size() == 5 * 6);
  for (const auto& c : cases) {
    CAPTURE(report_status_id(c.from), report_action_id(c.action));
    const auto next = next_status(c.from, c.action);
    if (next) {
      CHECK(std::string(report_status_id(next.value())) == c.expected);
    } else {
      CHECK(next.error().code == c.expected);
      CHECK(next.error().field == "status");
      CHECK_FALSE(next.error().message_th.empty());
      CHECK_FALSE(next.error().message_en.empty());
    }
  }
}

TEST_CASE("a unit that has saved anything has reported", "[kpi][lifecycle]") {
  CHECK_FALSE(has_reported(S::waiting_submit));
  for (S s : {S::draft, S::waiting_review, S::reviewed, S::returned}) CHECK(has_reported(s));
}

TEST_CASE("status ids round-trip", "[kpi][lifecycle]") {
  for (S s : {S::waiting_submit, S::draft, S::waiting_review, S::reviewed, S::returned})
    CHECK(parse_report_status(report_status_id(s)) == s);
  CHECK_FALSE(parse_report_status("confirmed"));
}

TEST_CASE("evidence: at most 10 files, each described before confirming", "[kpi][evidence]") {
  json files = json::array();
  for (int i = 0; i < 10; ++i) files.push_back({{"file_id", "f" + std::to_string(i)}, {"description", "ภาพกิจกรรม"}});
  auto ten = parse_evidence_files(files);
  REQUIRE(ten.ok());
  CHECK(ten.value().size() == 10);

  files.push_back({{"file_id", "f10"}, {"description", "เกิน"}});
  auto eleven = parse_evidence_files(files);
  REQUIRE_FALSE(eleven.ok());
  CHECK(eleven.error().code == "files_too_many");
  CHECK(eleven.error().field == "files");

  // Kept undescribed while drafting (an upload is saved at once); confirming asks for it.
  auto undescribed = parse_evidence_files(json{{{"file_id", "a"}, {"description", "ok"}}, {{"file_id", "b"}, {"description", "  "}}});
  REQUIRE(undescribed.ok());
  CHECK(undescribed.value()[1].description.empty());
  ReportDraft draft{4.0, undescribed.value()};
  auto unready = check_ready_to_confirm(draft);
  REQUIRE(unready);
  CHECK(unready->code == "evidence_description_required");
  CHECK(unready->field == "files[1].description");
  CHECK(unready->message_th.find("ลำดับที่ 2") != std::string::npos);
  draft.files[1].description = "ภาพกิจกรรม\nบรรทัดที่สอง";
  CHECK_FALSE(check_ready_to_confirm(draft));
  auto lines = parse_evidence_files(json{{{"file_id", "a"}, {"description", "หนึ่ง\r\nสอง"}}});
  REQUIRE(lines.ok());
  CHECK(lines.value()[0].description == "หนึ่ง\nสอง");

  CHECK(parse_evidence_files(json{{{"file_id", "a"}}}).ok());
  // A description of another type is named as such, not read as an empty one.
  auto number = parse_evidence_files(json{{{"file_id", "a"}, {"description", 5}}});
  CHECK(number.error().code == "wrong_type");
  CHECK(number.error().field == "files[0].description");
  CHECK(parse_evidence_files(json{{{"description", "x"}}}).error().field == "files[0].file_id");
  CHECK(parse_evidence_files(json{{{"file_id", "a"}, {"description", "x"}}, {{"file_id", "a"}, {"description", "y"}}})
            .error().code == "file_duplicate");
  CHECK(parse_evidence_files(json{{{"file_id", "a"}, {"description", std::string(301, 'x')}}}).error().code ==
        "text_too_long");
  CHECK(parse_evidence_files("a").error().code == "files_format");
  CHECK(parse_evidence_files(json()).value().empty());
}

TEST_CASE("a draft may lack a score, confirming may not", "[kpi][lifecycle]") {
  auto empty = parse_report_draft(KpiType::score_1_5, json::object());
  REQUIRE(empty.ok());
  CHECK_FALSE(empty.value().self_score);
  CHECK(check_ready_to_confirm(empty.value())->code == "self_score_required");

  auto scored = parse_report_draft(KpiType::score_1_5, {{"self_score", 4}, {"files", json::array()}});
  REQUIRE(scored.ok());
  CHECK(*scored.value().self_score == 4);
  CHECK_FALSE(check_ready_to_confirm(scored.value()));

  auto out_of_range = parse_report_draft(KpiType::score_1_5, {{"self_score", 7}});
  CHECK(out_of_range.error().code == "score_range");
  CHECK(out_of_range.error().field == "self_score");
}

TEST_CASE("a review needs a score in range; a return needs a reason", "[kpi][lifecycle]") {
  auto r = parse_review(KpiType::score_1_5, {{"score", 3}, {"comment", " ดี "}});
  REQUIRE(r.ok());
  CHECK(r.value().score == 3);
  CHECK(r.value().comment == "ดี");
  CHECK(parse_review(KpiType::score_1_5, {{"score", 0}}).error().code == "score_range");
  CHECK(parse_review(KpiType::score_1_5, json::object()).error().code == "score_required");

  CHECK(parse_return_reason({{"reason", "ขาดหลักฐานภาพถ่าย"}}).value() == "ขาดหลักฐานภาพถ่าย");
  auto no_reason = parse_return_reason({{"reason", " "}});
  CHECK(no_reason.error().code == "reason_required");
  CHECK(no_reason.error().field == "reason");
  CHECK(parse_return_reason(json::object()).error().code == "reason_required");
}
