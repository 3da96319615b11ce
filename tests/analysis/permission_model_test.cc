#include "analysis/permission_model.h"

#include <doctest/doctest.h>
#include <fmt/core.h>

#include "model_fixture.h"

namespace iamlint::analysis {
namespace {

using testing::ModelledPolicy;

std::string identity(std::string_view statements) {
  return R"({"Version": "2012-10-17", "Statement": [)" + std::string(statements) + "]}";
}

std::vector<std::string_view> resource_texts(const Access& access) {
  std::vector<std::string_view> out;
  for (const ast::Resource* resource : access.resources) out.push_back(resource->text.value);
  return out;
}

// Statements that repeat `statement` `count` times, comma-separated.
std::string repeated(std::string_view statement, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out += (i ? "," : "") + std::string(statement);
  return out;
}

TEST_CASE("past the comparison budget, only blanket Denies subtract, merged into one") {
  // 600 x 600 (grant, Deny) pairs: more than the model compares one by one.
  ModelledPolicy p(
      identity(repeated(R"({"Effect": "Allow", "Action": ["s3:GetObject", "ec2:RunInstances"],
                   "Resource": "*"})",
                        600) +
               "," +
               repeated(R"({"Effect": "Deny", "Action": "s3:*", "Resource": "*",
                   "Condition": {"Bool": {"aws:SecureTransport": "false"}}})",
                        599) +
               R"(,{"Effect": "Deny", "Action": "ec2:*", "Resource": "*"})"));
  REQUIRE(p.model().grants().size() == 600);
  CHECK(p.access("ec2:RunInstances").empty());  // the blanket Deny still subtracts
  const auto read = p.access("s3:GetObject");
  REQUIRE(read.size() == 600);
  CHECK(read[0].unless.empty());  // conditional Denies are no longer compared
}

TEST_CASE("patterns too long to compare pairwise leave the grant to the blanket Denies") {
  // One grant and a conditional Deny of actions newer than the catalogue, whose written patterns
  // overlap (newservice:GetPut00001) but would take over the character budget to compare.
  std::string grant_actions, deny_actions;
  for (int i = 0; i < 4000; ++i) {
    grant_actions += fmt::format("{}\"newservice:Get*{:05}\"", i ? "," : "", i);
    deny_actions += fmt::format("{}\"newservice:*Put{:05}\"", i ? "," : "", i);
  }
  const std::string allow =
      R"({"Effect": "Allow", "Action": [)" + grant_actions + R"(], "Resource": "*"})";
  const std::string deny =
      R"({"Effect": "Deny", "Action": [)" + deny_actions +
      R"(], "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}})";
  ModelledPolicy p(identity(allow + "," + deny));
  REQUIRE(p.model().grants().size() == 1);
  CHECK(p.model().grants()[0].conditional_denials.empty());
}

TEST_CASE("a Deny-only policy grants nothing") {
  ModelledPolicy p(identity(R"({"Effect": "Deny", "Action": "*", "Resource": "*"})"));
  CHECK(p.model().grants().empty());
  CHECK(p.model().denials().size() == 1);
  CHECK(p.model().allowed_actions().empty());
  CHECK(p.access("iam:PassRole").empty());
}

