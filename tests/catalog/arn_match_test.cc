#include "catalog/arn_match.h"

#include <doctest/doctest.h>

#include <string_view>

#include "catalog/resource_type.h"
#include "catalog/service.h"

namespace iamlint::catalog {
namespace {

ResourceType type(std::string_view service, std::string_view name) {
  const auto s = find_service(service);
  REQUIRE(s);
  const auto t = s->find_resource_type(name);
  REQUIRE(t);
  return *t;
}

struct Case {
  std::string_view arn;
  std::string_view service;
  std::string_view type;
  bool matches;
};

// Real ARNs (and the wildcard forms people write) against the formats of the catalogue.
constexpr Case kCases[] = {
    // S3: buckets have no region or account, and a bucket name cannot contain `/`.
    {"arn:aws:s3:::my-bucket", "s3", "bucket", true},
    {"arn:aws:s3:::my-bucket", "s3", "object", false},
    {"arn:aws:s3:::my-bucket/*", "s3", "object", true},
    {"arn:aws:s3:::my-bucket/*", "s3", "bucket", false},
    {"arn:aws:s3:::my-bucket/logs/2024/a.gz", "s3", "object", true},
    {"arn:aws:s3:::*", "s3", "bucket", true},
    {"arn:aws:s3:::*", "s3", "object", true},
    {"arn:aws:s3:::my-bucket*", "s3", "object", true},
    {"arn:aws:s3:::${aws:username}-bucket", "s3", "bucket", true},
    {"arn:aws:s3:::home/${aws:username}/*", "s3", "object", true},
    {"arn:aws:s3:us-east-1::my-bucket", "s3", "bucket", false},
    {"arn:aws:s3::123456789012:my-bucket", "s3", "bucket", false},
    {"arn:aws:s3:*:*:my-bucket", "s3", "bucket", true},
    {"arn:aws-cn:s3:::my-bucket", "s3", "bucket", true},
    {"arn:aws:s3:us-west-2:123456789012:accesspoint/ap1", "s3", "accesspoint", true},
    {"arn:aws:s3:us-west-2:123456789012:accesspoint/ap1/object/k", "s3", "accesspoint", false},
    {"arn:aws:s3:us-west-2:123456789012:accesspoint/ap1/object/k", "s3", "accesspointobject", true},
    // IAM: no region, account required, names may carry a path.
    {"arn:aws:iam::123456789012:role/MyRole", "iam", "role", true},
    {"arn:aws:iam::123456789012:role/service-role/team/MyRole", "iam", "role", true},
    {"arn:aws:iam::123456789012:role/*", "iam", "role", true},
    {"arn:aws:iam::*:role/Admin*", "iam", "role", true},
    {"arn:aws:iam::123456789012:role/MyRole", "iam", "user", false},
    {"arn:aws:iam:us-east-1:123456789012:role/MyRole", "iam", "role", false},
    {"arn:aws:iam:::role/MyRole", "iam", "role", false},
    {"arn:aws:iam::aws:policy/AdministratorAccess", "iam", "policy", true},
    {"arn:aws:iam::123456789012:user/division/alice", "iam", "user", true},
    {"arn:aws:iam::123456789012:root", "iam", "role", false},
    // KMS: keys and aliases, alias names may contain `/`.
    {"arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab", "kms", "key",
     true},
    {"arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab", "kms", "alias",
     false},
    {"arn:aws:kms:us-east-1:123456789012:alias/aws/s3", "kms", "alias", true},
    {"arn:aws:kms:*:123456789012:alias/app-*", "kms", "alias", true},
    {"arn:aws:kms:us-east-1::key/abc", "kms", "key", false},
    {"arn:aws:kms::123456789012:key/abc", "kms", "key", false},
    {"arn:aws:kms:*:*:key/*", "kms", "key", true},
    // Names that cannot hold `/` or `:` keep neighbouring types apart.
    {"arn:aws:dynamodb:us-east-1:123456789012:table/Books", "dynamodb", "table", true},
    {"arn:aws:dynamodb:us-east-1:123456789012:table/Books/index/ByAuthor", "dynamodb", "table",
     false},
    {"arn:aws:dynamodb:us-east-1:123456789012:table/Books/index/ByAuthor", "dynamodb", "index",
     true},
    {"arn:aws:dynamodb:us-east-1:123456789012:table/Books/*", "dynamodb", "index", true},
    {"arn:aws:lambda:us-east-1:123456789012:function:my-fn", "lambda", "function", true},
    {"arn:aws:lambda:us-east-1:123456789012:function:my-fn:prod", "lambda", "function", false},
    {"arn:aws:lambda:us-east-1:123456789012:function:my-fn:prod", "lambda", "function alias", true},
    {"arn:aws:sqs:us-east-1:123456789012:queue1", "sqs", "queue", true},
    {"arn:aws:sqs:*:123456789012:*", "sqs", "queue", true},
    {"arn:aws:sqs::123456789012:queue1", "sqs", "queue", false},
    // Log group names hold `/`, and `:*` after them is the usual way to cover streams.
    {"arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/fn:*", "logs", "log-group", true},
    {"arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/fn:log-stream:x", "logs",
     "log-stream", true},
    // Wrong service, and ARNs that are not ARNs.
    {"arn:aws:ec2:us-east-1:123456789012:instance/i-0abc", "s3", "bucket", false},
    {"*", "s3", "object", true},
    {"not-an-arn", "s3", "bucket", false},
    {"arn:aws:s3:*", "s3", "object", true},
    // A policy variable's own colon separates no fields (AWS managed policies write this).
    {"arn:*:kms:*:${aws:PrincipalAccount}:key/*", "kms", "key", true},
};

TEST_CASE("ARN patterns against resource types") {
  for (const Case& c : kCases) {
    INFO(c.arn, " vs ", c.service, ":", c.type);
    CHECK(type(c.service, c.type).can_match(c.arn) == c.matches);
  }
}

TEST_CASE("splitting ARNs") {
  const auto parts = split_arn("arn:aws:logs:us-east-1:123456789012:log-group:/a:*");
  REQUIRE(parts);
  CHECK(parts->partition == "aws");
  CHECK(parts->service == "logs");
  CHECK(parts->region == "us-east-1");
  CHECK(parts->account == "123456789012");
  CHECK(parts->resource == "log-group:/a:*");
  const auto with_variable = split_arn("arn:aws:kms:*:${aws:PrincipalAccount}:key/*");
  REQUIRE(with_variable);
  CHECK(with_variable->account == "${aws:PrincipalAccount}");
  CHECK(with_variable->resource == "key/*");
  CHECK_FALSE(split_arn("arn:aws:s3"));
  CHECK_FALSE(split_arn("urn:aws:s3:::b"));
}

TEST_CASE("pattern escapes and wildcards on both sides") {
  CHECK(arn_can_match("arn:aws:s3:::b/${*}", "arn:${Partition}:s3:::${BucketName}/${ObjectName}"));
  CHECK(arn_can_match("arn:aws:s3:::b?/k", "arn:${Partition}:s3:::${BucketName}/${ObjectName}"));
  CHECK_FALSE(
      arn_can_match("arn:aws:s3:::/k", "arn:${Partition}:s3:::${BucketName}/${ObjectName}"));
  CHECK(arn_can_match("arn:aws:iam::123456789012:role-template/x",
                      "arn:${Partition}:iam::*:role-template/${X}"));
}

}  // namespace
}  // namespace iamlint::catalog
