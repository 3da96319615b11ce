#include "catalog/condition_key.h"

#include <doctest/doctest.h>

#include "catalog/key_support.h"

namespace iamlint::catalog {
namespace {

TEST_CASE("types and cardinality") {
  const auto ip = find_condition_key("aws:SourceIp");
  REQUIRE(ip);
  CHECK(ip->type() == KeyType::kIpAddress);
  CHECK_FALSE(ip->multivalued());
  CHECK(ip->global());

  const auto tag_keys = find_condition_key("AWS:TAGKEYS");
  REQUIRE(tag_keys);
  CHECK(tag_keys->multivalued());
  CHECK(tag_keys->type_name() == "ArrayOfString");

  CHECK(find_condition_key("aws:PrincipalOrgPaths")->multivalued());
  CHECK(find_condition_key("aws:CalledVia")->multivalued());
  CHECK(find_condition_key("aws:MultiFactorAuthAge")->type() == KeyType::kNumeric);
  CHECK(find_condition_key("aws:CurrentTime")->type() == KeyType::kDate);
  CHECK(find_condition_key("aws:SecureTransport")->type() == KeyType::kBool);
  CHECK(find_condition_key("aws:PrincipalArn")->type() == KeyType::kArn);
  CHECK(find_condition_key("s3:x-amz-server-side-encryption-aws-kms-key-id")->type() ==
        KeyType::kArn);
  CHECK(find_condition_key("ec2:Vpc")->type() == KeyType::kArn);
  CHECK_FALSE(find_condition_key("aws:NoSuchKey"));
  CHECK_FALSE(find_condition_key("s3:"));
}

TEST_CASE("deprecated global keys name their replacement") {
  const auto arn = find_condition_key("aws:ARN");
  REQUIRE(arn);
  CHECK(arn->deprecated());
  CHECK(arn->replacement() == "aws:PrincipalArn");
  CHECK_FALSE(find_condition_key("aws:PrincipalArn")->deprecated());
}

TEST_CASE("templated keys match their instances") {
  const auto request_tag = find_condition_key("aws:RequestTag/Project");
  REQUIRE(request_tag);
  CHECK(request_tag->name() == "aws:RequestTag/${TagKey}");
  CHECK(request_tag->templated());
  CHECK(request_tag->type() == KeyType::kString);

  CHECK(find_condition_key("aws:principaltag/team")->name() == "aws:PrincipalTag/${TagKey}");
  CHECK(find_condition_key("s3:ExistingObjectTag/classification")->name() ==
        "s3:ExistingObjectTag/<key>");
  CHECK(find_condition_key("kms:EncryptionContext:aws:s3:arn")->name() ==
        "kms:EncryptionContext:${EncryptionContextKey}");
  // Placeholders in the prefix (OIDC providers with a per-customer domain).
  CHECK(find_condition_key("agent.acme.buildkite.dev:build_branch"));
  // A placeholder needs at least one character.
  CHECK_FALSE(find_condition_key("aws:RequestTag/"));
  CHECK_FALSE(key_template_matches("aws:RequestTag/${TagKey}", "aws:RequestTag/"));
  CHECK(key_template_matches("aws:RequestTag/${TagKey}", "AWS:requesttag/a/b"));
  CHECK(key_template_matches("a/${X}.b", "a/q.r.b"));
  CHECK_FALSE(key_template_matches("a/${X}.b", "a/q.r.c"));
}

TEST_CASE("the global keys every signed request carries") {
  for (std::string_view key : {"aws:PrincipalArn", "AWS:principalaccount", "aws:PrincipalType",
                               "aws:userid", "aws:RequestedRegion"}) {
    CAPTURE(key);
    CHECK(in_every_signed_request(key));
  }
  // Only in some requests: of an organisation's members, of IAM users, of AWS services.
  for (std::string_view key : {"aws:PrincipalOrgID", "aws:username", "aws:SourceAccount",
                               "aws:SourceIp", "aws:ResourceTag/team", "s3:prefix"}) {
    CAPTURE(key);
    CHECK_FALSE(in_every_signed_request(key));
  }
}

}  // namespace
}  // namespace iamlint::catalog
