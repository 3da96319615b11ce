#include "catalog/ascii.h"

#include <doctest/doctest.h>

#include <string_view>
#include <unordered_set>

#include "catalog/folded_hash.h"

namespace iamlint::catalog {
namespace {

TEST_CASE("ASCII case folding") {
  CHECK(equals_folded("S3:GetObject", "s3:getobject"));
  CHECK_FALSE(equals_folded("s3:GetObject", "s3:GetObjects"));
  CHECK(compare_folded("a", "B") < 0);
  CHECK(to_folded("AWS:SourceArn") == "aws:sourcearn");
  CHECK(starts_with_folded("AWS:PrincipalTag/team", "aws:"));
  CHECK(starts_with_folded("anything", ""));
  CHECK_FALSE(starts_with_folded("aw", "aws:"));
  CHECK_FALSE(starts_with_folded("ec2:Vpc", "aws:"));
  CHECK(ends_with_folded("aws:TagKeys", "tagkeys"));
  CHECK(ends_with_folded("anything", ""));
  CHECK_FALSE(ends_with_folded("keys", "tagkeys"));
  CHECK_FALSE(ends_with_folded("aws:TagKeys/x", "tagkeys"));
}

TEST_CASE("hashing names without regard to case") {
  CHECK(folded_hash("S3:GetObject") == folded_hash("s3:getobject"));
  CHECK(folded_hash("GetObject", folded_hash(":", folded_hash("s3"))) ==
        folded_hash("s3:GetObject"));
  CHECK(folded_hash("s3:GetObject") != folded_hash("s3:PutObject"));
  std::unordered_set<std::string_view, FoldedHash, FoldedEqual> names{"s3:GetObject"};
  CHECK(names.contains("S3:GETOBJECT"));
  CHECK_FALSE(names.contains("s3:GetObjects"));
}

}  // namespace
}  // namespace iamlint::catalog
