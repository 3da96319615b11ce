#include <array>

#include <doctest/doctest.h>

#include "analysis/condition_facts.h"
#include "analysis/resource_scope.h"
#include "catalog/action.h"
#include "model_fixture.h"

namespace iamlint::analysis {
namespace {

using testing::ModelledPolicy;

TEST_CASE("resource patterns compare field by field") {
  CHECK(resource_contains("*", "arn:aws:s3:::b/*"));
  CHECK(resource_contains("arn:aws:s3:::b/*", "arn:aws:s3:::b/logs/*"));
  CHECK_FALSE(resource_contains("arn:aws:s3:::b/logs/*", "arn:aws:s3:::b/*"));
  CHECK(resource_contains("arn:*:s3:::b/*", "arn:aws:s3:::b/x"));
  CHECK(resource_contains("arn:aws:iam::*:role/*", "arn:aws:iam::111122223333:role/app"));
  CHECK_FALSE(resource_contains("arn:aws:iam::111122223333:role/*", "arn:aws:iam::*:role/app"));
  // "*" is every resource: only a pattern that is all wildcards contains it.
  CHECK(resource_contains("arn:*:*:*:*:*", "*"));
  CHECK_FALSE(resource_contains("arn:aws:s3:::*", "*"));
  // Resource ARNs compare case-sensitively: in doubt, not contained.
  CHECK_FALSE(resource_contains("arn:aws:s3:::Data/*", "arn:aws:s3:::data/x"));
}

TEST_CASE("policy variables in resource patterns") {
  constexpr std::string_view kHome = "arn:aws:s3:::home/${aws:username}/*";
  CHECK(resource_contains(kHome, kHome));
  CHECK(resource_contains("arn:aws:s3:::home/*", kHome));
  CHECK_FALSE(resource_contains(kHome, "arn:aws:s3:::home/alice/x"));
  CHECK(resources_intersect(kHome, "arn:aws:s3:::home/alice/x"));
  CHECK_FALSE(resources_intersect(kHome, "arn:aws:s3:::work/alice/x"));
}

TEST_CASE("naming every resource of an action's types") {
  const auto get_object = *catalog::find_action("s3:GetObject");
  CHECK(names_every_resource("*", get_object));
  CHECK(names_every_resource("arn:aws:s3:::*/*", get_object));
  CHECK(names_every_resource("arn:aws:s3:::*", get_object));  // the resource part spans the "/"
  CHECK_FALSE(names_every_resource("arn:aws:s3:::b/*", get_object));
  CHECK_FALSE(names_every_resource("arn:aws:s3:::*/private/*", get_object));
  // An empty Region names no access point, which has one.
  CHECK_FALSE(
      names_every_resource("arn:aws:s3:::*/*", *catalog::find_action("s3:GetBucketPolicy")));
  CHECK(names_every_resource("arn:aws:s3:*:*:accesspoint/*",
                             *catalog::find_action("s3:GetBucketPolicy")));
  const auto list_buckets = *catalog::find_action("s3:ListAllMyBuckets");
  CHECK(names_every_resource("*", list_buckets));
  CHECK_FALSE(names_every_resource("arn:aws:s3:::*", list_buckets));
  const catalog::ActionSet reads = catalog::ActionSet::of(std::array{
      get_object.index(), list_buckets.index(), catalog::find_action("s3:GetBucketPolicy")->index(),
      catalog::find_action("sqs:ReceiveMessage")->index()});
  const catalog::ActionSet objects = reaching_every_resource("arn:aws:s3:::*/*", reads);
  CHECK(objects.count() == 1);
  CHECK(objects.contains(get_object));
  CHECK(reaching_every_resource("arn:*:s*:*:*:*", reads).count() == 3);
  CHECK(reaching_every_resource("*", reads).count() == 4);
  CHECK(reaching_every_resource("arn:aws:s3:::b/*", reads).empty());
  CHECK(reaching_every_resource("not an arn", reads).empty());
  CHECK(can_name_resource_of("arn:aws:s3:::b", *catalog::find_action("s3:PutBucketPolicy")));
  CHECK_FALSE(
      can_name_resource_of("arn:aws:s3:::b/*", *catalog::find_action("s3:PutBucketPolicy")));
}

const ast::Condition& only_condition(const ModelledPolicy& p) {
  REQUIRE(p.policy().statements.size() == 1);
  REQUIRE(p.policy().statements[0].conditions.size() == 1);
  return p.policy().statements[0].conditions[0];
}

ConditionFact fact_of(std::string_view effect, std::string_view condition) {
  ModelledPolicy p(R"({"Version": "2012-10-17", "Statement": [{"Effect": ")" + std::string(effect) +
                   R"(", "Action": "s3:GetObject", "Resource": "*", "Condition": )" +
                   std::string(condition) + "}]}");
  return classify(only_condition(p), p.policy().statements[0].effect);
}

