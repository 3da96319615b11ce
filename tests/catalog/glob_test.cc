#include "catalog/glob.h"

#include <doctest/doctest.h>

#include <string>

namespace iamlint::catalog {
namespace {

bool contains(std::string_view outer, std::string_view inner) {
  return glob_contains(outer, inner, LetterCase::kSensitive);
}

bool intersects(std::string_view a, std::string_view b) {
  return glob_intersects(a, b, LetterCase::kSensitive);
}

TEST_CASE("glob matching: what follows the last * must end the text") {
  CHECK_FALSE(glob_match_folded("*Tags", "ListTagsForResource"));
  CHECK(glob_match_folded("*Tags", "listtags"));
  CHECK(glob_match_folded("Get*Acl", "GetBucketAcl"));
  CHECK_FALSE(glob_match_folded("Get*Acl", "GetBucketAcls"));
  CHECK(glob_match_folded("*Object?", "PutObjects"));
  CHECK_FALSE(glob_match_folded("*Object?", "PutObject"));
  CHECK(glob_match_folded("Get*", "Get"));
  CHECK_FALSE(glob_match_folded("a*bc", "bc"));  // the tail fits, the start does not
  CHECK_FALSE(glob_match_folded("a*a", "a"));
  CHECK(glob_match_folded("a*a", "aa"));
}

TEST_CASE("glob containment: literals and single wildcards") {
  CHECK(contains("*", "anything"));
  CHECK(contains("*", "*"));
  CHECK(contains("abc", "abc"));
  CHECK_FALSE(contains("abc", "abd"));
  CHECK(contains("a*", "abc"));
  CHECK(contains("a*", "a*"));
  CHECK(contains("a*", "ab*"));
  CHECK_FALSE(contains("ab*", "a*"));
  CHECK(contains("a?c", "abc"));
  CHECK(contains("a?c", "a?c"));
  CHECK_FALSE(contains("abc", "a?c"));
  CHECK(contains("a*c", "a?c"));
  CHECK_FALSE(contains("a?c", "a*c"));
  CHECK(contains("*Object", "GetObject"));
  CHECK_FALSE(contains("*Object", "GetObjectAcl"));
}

TEST_CASE("glob containment: a * of the inner pattern needs a * of the outer one") {
  CHECK(contains("bucket/*", "bucket/logs/*"));
  CHECK_FALSE(contains("bucket/logs/*", "bucket/*"));
  CHECK(contains("*/*", "bucket/*"));
  CHECK(contains("a*b*", "a*b*c"));
  CHECK_FALSE(contains("a*b", "a*"));
  CHECK(contains("a*a*", "a*a"));
}

TEST_CASE("glob containment: the literal ends of the outer pattern must begin and end the inner") {
  CHECK_FALSE(contains("log-group:/aws/lambda/*", "log-group:*:log-stream:*"));
  CHECK_FALSE(contains("ab*", "a?*"));
  CHECK_FALSE(contains("*.log", "*.lo?"));
  CHECK_FALSE(contains("*.log", "*og"));
  CHECK(contains("ab*yz", "abc*xyz"));
  CHECK(contains("ab*", "ab*"));
  CHECK(contains("*/object/*", "bucket/object/*"));
  CHECK(glob_contains("AB*", "ab?*", LetterCase::kInsensitive));
  CHECK_FALSE(glob_contains("AB*", "ab?*", LetterCase::kSensitive));
}

TEST_CASE("glob containment treats runs of wildcards by what they mean") {
  CHECK(contains("?*", "*?"));
  CHECK(contains("*?", "?*"));
  CHECK(contains("a**b", "a*b"));
  CHECK(contains("a*b", "a**b"));
  CHECK_FALSE(contains("??*", "?*"));
}

TEST_CASE("glob containment and letter case") {
  CHECK_FALSE(contains("S3:Get*", "s3:GetObject"));
  CHECK(glob_contains("S3:Get*", "s3:getobject", LetterCase::kInsensitive));
}

TEST_CASE("glob comparison of a plain name is one match, in the letter case asked for") {
  CHECK(glob_contains("s3:get*", "S3:GETOBJECT", LetterCase::kInsensitive));
  CHECK_FALSE(glob_contains("s3:get*", "S3:GETOBJECT", LetterCase::kSensitive));
  CHECK(glob_contains("s3:GetObject", "S3:getobject", LetterCase::kInsensitive));
  CHECK_FALSE(glob_contains("s3:GetObject", "s3:GetObject*", LetterCase::kInsensitive));
  CHECK(glob_intersects("S3:GETOBJECT", "s3:*object", LetterCase::kInsensitive));
  CHECK(glob_intersects("s3:*object", "S3:GETOBJECT", LetterCase::kInsensitive));
  CHECK_FALSE(glob_intersects("s3:*object", "S3:GETOBJECT", LetterCase::kSensitive));
  CHECK_FALSE(intersects("abc", "abcd"));
}

TEST_CASE("glob intersection") {
  CHECK(intersects("a*", "*b"));
  CHECK(intersects("a?c", "*c"));
  CHECK_FALSE(intersects("a*", "b*"));
  CHECK_FALSE(intersects("abc", "abd"));
  CHECK(intersects("abc", "a?c"));
  CHECK_FALSE(intersects("ab", "a?c"));
  CHECK(intersects("*x*", "*y*"));
  CHECK_FALSE(intersects("bucket/logs/*", "bucket/data/*"));
  CHECK(intersects("bucket/*", "bucket/data/*"));
  CHECK_FALSE(intersects("x", ""));
  CHECK(intersects("*", ""));
}

TEST_CASE("glob comparison of crafted long patterns stays bounded and safe") {
  const std::string long_a(5000, 'a');
  std::string long_b = long_a;
  long_b.back() = 'b';
  CHECK_FALSE(contains(long_a, long_b));  // too long to compare: not shown
  CHECK(contains(long_a, long_a));        // equal patterns need no comparison
  CHECK(intersects(long_a, long_b));      // too long: assumed to overlap
}

}  // namespace
}  // namespace iamlint::catalog