TEST_CASE("an unconditional Deny on the same resources removes its actions from a grant") {
  ModelledPolicy p(identity(R"(
    {"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
    {"Effect": "Deny", "Action": ["s3:Delete*", "s3:PutBucketPolicy"], "Resource": "*"})"));
  CHECK(p.access("s3:DeleteBucket").empty());
  CHECK(p.access("s3:PutBucketPolicy").empty());
  const auto read = p.access("s3:GetObject");
  REQUIRE(read.size() == 1);
  CHECK(read[0].every_resource);
  CHECK_FALSE(read[0].constrained());
}

TEST_CASE("an Allow fully cancelled by a Deny allows nothing") {
  ModelledPolicy p(identity(R"(
    {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"},
    {"Effect": "Deny", "Action": "iam:*", "Resource": "*"})"));
  CHECK(p.model().allowed_actions().empty());
  CHECK(p.access("iam:PassRole").empty());
}

TEST_CASE("a grant reaches only the actions whose resource types its ARNs can name") {
  ModelledPolicy p(
      identity(R"({"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::reports/*"})"));
  CHECK(p.access("s3:PutBucketPolicy").empty());  // a bucket action, not an object one
  const auto read = p.access("s3:GetObject");
  REQUIRE(read.size() == 1);
  CHECK_FALSE(read[0].every_resource);
  CHECK(resource_texts(read[0]) == std::vector<std::string_view>{"arn:aws:s3:::reports/*"});
}

TEST_CASE("an ARN that covers every resource of the action's type is as open as \"*\"") {
  ModelledPolicy p(identity(R"(
    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::*/*"},
    {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/*"},
    {"Effect": "Allow", "Action": "cloudtrail:StopLogging", "Resource": "arn:*:cloudtrail:*:*:trail/*"})"));
  for (std::string_view action : {"s3:GetObject", "iam:PassRole", "cloudtrail:StopLogging"}) {
    CAPTURE(action);
    const auto access = p.access(action);
    REQUIRE(access.size() == 1);
    CHECK(access[0].every_resource);
  }
}

TEST_CASE("a pinned ARN is not every resource") {
  ModelledPolicy p(identity(
      R"({"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/app-*"})"));
  const auto access = p.access("iam:PassRole");
  REQUIRE(access.size() == 1);
  CHECK_FALSE(access[0].every_resource);
}

TEST_CASE("NotAction grants every action but the listed ones") {
  ModelledPolicy p(identity(R"({"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"})"));
  CHECK(p.access("iam:PassRole").empty());
  const auto access = p.access("s3:GetObject");
  REQUIRE(access.size() == 1);
  CHECK(access[0].every_resource);
}

TEST_CASE("NotResource grants every resource but the listed ones") {
  ModelledPolicy some(identity(
      R"({"Effect": "Allow", "Action": "iam:PassRole", "NotResource": "arn:aws:iam::*:role/admin"})"));
  const auto access = some.access("iam:PassRole");
  REQUIRE(access.size() == 1);
  CHECK(access[0].every_resource);

  ModelledPolicy none(identity(
      R"({"Effect": "Allow", "Action": "iam:PassRole", "NotResource": "arn:aws:iam::*:role/*"})"));
  CHECK(none.access("iam:PassRole").empty());
}

TEST_CASE("a Deny on some entries of a Resource list removes those entries") {
  ModelledPolicy p(identity(R"(
    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::public/*", "arn:aws:s3:::secret/*"]},
    {"Effect": "Deny", "Action": "s3:*", "Resource": "arn:aws:s3:::secret/*"})"));
  const auto access = p.access("s3:GetObject");
  REQUIRE(access.size() == 1);
  CHECK(resource_texts(access[0]) == std::vector<std::string_view>{"arn:aws:s3:::public/*"});
}

TEST_CASE("a Deny with NotResource confines a grant of every resource") {
  ModelledPolicy p(identity(R"(
    {"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
    {"Effect": "Deny", "Action": "s3:*", "NotResource": ["arn:aws:s3:::app", "arn:aws:s3:::app/*"]})"));
  const auto read = p.access("s3:GetObject");
  REQUIRE(read.size() == 1);
  CHECK_FALSE(read[0].every_resource);
  CHECK(resource_texts(read[0]) == std::vector<std::string_view>{"arn:aws:s3:::app/*"});
}

TEST_CASE("a condition that narrows who or from where constrains the grant") {
  ModelledPolicy p(identity(R"(
    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
     "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}})"));
  const auto access = p.access("s3:GetObject");
  REQUIRE(access.size() == 1);
  CHECK(access[0].constrained());
  REQUIRE(access[0].narrowing.size() == 1);
  CHECK(access[0].narrowing[0]->narrowing == Narrowing::kNetwork);
}

TEST_CASE("a condition that narrows nothing leaves the grant unconstrained") {
  ModelledPolicy p(identity(R"(
    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
     "Condition": {"Bool": {"aws:SecureTransport": "true"}, "StringLike": {"aws:PrincipalOrgID": "*"}}})"));
  const auto access = p.access("s3:GetObject");
  REQUIRE(access.size() == 1);
  CHECK_FALSE(access[0].constrained());
}

TEST_CASE("a conditional Deny is kept beside the grant") {
  ModelledPolicy p(identity(R"(
    {"Effect": "Allow", "Action": "*", "Resource": "*"},
    {"Effect": "Deny", "Action": "*", "Resource": "*",
     "Condition": {"NotIpAddress": {"aws:SourceIp": "203.0.113.0/24"}}},
    {"Effect": "Deny", "Action": "iam:*", "Resource": "*",
     "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}})"));
  const auto network = p.access("s3:GetObject");
  REQUIRE(network.size() == 1);
  CHECK(network[0].unless.size() == 1);
  CHECK(network[0].constrained());  // allowed only from 203.0.113.0/24

  const auto iam = p.access("iam:PassRole");
  REQUIRE(iam.size() == 1);
  CHECK(iam[0].unless.size() == 2);
  // The MFA Deny misses long-term keys (the key is absent), so it narrows nothing by itself.
  CHECK(iam[0].narrowing_by_denials.size() == 1);
}

// CloudShell supports no resource tags: its requests never carry aws:ResourceTag/<k>.
TEST_CASE("an Allow whose tag condition the service never carries grants that service nothing") {
  ModelledPolicy p(identity(R"(
    {"Effect": "Allow", "Action": ["ec2:StartInstances", "cloudshell:CreateEnvironment"],
     "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/Team": "blue"}}})"));
  CHECK(p.access("cloudshell:CreateEnvironment").empty());
  const auto ec2 = p.access("ec2:StartInstances");
  REQUIRE(ec2.size() == 1);
  CHECK(ec2[0].constrained());  // only instances tagged Team=blue
}

TEST_CASE("a negated tag test the service never carries narrows nothing in an Allow") {
  ModelledPolicy p(identity(R"(
    {"Effect": "Allow", "Action": "cloudshell:CreateEnvironment", "Resource": "*",
     "Condition": {"StringNotEquals": {"aws:ResourceTag/Team": "red"}}})"));
  const auto access = p.access("cloudshell:CreateEnvironment");
  REQUIRE(access.size() == 1);
  CHECK_FALSE(access[0].constrained());
}

TEST_CASE("a Deny whose negated tag test the service never carries always applies to it") {
  ModelledPolicy p(identity(R"(
    {"Effect": "Allow", "Action": ["ec2:StartInstances", "cloudshell:CreateEnvironment"],
     "Resource": "*"},
    {"Effect": "Deny", "Action": "*", "Resource": "*",
     "Condition": {"StringNotEquals": {"aws:ResourceTag/Team": "blue"}}})"));
  // Unless the instance is tagged Team=blue: a conditional Deny.
  const auto ec2 = p.access("ec2:StartInstances");
  REQUIRE(ec2.size() == 1);
  CHECK(ec2[0].unless.size() == 1);
  // No CloudShell request carries the tag, so the Deny holds for every one of them.
  CHECK(p.access("cloudshell:CreateEnvironment").empty());
}

TEST_CASE("a Deny whose positive tag test the service never carries never applies to it") {
  ModelledPolicy p(identity(R"(
    {"Effect": "Allow", "Action": ["ec2:StartInstances", "cloudshell:CreateEnvironment"],
     "Resource": "*"},
    {"Effect": "Deny", "Action": "*", "Resource": "*",
     "Condition": {"StringEquals": {"aws:ResourceTag/Team": "red"}}})"));
  const auto ec2 = p.access("ec2:StartInstances");
  REQUIRE(ec2.size() == 1);
  CHECK(ec2[0].unless.size() == 1);
  const auto cloudshell = p.access("cloudshell:CreateEnvironment");
  REQUIRE(cloudshell.size() == 1);
  CHECK(cloudshell[0].unless.empty());
}

TEST_CASE("statements AWS rejects grant nothing") {
  ModelledPolicy p(identity(R"(
    {"Effect": "Allow", "Action": "*", "NotAction": "iam:*", "Resource": "*"},
    {"Effect": "Permit", "Action": "*", "Resource": "*"},
    {"Effect": "Allow", "Action": "*"})"));
  CHECK(p.model().grants().empty());
}

TEST_CASE("evaluate decides one request") {
  ModelledPolicy p(identity(R"(
    {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::data/*"},
    {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::data",
     "Condition": {"StringLike": {"s3:prefix": "home/*"}}},
    {"Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "arn:aws:s3:::data/locked/*"})"));
  using Outcome = Decision::Outcome;
  CHECK(p.model().evaluate("s3:GetObject", "arn:aws:s3:::data/a.txt").outcome == Outcome::kAllowed);
  CHECK(p.model().evaluate("S3:getobject", "arn:aws:s3:::data/a.txt").outcome == Outcome::kAllowed);
  CHECK(p.model().evaluate("s3:GetObject", "arn:aws:s3:::other/a.txt").outcome ==
        Outcome::kNotAllowed);
  CHECK(p.model().evaluate("s3:DeleteObject", "arn:aws:s3:::data/locked/x").outcome ==
        Outcome::kDenied);
  const Decision list = p.model().evaluate("s3:ListBucket", "arn:aws:s3:::data");
  CHECK(list.outcome == Outcome::kMaybeAllowed);
  CHECK(list.allowed_by.size() == 1);
  // Actions newer than the catalogue are judged by the written patterns.
  CHECK(p.model().evaluate("s3:SomeFutureAction", "arn:aws:s3:::data/a").outcome ==
        Outcome::kAllowed);
}

std::string resource_policy(std::string_view statements) {
  return identity(statements);
}

TEST_CASE("a resource policy's grant to everyone, and what pins it") {
  ModelledPolicy open(
      resource_policy(
          R"({"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::site/*"})"),
      ast::PolicyKind::kResource);
  REQUIRE(open.model().grants().size() == 1);
  CHECK(open.model().grants()[0].principals.open_to_everyone());
  CHECK_FALSE(open.model().grants()[0].pins_caller());

  ModelledPolicy org(
      resource_policy(
          R"({"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sqs:SendMessage", "Resource": "*",
      "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}})"),
      ast::PolicyKind::kResource);
  REQUIRE(org.model().grants().size() == 1);
  CHECK(org.model().grants()[0].principals.open_to_everyone());
  CHECK(org.model().grants()[0].pins_caller());

  ModelledPolicy wildcard(
      resource_policy(
          R"({"Effect": "Allow", "Principal": "*", "Action": "sqs:SendMessage", "Resource": "*",
      "Condition": {"StringLike": {"aws:SourceArn": "arn:aws:sns:*:*:*"}}})"),
      ast::PolicyKind::kResource);
  CHECK_FALSE(wildcard.model().grants()[0].pins_caller());
}

TEST_CASE("a Deny for named principals does not remove a grant to the whole account") {
  ModelledPolicy p(resource_policy(R"(
    {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"},
    {"Effect": "Deny", "Principal": {"AWS": "arn:aws:iam::111122223333:role/app"}, "Action": "kms:Decrypt", "Resource": "*"},
    {"Effect": "Deny", "Principal": {"AWS": "111122223333"}, "Action": "kms:ScheduleKeyDeletion", "Resource": "*"})"),
                   ast::PolicyKind::kResource);
  CHECK(p.access("kms:Decrypt").size() == 1);
  CHECK(p.access("kms:ScheduleKeyDeletion").empty());
}

}  // namespace
}  // namespace iamlint::analysis

namespace iamlint::analysis {
namespace {

TEST_CASE("a Resource known only at deployment reaches some resource, when asked") {
  // As a template writes `Resource: !Sub arn:${AWS::Partition}:lambda:...:function:*`.
  const std::string text =
      R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", )"
      R"("Action": "lambda:CreateFunction", "Resource": {"Fn::Sub": "arn:..."}}]})";
  auto doc = json::parse(text);
  REQUIRE(doc.has_value());
  const json::NodeId statement = doc->node(doc->find_member(doc->root(), "Statement")).first_child;
  doc->mark_opaque(doc->find_member(statement, "Resource"));
  std::optional<ast::Policy> policy =
      ast::lower_policy(*doc, doc->root(), ast::PolicyKind::kIdentity);
  REQUIRE(policy.has_value());
  PolicyFacts facts(*policy);
  const catalog::Action create = *catalog::find_action("lambda:CreateFunction");
  CHECK(facts.permissions().access(create).empty());
  const std::vector<Access> at_deployment = facts.permissions().access(create, true);
  REQUIRE(at_deployment.size() == 1);
  CHECK(at_deployment[0].at_deployment);
  CHECK_FALSE(at_deployment[0].every_resource);
  CHECK(at_deployment[0].resources.empty());
}

}  // namespace
}  // namespace iamlint::analysis
