#include <doctest/doctest.h>

#include <fmt/core.h>
#include <algorithm>

#include "analysis/actions.h"
#include "analysis/guardrail_check.h"
#include "analysis/guardrail_controls.h"
#include "catalog/action.h"
#include "model_fixture.h"

namespace iamlint::analysis {
namespace {

using testing::ModelledPolicy;

const Control& baseline_control(const std::vector<Control>& controls, std::string_view id) {
  auto it =
      std::find_if(controls.begin(), controls.end(), [&](const Control& c) { return c.id == id; });
  REQUIRE(it != controls.end());
  return *it;
}

// The verdict on one baseline control for a set of SCPs.
ControlVerdict verdict_on(std::string_view id, std::initializer_list<std::string_view> scps) {
  static const std::vector<Control> controls = baseline_controls();
  std::vector<std::unique_ptr<ModelledPolicy>> policies;
  std::vector<PolicySource> sources;
  for (std::string_view scp : scps) {
    policies.push_back(std::make_unique<ModelledPolicy>(std::string(scp), ast::PolicyKind::kScp));
    sources.push_back({&policies.back()->policy(), &policies.back()->facts(), sources.size()});
  }
  const PermissionModel model(sources);
  const Control& control = baseline_control(controls, id);
  ControlVerdict verdict = check_controls(std::span(&control, 1), model).front();
  verdict.enforced_by.clear();  // points into the model, which ends here
  return verdict;
}

constexpr std::string_view kFullAccess =
    R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})";

TEST_CASE("the baseline parses, and names only actions the catalogue knows") {
  const std::vector<Control> controls = baseline_controls();
  CHECK(controls.size() == 8);
  for (const Control& control : controls) {
    CHECK_MESSAGE(!control.rationale.empty(), control.id);
    for (const std::string& action : control.deny) {
      if (is_pattern(action)) continue;
      CHECK_MESSAGE(catalog::find_action(action).has_value(), control.id, ": ", action);
    }
  }
}

TEST_CASE("a team's file switches a control off, replaces one, or adds one") {
  auto team = parse_controls(R"({"controls": [
      {"id": "organization-membership-protected", "disabled": "offboarding detaches it"},
      {"id": "own", "title": "T", "rationale": "R", "deny": ["s3:DeleteBucket"]}]})",
                             "team.json");
  REQUIRE(team.has_value());
  const std::vector<Control> merged = merge_controls(baseline_controls(), std::move(*team));
  CHECK(merged.size() == 9);
  const Control& off = baseline_control(merged, "organization-membership-protected");
  CHECK(off.disabled == "offboarding detaches it");
  CHECK(off.title == "Accounts cannot leave the organisation");
  CHECK(off.source == "team.json");
  CHECK(merged.back().id == "own");
}

TEST_CASE("a Deny enforces a control through wildcards and NotAction") {
  CHECK(verdict_on("cloudtrail-protected",
                   {kFullAccess, R"({"Statement": [{"Effect": "Deny", "Action": "cloudtrail:*",
                                     "Resource": "*"}]})"})
            .status == ControlStatus::kEnforced);
  CHECK(verdict_on("cloudtrail-protected",
                   {kFullAccess, R"({"Statement": [{"Effect": "Deny", "NotAction": "s3:*",
                                     "Resource": "*"}]})"})
            .status == ControlStatus::kEnforced);
  const ControlVerdict some =
      verdict_on("cloudtrail-protected",
                 {kFullAccess, R"({"Statement": [{"Effect": "Deny", "Action": "cloudtrail:Stop*",
                        "Resource": "*"}]})"});
  CHECK(some.status == ControlStatus::kPartial);
  REQUIRE(some.gaps.size() == 1);
  CHECK(some.gaps[0].origin == 1);
  CHECK(some.gaps[0].why.starts_with("cloudtrail:DeleteTrail, cloudtrail:UpdateTrail"));
}

TEST_CASE("an allow-list denies what it leaves out; a set without Allow does not") {
  constexpr std::string_view kAllowList = R"({"Statement": [{"Effect": "Allow",
      "Action": ["ec2:*", "s3:*"], "Resource": "*"}]})";
  const ControlVerdict by_omission = verdict_on("cloudtrail-protected", {kAllowList});
  CHECK(by_omission.status == ControlStatus::kEnforced);
  CHECK(by_omission.left_out_by_allow_list.size() == 5);
  CHECK(verdict_on("cloudtrail-protected",
                   {R"({"Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*"}]})"})
            .status == ControlStatus::kMissing);
}

TEST_CASE("exemptions: a named role is fine, every role is not") {
  auto with_exemption = [](std::string_view pattern) {
    return fmt::format(
        R"({{"Statement": [{{"Effect": "Deny", "Action": "organizations:LeaveOrganization",
        "Resource": "*", "Condition": {{"ArnNotLike": {{"aws:PrincipalArn": "{}"}}}}}}]}})",
        pattern);
  };
  CHECK(verdict_on("organization-membership-protected",
                   {kFullAccess, with_exemption("arn:aws:iam::*:role/BreakGlass")})
            .status == ControlStatus::kEnforced);
  const ControlVerdict every = verdict_on("organization-membership-protected",
                                          {kFullAccess, with_exemption("arn:aws:iam::*:role/*")});
  CHECK(every.status == ControlStatus::kPartial);
  CHECK(every.gaps.at(0).why.ends_with("exempts every role"));
  // The root control allows no exemption at all.
  const ControlVerdict root =
      verdict_on("root-user-denied",
                 {kFullAccess, R"({"Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*",
          "Condition": {"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:root"}}}]})"});
  CHECK(root.status == ControlStatus::kEnforced);
}

TEST_CASE("MFA: BoolIfExists enforces, Bool and Null leave long-term keys through") {
  auto with_mfa = [](std::string_view op, std::string_view value) {
    return fmt::format(R"({{"Statement": [{{"Effect": "Deny", "Action": "iam:*", "Resource": "*",
        "Condition": {{"{}": {{"aws:MultiFactorAuthPresent": "{}"}}}}}}]}})",
                       op, value);
  };
  CHECK(
      verdict_on("iam-changes-need-mfa", {kFullAccess, with_mfa("BoolIfExists", "false")}).status ==
      ControlStatus::kEnforced);
  for (auto [op, value] : {std::pair{"Bool", "false"}, std::pair{"Null", "true"}}) {
    const ControlVerdict verdict =
        verdict_on("iam-changes-need-mfa", {kFullAccess, with_mfa(op, value)});
    CHECK(verdict.status == ControlStatus::kPartial);
    CHECK(verdict.gaps.at(0).why.find("BoolIfExists") != std::string::npos);
  }
}

}  // namespace
}  // namespace iamlint::analysis