TEST_CASE("a condition value known only at deployment names one caller") {
  // As a CloudFormation template writes `aws:PrincipalOrgID: !Ref OrgId`.
  const std::string text =
      R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", )"
      R"("Action": "s3:GetObject", "Resource": "*", )"
      R"("Condition": {"StringEquals": {"aws:PrincipalOrgID": {"Ref": "OrgId"}}}}]})";
  auto doc = json::parse(text);
  REQUIRE(doc.has_value());
  const json::NodeId statement = doc->node(doc->find_member(doc->root(), "Statement")).first_child;
  const json::NodeId value =
      doc->find_member(doc->find_member(doc->find_member(statement, "Condition"), "StringEquals"),
                       "aws:PrincipalOrgID");
  doc->mark_opaque(value);
  std::optional<ast::Policy> policy =
      ast::lower_policy(*doc, doc->root(), ast::PolicyKind::kResource);
  REQUIRE(policy.has_value());
  const ast::Condition& condition = policy->statements[0].conditions.at(0);
  CHECK(condition.unknown);
  const ConditionFact fact = classify(condition, ast::Effect::kAllow);
  CHECK(fact.narrowing == Narrowing::kCaller);
  CHECK(fact.pins_caller);
}

TEST_CASE("what a condition narrows, in an Allow") {
  CHECK(fact_of("Allow", R"({"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}})").narrowing ==
        Narrowing::kCaller);
  CHECK(
      fact_of("Allow", R"({"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}})").pins_caller);
  CHECK(fact_of("Allow", R"({"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}})").narrowing ==
        Narrowing::kNetwork);
  CHECK_FALSE(fact_of("Allow", R"({"IpAddress": {"aws:SourceIp": "0.0.0.0/0"}})").pins_caller);
  CHECK(fact_of("Allow", R"({"StringEquals": {"s3:prefix": "home/"}})").narrowing ==
        Narrowing::kResource);
  CHECK(
      fact_of(
          "Allow",
          R"({"StringEquals": {"token.actions.githubusercontent.com:sub": "repo:o/r:ref:refs/heads/main"}})")
          .narrowing == Narrowing::kCaller);
  // Tests that hold for almost any request.
  for (std::string_view weak : {
           R"({"Bool": {"aws:SecureTransport": "true"}})",
           R"({"StringLike": {"aws:PrincipalOrgID": "*"}})",
           R"({"StringNotEquals": {"aws:PrincipalAccount": "111122223333"}})",
           R"({"StringEqualsIfExists": {"aws:SourceVpc": "vpc-1a2b3c4d"}})",
           R"({"ForAllValues:StringEquals": {"aws:TagKeys": ["team"]}})",
           R"({"Null": {"aws:ResourceTag/team": "false"}})",
           R"({"Bool": {"aws:MultiFactorAuthPresent": "false"}})",
           R"({"DateLessThan": {"aws:CurrentTime": "2030-01-01T00:00:00Z"}})",
       }) {
    CAPTURE(weak);
    CHECK(fact_of("Allow", weak).narrowing == Narrowing::kNothing);
  }
  // IfExists still narrows on a key every request carries.
  CHECK(fact_of("Allow", R"({"StringEqualsIfExists": {"aws:RequestedRegion": "eu-west-1"}})")
            .narrowing == Narrowing::kNetwork);
  // ... and on a principal key of every signed request, but an anonymous request lacks it, so a
  // grant to "*" stays public.
  const ConditionFact if_exists =
      fact_of("Allow", R"({"StringEqualsIfExists": {"aws:PrincipalAccount": "111122223333"}})");
  CHECK(if_exists.narrowing == Narrowing::kCaller);
  CHECK_FALSE(if_exists.pins_caller);
  CHECK(fact_of("Allow", R"({"StringEquals": {"aws:PrincipalAccount": "111122223333"}})")
            .pins_caller);
}

TEST_CASE("what a condition leaves to the grants, in a Deny") {
  CHECK(fact_of("Deny", R"({"StringNotEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}})")
            .pins_caller);
  CHECK(fact_of("Deny", R"({"NotIpAddress": {"aws:SourceIp": "203.0.113.0/24"}})").narrowing ==
        Narrowing::kNetwork);
  CHECK(fact_of("Deny", R"({"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}})").narrowing ==
        Narrowing::kCaller);
  // Absent for long-term access keys: the Deny lets them through.
  CHECK(fact_of("Deny", R"({"Bool": {"aws:MultiFactorAuthPresent": "false"}})").narrowing ==
        Narrowing::kNothing);
  CHECK(fact_of("Deny", R"({"StringEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"}})").narrowing ==
        Narrowing::kNothing);
}

TEST_CASE("describe names the condition as written") {
  ModelledPolicy p(
      R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
      "Condition": {"StringEquals": {"aws:SourceVpce": ["vpce-1", "vpce-2", "vpce-3", "vpce-4"]}}}]})");
  CHECK(describe(only_condition(p)) ==
        R"(StringEquals aws:SourceVpce ["vpce-1", "vpce-2", "vpce-3" and 1 more])");
}

}  // namespace
}  // namespace iamlint::analysis
