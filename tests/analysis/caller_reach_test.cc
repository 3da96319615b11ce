#include <doctest/doctest.h>
#include <fmt/core.h>

#include "analysis/caller_reach.h"
#include "analysis/condition_never_matches.h"
#include "analysis/condition_operators.h"
#include "model_fixture.h"

namespace iamlint::analysis {
namespace {

using testing::ModelledPolicy;

TEST_CASE("operators::find finds every operator by its exact name, and nothing else") {
  for (const operators::OperatorInfo& info : operators::kOperators) {
    CHECK(operators::find(info.name) == &info);
  }
  CHECK(operators::find("") == nullptr);
  CHECK(operators::find("stringequals") == nullptr);
  CHECK(operators::find("StringEqualsX") == nullptr);
  CHECK(operators::find("ForAnyValue:StringLike") == nullptr);
}

// A Deny of everything with one Condition block, as an SCP.
ModelledPolicy deny_when(std::string_view condition) {
  return ModelledPolicy(fmt::format(R"({{"Version": "2012-10-17", "Statement": [{{"Effect": "Deny",
      "Action": "*", "Resource": "*", "Condition": {}}}]}})",
                                    condition),
                        ast::PolicyKind::kScp);
}

CallerReach reach_of(std::string_view condition) {
  const ModelledPolicy policy = deny_when(condition);
  return caller_reach(policy.policy().statements.front());
}

TEST_CASE("exemptions that name principals leave every class bound but them") {
  const CallerReach reach =
      reach_of(R"({"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/BreakGlass"}})");
  CHECK(reach.of(Caller::kRole) == Reach::kAllButNamed);
  CHECK(reach.of(Caller::kUser) == Reach::kAll);
  CHECK(reach.of(Caller::kRoot) == Reach::kAll);
  // One account's roles are not every role.
  CHECK(reach_of(R"({"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/*"}})")
            .of(Caller::kRole) == Reach::kAllButNamed);
}

TEST_CASE("exemptions that cover a class let it go") {
  CHECK(reach_of(R"({"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/*"}})")
            .of(Caller::kRole) == Reach::kNone);
  CHECK(
      reach_of(R"({"StringNotEquals": {"aws:PrincipalType": "AssumedRole"}})").of(Caller::kRole) ==
      Reach::kNone);
  const CallerReach everyone = reach_of(R"({"StringNotLike": {"aws:PrincipalArn": "*"}})");
  for (Caller caller : kCallers) CHECK(everyone.of(caller) == Reach::kNone);
  CHECK(reach_of(R"({"StringNotLike": {"aws:PrincipalAccount": "*"}})").of(Caller::kUser) ==
        Reach::kNone);
  // A literal "*" is one odd value, not a pattern.
  CHECK(reach_of(R"({"StringNotEquals": {"aws:PrincipalArn": "*"}})").of(Caller::kRole) ==
        Reach::kAll);
}

TEST_CASE("positive tests target the classes they name") {
  const CallerReach root =
      reach_of(R"({"StringLike": {"aws:PrincipalArn": "arn:aws:iam::*:root"}})");
  CHECK(root.of(Caller::kRoot) == Reach::kAll);
  CHECK(root.of(Caller::kRole) == Reach::kNone);
  CHECK(root.of(Caller::kUser) == Reach::kNone);
  CHECK(reach_of(R"({"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/Dev*"}})")
            .of(Caller::kRole) == Reach::kSome);
  // StringEquals with a wildcard matches no ARN at all.
  CHECK(reach_of(R"({"StringEquals": {"aws:PrincipalArn": "arn:aws:iam::*:root"}})")
            .of(Caller::kRoot) == Reach::kNone);
  CHECK(reach_of(R"({"StringEquals": {"aws:PrincipalType": "Account"}})").of(Caller::kRoot) ==
        Reach::kAll);
}

TEST_CASE("conditions on the request, not the caller, reach every caller") {
  const CallerReach reach = reach_of(
      R"({"BoolIfExists": {"aws:MultiFactorAuthPresent": "false", "aws:PrincipalIsAWSService": "false"},
          "StringNotEquals": {"aws:RequestedRegion": "eu-west-1"}})");
  for (Caller caller : kCallers) CHECK(reach.of(caller) == Reach::kAll);
  CHECK(reach_of(R"({"Bool": {"aws:PrincipalIsAWSService": "true"}})").of(Caller::kRole) ==
        Reach::kNone);
}

TEST_CASE("conditions that never hold") {
  auto never = [](std::string_view condition) {
    const ModelledPolicy policy = deny_when(condition);
    return never_matches(policy.policy().statements.front().conditions.front()).has_value();
  };
  CHECK(never(R"({"StringEquals": {"aws:PrincipalArn": "arn:aws:iam::*:root"}})"));
  CHECK(never(R"({"StringEqualsIgnoreCase": {"aws:PrincipalAccount": ["1*", "2*"]}})"));
  CHECK(never(R"({"ForAnyValue:StringEquals": {"aws:SourceArn": "arn:aws:sns:*:*:t"}})"));
  CHECK_FALSE(never(R"({"StringLike": {"aws:PrincipalArn": "arn:aws:iam::*:root"}})"));
  CHECK_FALSE(never(R"({"StringEquals": {"aws:PrincipalArn": ["arn:aws:iam::1:root", "a*"]}})"));
  CHECK_FALSE(never(R"({"StringNotEquals": {"aws:PrincipalArn": "arn:aws:iam::*:root"}})"));
  CHECK_FALSE(never(R"({"StringEqualsIfExists": {"aws:SourceArn": "arn:aws:sns:*:*:t"}})"));
  CHECK_FALSE(never(R"({"StringEquals": {"aws:PrincipalArn": "arn:aws:iam::1:role/${*}"}})"));
  CHECK_FALSE(never(R"({"StringEquals": {"s3:prefix": "logs/*"}})"));
}

}  // namespace
}  // namespace iamlint::analysis
