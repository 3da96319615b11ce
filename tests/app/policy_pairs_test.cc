#include "app/policy_pairs.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/core.h>

#include "app/loaded_policy.h"

namespace iamlint::app {
namespace {

LoadedFile load(std::string path, std::string text) {
  auto loaded =
      load_policies(source::SourceFile{.path = std::move(path), .text = std::move(text)}, {}, {});
  REQUIRE(loaded.has_value());
  return std::move(*loaded);
}

// A Terraform plan of the resources named, each with one policy granting `action`.
std::string plan(std::initializer_list<std::pair<std::string, std::string>> resources) {
  std::string changes;
  for (const auto& [name, action] : resources) {
    changes += fmt::format(
        R"({}{{"address": "aws_iam_policy.{}", "mode": "managed", "type": "aws_iam_policy",
            "change": {{"actions": ["create"], "after": {{"policy": {{"Version": "2012-10-17",
            "Statement": [{{"Effect": "Allow", "Action": "{}", "Resource": "*"}}]}}}}}}}})",
        changes.empty() ? "" : ",", name, action);
  }
  return fmt::format(R"({{"format_version": "1.2", "terraform_version": "1.9.5",
                         "resource_changes": [{}]}})",
                     changes);
}

TEST_CASE("load_policies: a template's policies with the kind and resource their container says") {
  const LoadedFile file = load("template.yaml", R"(Resources:
  SiteBucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: site
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: "*"
            Action: s3:GetObject
            Resource: arn:aws:s3:::site/*
)");
  CHECK(file.format == "cloudformation");
  REQUIRE(file.policies.size() == 1);
  const LoadedPolicy& policy = *file.policies.front();
  CHECK(policy.location() == "Resources.SiteBucketPolicy.Properties.PolicyDocument");
  CHECK(policy.container() == "AWS::S3::BucketPolicy SiteBucketPolicy");
  CHECK(policy.policy().kind == ast::PolicyKind::kResource);
  CHECK(policy.policy().attached_to == ast::AttachedResource::kS3Bucket);

  // A finding at the statement's Principal lands on the YAML line that writes it.
  std::vector<engine::Finding> findings(1);
  findings[0].range = policy.policy().statements.front().principal->range;
  policy.place(findings, 0);
  const std::string_view at =
      std::string_view(file.source->text).substr(findings[0].range.begin, findings[0].range.size());
  CHECK(at == "\"*\"");
  CHECK(findings[0].logical_location ==
        "Resources.SiteBucketPolicy.Properties.PolicyDocument.Statement[0].Principal");
  CHECK(findings[0].policy == 0u);
}

TEST_CASE("load_policies: a policy that is not JSON is an error at its place in the file") {
  auto loaded = load_policies(
      source::SourceFile{.path = "t.yaml",
                         .text = "Resources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n"
                                 "    Properties:\n      PolicyDocument: '{\"Statement\": [}'\n"},
      {}, {});
  REQUIRE_FALSE(loaded.has_value());
  CHECK(loaded.error().message.starts_with("t.yaml:5:39: invalid JSON: "));  // at the }
}

TEST_CASE("match_policies: by logical location and container, then across shifted indexes") {
  const LoadedFile older =
      load("old.json", plan({{"b", "s3:GetObject"}, {"c", "sqs:SendMessage"}}));
  SUBCASE("the same plan pairs each policy with itself") {
    const auto match = match_policies(older.policies, older.policies);
    CHECK(match == std::vector<std::optional<std::size_t>>{0, 1});
  }
  SUBCASE("a resource inserted above shifts the others' indexes, not their pairing") {
    const LoadedFile newer = load(
        "new.json", plan({{"a", "iam:PassRole"}, {"b", "s3:GetObject"}, {"c", "sqs:SendMessage"}}));
    CHECK(newer.policies[1]->location() == "resource_changes[1].change.after.policy");
    const auto match = match_policies(newer.policies, older.policies);
    CHECK(match == std::vector<std::optional<std::size_t>>{std::nullopt, 0, 1});
  }
  SUBCASE("a resource replaced at the same index is not its predecessor") {
    const LoadedFile newer =
        load("new.json", plan({{"x", "s3:GetObject"}, {"c", "sqs:SendMessage"}}));
    const auto match = match_policies(newer.policies, older.policies);
    CHECK(match == std::vector<std::optional<std::size_t>>{std::nullopt, 1});
  }
}

}  // namespace
}  // namespace iamlint::app
