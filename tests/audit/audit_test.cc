#include <algorithm>
#include <set>

#include <doctest/doctest.h>

#include "audit/account.h"
#include "audit/checks.h"
#include "audit/controls.h"
#include "audit/timestamp.h"
#include "input/account_export.h"
#include "json/parser.h"

namespace iamlint::audit {
namespace {

TEST_CASE("every audit control is complete, unique and has its check") {
  const std::vector<Control> controls = baseline_controls();
  REQUIRE(controls.size() >= 18);
  std::set<std::string> ids, names, thresholds;
  for (const Control& control : controls) {
    INFO(control.id);
    CHECK(control.id.size() == 6);
    CHECK(control.id.starts_with("IAM6"));
    CHECK(ids.insert(control.id).second);
    CHECK(names.insert(control.name).second);
    CHECK((find_check(control.name) != nullptr));
    CHECK(!control.practice.empty());
    for (const Threshold& threshold : control.thresholds)
      CHECK(thresholds.insert(threshold.name).second);
  }
  const ControlRules rules = control_rules(controls);
  REQUIRE(rules.rules.size() == controls.size());
  CHECK(rules.rules[0].id == "IAM601");
  CHECK(rules.rules[0].page.find("## Why is this bad?") != std::string_view::npos);
  CHECK(rules.rules[0].page.find("CIS AWS Foundations Benchmark v3.0.0 1.5") !=
        std::string_view::npos);
}

TEST_CASE("thresholds are set by name, and a wrong one is a usage error naming the known ones") {
  std::vector<Control> controls = baseline_controls();
  REQUIRE(set_threshold(controls, "access-key-max-age-days=60").has_value());
  const auto rotated = std::find_if(controls.begin(), controls.end(), [](const Control& c) {
    return c.name == "access-key-not-rotated";
  });
  CHECK(rotated->threshold("access-key-max-age-days") == 60);
  auto unknown = set_threshold(controls, "key-age=60");
  REQUIRE(!unknown);
  CHECK(unknown.error().message.find("unknown threshold 'key-age'") == 0);
  CHECK(unknown.error().message.find("access-key-max-age-days (60)") != std::string::npos);
  CHECK(!set_threshold(controls, "access-key-max-age-days=-1"));
  CHECK(!set_threshold(controls, "access-key-max-age-days=ninety"));
  CHECK(!set_threshold(controls, "access-key-max-age-days"));
}

TEST_CASE("timestamps as AWS writes them, and nothing else") {
  CHECK(parse_timestamp("1970-01-01T00:00:00+00:00") == 0);
  CHECK(parse_timestamp("1970-01-02") == 86'400);
  CHECK(parse_timestamp("2026-12-01T06:00:00Z") == parse_timestamp("2026-12-01T07:00:00+01:00"));
  CHECK(parse_timestamp("2026-12-01T05:58:41.112000+00:00") ==
        parse_timestamp("2026-12-01T05:58:41Z"));
  for (const char* not_a_time :
       {"N/A", "no_information", "not_supported", "", "2026-02-30", "2026-12-01T25:00:00Z",
        "2026-12-01T06:00:00+0000", "2026-12-01 06:00:00", "2026-12-01T06:00:00Zjunk"}) {
    CHECK_MESSAGE(!parse_timestamp(not_a_time), not_a_time);
  }
  const Timestamp generated = *parse_timestamp("2026-12-01T06:00:00+00:00");
  CHECK(days_between(*parse_timestamp("2026-09-02T06:00:01+00:00"), generated) == 89);
  CHECK(days_between(*parse_timestamp("2026-09-02T06:00:00+00:00"), generated) == 90);
  CHECK(format_date(generated) == "2026-12-01");
  CHECK(format_date(*parse_timestamp("1969-12-31T23:00:00Z")) == "1969-12-31");
}

TEST_CASE("exports are told apart by their content") {
  using input::AccountExport;
  const auto of = [](std::string_view text) {
    auto doc = json::parse(text);
    REQUIRE(doc.has_value());
    return input::account_export_of(*doc);
  };
  CHECK(of(R"({"Content": "dXNlcg==", "ReportFormat": "text/csv"})") ==
        AccountExport::kCredentialReport);
  CHECK(of(R"({"SummaryMap": {}})") == AccountExport::kAccountSummary);
  CHECK(of(R"({"PasswordPolicy": {}})") == AccountExport::kPasswordPolicy);
  CHECK(of(R"({"trailList": []})") == AccountExport::kTrails);
  CHECK(of(R"({"IsLogging": true})") == AccountExport::kTrailStatus);
  CHECK(of(R"({"TrailARN": "a", "EventSelectors": []})") == AccountExport::kEventSelectors);
  CHECK(of(R"({"ConfigurationRecorders": []})") == AccountExport::kConfigRecorders);
  CHECK(of(R"({"ConfigurationRecordersStatus": []})") == AccountExport::kConfigRecorderStatus);
  CHECK(of(R"({"VirtualMFADevices": []})") == AccountExport::kVirtualMfaDevices);
  CHECK(of(R"({"Organization": {}})") == AccountExport::kOrganization);
  CHECK(!of(R"({"Version": "2012-10-17", "Statement": []})"));
  CHECK(!of(R"({"SummaryMap": "not an object"})"));
  CHECK(!of("[]"));
  CHECK(input::account_export_of_text("user,arn,user_creation_time,password_enabled\n") ==
        AccountExport::kCredentialReport);
  CHECK(input::account_export_of_text(
            "\nAn error occurred (NoSuchEntity) when calling the GetAccountPasswordPolicy "
            "operation: The Password Policy with domain name 1 cannot be found.\n") ==
        AccountExport::kNoPasswordPolicy);
  CHECK(!input::account_export_of_text(
      "An error occurred (NoSuchEntity) when calling the GetUser operation"));
  CHECK(!input::account_export_of_text("name,value\n"));
}

TEST_CASE("a credential report's fields are placed in its CSV, and in the base64 of its JSON") {
  const std::string csv =
      "user,arn,mfa_active\n<root_account>,arn:aws:iam::1:root,false\n\"a,b\",\"arn:x\",true\n";
  ExportFile file{.source = {.path = "r.csv", .text = csv},
                  .kind = input::AccountExport::kCredentialReport};
  auto report = read_credential_report(file, 0);
  REQUIRE(report.has_value());
  REQUIRE(report->rows.size() == 2);
  const Cell* mfa = report->cell(report->rows[0], "mfa_active");
  REQUIRE(mfa != nullptr);
  CHECK(mfa->text == "false");
  CHECK(csv.substr(mfa->range.begin, mfa->range.size()) == "false");
  const Cell* user = report->cell(report->rows[1], "user");
  CHECK(user->text == "a,b");
  CHECK(csv.substr(user->range.begin, user->range.size()) == "\"a,b\"");
  CHECK(report->cell(report->rows[1], "password_enabled") == nullptr);
  CHECK(!report->generated);

  // "user,mfa_active\nroot,false\n" in base64: the field "false" (bytes 21-26) is encoded by
  // characters 28-36 of the string.
  const std::string json =
      R"({"Content": "dXNlcixtZmFfYWN0aXZlCnJvb3QsZmFsc2UK", "ReportFormat": "text/csv", )"
      R"("GeneratedTime": "2026-12-01T06:00:00+00:00"})";
  auto doc = json::parse(json);
  REQUIRE(doc.has_value());
  ExportFile json_file{.source = {.path = "r.json", .text = json},
                       .kind = input::AccountExport::kCredentialReport,
                       .doc = std::make_unique<json::Document>(std::move(*doc))};
  auto decoded = read_credential_report(json_file, 3);
  REQUIRE(decoded.has_value());
  CHECK(decoded->file == 3);
  CHECK(decoded->generated == parse_timestamp("2026-12-01T06:00:00Z"));
  const Cell* flag = decoded->cell(decoded->rows[0], "mfa_active");
  REQUIRE(flag != nullptr);
  CHECK(flag->text == "false");
  const std::size_t content = json.find("dXNl");
  CHECK(flag->range.begin == content + 28);
  CHECK(flag->range.end == content + 36);

  ExportFile broken{
      .source = {.path = "r.json", .text = R"({"Content": "%%", "ReportFormat": "x"})"},
      .kind = input::AccountExport::kCredentialReport};
  broken.doc = std::make_unique<json::Document>(json::parse(broken.source.text).value());
  auto error = read_credential_report(broken, 0);
  REQUIRE(!error);
  CHECK(error.error().message == "r.json:1:13: the credential report's Content is not base64");
}

}  // namespace
}  // namespace iamlint::audit
