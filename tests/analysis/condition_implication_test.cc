#include "analysis/condition_implication.h"

#include <string>

#include <doctest/doctest.h>

#include "model_fixture.h"

namespace iamlint::analysis {
namespace {

using testing::ModelledPolicy;

// The conditions of a one-statement policy whose Condition block is `block`.
ModelledPolicy with_conditions(std::string_view block) {
  return ModelledPolicy(
      R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject",
      "Resource": "*", "Condition": )" +
      std::string(block) + "}]}");
}

std::span<const ast::Condition> conditions_of(const ModelledPolicy& p) {
  return p.policy().statements[0].conditions;
}

// Whether the conditions `narrower` imply the conditions `wider`.
Implication verdict(std::string_view narrower, std::string_view wider) {
  ModelledPolicy n = with_conditions(narrower);
  ModelledPolicy w = with_conditions(wider);
  return implies_all(conditions_of(n), conditions_of(w)).verdict;
}

constexpr Implication kYes = Implication::kImplied;
constexpr Implication kNo = Implication::kNotImplied;
constexpr Implication kUndecided = Implication::kUndecided;

TEST_CASE("string equality: fewer values are narrower, more are wider") {
  constexpr std::string_view kTwo = R"({"StringEquals": {"aws:PrincipalOrgID": ["o-1", "o-2"]}})";
  constexpr std::string_view kOne = R"({"StringEquals": {"aws:PrincipalOrgID": "o-1"}})";
  CHECK(verdict(kOne, kTwo) == kYes);
  CHECK(verdict(kTwo, kOne) == kNo);
  CHECK(verdict(kOne, kOne) == kYes);
  // Keys compare case-insensitively, values case-sensitively.
  CHECK(verdict(R"({"StringEquals": {"AWS:PRINCIPALORGID": "o-1"}})", kOne) == kYes);
  CHECK(verdict(R"({"StringEquals": {"aws:PrincipalOrgID": "O-1"}})", kOne) == kNo);
  CHECK(verdict(R"({"StringEquals": {"aws:PrincipalOrgID": "O-1"}})",
                R"({"StringEqualsIgnoreCase": {"aws:PrincipalOrgID": "o-1"}})") == kYes);
  CHECK(verdict(R"({"StringEqualsIgnoreCase": {"aws:PrincipalOrgID": "o-1"}})", kOne) == kNo);
}

TEST_CASE("string wildcards: StringEquals to StringLike widens only with a wildcard") {
  constexpr std::string_view kExact = R"({"StringEquals": {"s3:prefix": "home/alice/"}})";
  constexpr std::string_view kLike = R"({"StringLike": {"s3:prefix": "home/*"}})";
  CHECK(verdict(kExact, kLike) == kYes);
  CHECK(verdict(kLike, kExact) == kNo);
  CHECK(verdict(R"({"StringLike": {"s3:prefix": "home/alice/*"}})", kLike) == kYes);
  CHECK(verdict(R"({"StringLike": {"s3:prefix": "home/alice/"}})", kExact) == kYes);
  // StringEquals takes "*" literally.
  CHECK(verdict(R"({"StringLike": {"s3:prefix": "home/x"}})",
                R"({"StringEquals": {"s3:prefix": "home/*"}})") == kNo);
}

TEST_CASE("negated operators: excluding more is narrower") {
  constexpr std::string_view kOne = R"({"StringNotEquals": {"aws:SourceAccount": "1"}})";
  constexpr std::string_view kTwo = R"({"StringNotEquals": {"aws:SourceAccount": ["1", "2"]}})";
  CHECK(verdict(kTwo, kOne) == kYes);
  CHECK(verdict(kOne, kTwo) == kNo);
  CHECK(verdict(R"({"StringNotLike": {"aws:SourceAccount": "*"}})", kTwo) == kYes);
  // Positive and negated tests are not compared.
  CHECK(verdict(R"({"StringEquals": {"aws:SourceAccount": "3"}})", kOne) == kUndecided);
}

TEST_CASE("IP ranges: a broader CIDR is wider") {
  constexpr std::string_view k24 = R"({"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}})";
  constexpr std::string_view k16 = R"({"IpAddress": {"aws:SourceIp": "203.0.0.0/16"}})";
  CHECK(verdict(k24, k16) == kYes);
  CHECK(verdict(k16, k24) == kNo);
  CHECK(verdict(R"({"IpAddress": {"aws:SourceIp": ["203.0.113.7", "203.0.113.9/32"]}})", k24) ==
        kYes);
  CHECK(verdict(R"({"NotIpAddress": {"aws:SourceIp": "203.0.0.0/16"}})",
                R"({"NotIpAddress": {"aws:SourceIp": "203.0.113.0/24"}})") == kYes);
  CHECK(verdict(R"({"IpAddress": {"aws:SourceIp": "not-an-ip"}})", k24) == kUndecided);
}

TEST_CASE("numeric and date bounds") {
  CHECK(verdict(R"({"NumericLessThan": {"aws:MultiFactorAuthAge": "3600"}})",
                R"({"NumericLessThanEquals": {"aws:MultiFactorAuthAge": "7200"}})") == kYes);
  CHECK(verdict(R"({"NumericLessThanEquals": {"aws:MultiFactorAuthAge": "3600"}})",
                R"({"NumericLessThan": {"aws:MultiFactorAuthAge": "3600"}})") == kNo);
  CHECK(verdict(R"({"NumericEquals": {"s3:max-keys": "10"}})",
                R"({"NumericLessThanEquals": {"s3:max-keys": "10"}})") == kYes);
  CHECK(verdict(R"({"NumericLessThan": {"s3:max-keys": "10"}})",
                R"({"NumericGreaterThan": {"s3:max-keys": "1"}})") == kNo);
  CHECK(verdict(R"({"DateLessThan": {"aws:CurrentTime": "2026-01-01T00:00:00Z"}})",
                R"({"DateLessThan": {"aws:CurrentTime": "2027-01-01"}})") == kYes);
  CHECK(verdict(R"({"DateLessThan": {"aws:CurrentTime": "2028-01-01T02:00:00+02:00"}})",
                R"({"DateLessThan": {"aws:CurrentTime": "2028-01-01T00:00:00Z"}})") == kYes);
  CHECK(verdict(R"({"DateLessThan": {"aws:CurrentTime": "2028-01-01T00:00:01Z"}})",
                R"({"DateLessThan": {"aws:CurrentTime": "2028-01-01"}})") == kNo);
  CHECK(verdict(R"({"DateGreaterThan": {"aws:CurrentTime": "someday"}})",
                R"({"DateGreaterThan": {"aws:CurrentTime": "2028-01-01"}})") == kUndecided);
}

TEST_CASE("Bool, Null and ARN patterns") {
  CHECK(verdict(R"({"Bool": {"aws:SecureTransport": "true"}})",
                R"({"Bool": {"aws:SecureTransport": "True"}})") == kYes);
  CHECK(verdict(R"({"Bool": {"aws:SecureTransport": ["true", "false"]}})",
                R"({"Bool": {"aws:SecureTransport": "true"}})") == kNo);
  CHECK(verdict(R"({"Null": {"aws:ResourceTag/team": "false"}})",
                R"({"Null": {"aws:ResourceTag/team": "false"}})") == kYes);
  constexpr std::string_view kRole =
      R"({"ArnLike": {"aws:SourceArn": "arn:aws:iam::111122223333:role/app-*"}})";
  CHECK(verdict(R"({"ArnEquals": {"aws:SourceArn": "arn:aws:iam::111122223333:role/app-x"}})",
                kRole) == kYes);
  CHECK(verdict(R"({"ArnLike": {"aws:SourceArn": "arn:aws:iam::*:role/app-*"}})", kRole) == kNo);
}

TEST_CASE("set qualifiers and IfExists") {
  constexpr std::string_view kAll = R"({"ForAllValues:StringEquals": {"aws:TagKeys": ["a", "b"]}})";
  CHECK(verdict(R"({"ForAllValues:StringEquals": {"aws:TagKeys": ["a"]}})", kAll) == kYes);
  CHECK(verdict(R"({"ForAllValues:StringEquals": {"aws:TagKeys": ["a", "b", "c"]}})", kAll) == kNo);
  CHECK(verdict(R"({"ForAnyValue:StringEquals": {"aws:TagKeys": ["a"]}})", kAll) == kUndecided);
  constexpr std::string_view kVpc = R"({"StringEquals": {"aws:SourceVpc": "vpc-1"}})";
  CHECK(verdict(R"({"StringEqualsIfExists": {"aws:SourceVpc": "vpc-1"}})", kVpc) == kNo);
  CHECK(verdict(kVpc, R"({"StringEqualsIfExists": {"aws:SourceVpc": "vpc-1"}})") == kYes);
}

TEST_CASE("condition sets: adding a condition narrows, removing one widens") {
  constexpr std::string_view kVpc = R"({"StringEquals": {"aws:SourceVpc": "vpc-1"}})";
  constexpr std::string_view kVpcAndTls =
      R"({"StringEquals": {"aws:SourceVpc": "vpc-1"}, "Bool": {"aws:SecureTransport": "true"}})";
  CHECK(verdict(kVpcAndTls, kVpc) == kYes);
  CHECK(verdict(kVpc, kVpcAndTls) == kNo);
  // A test on an unrelated key might imply the lost one: the comparison cannot tell.
  CHECK(verdict(R"({"StringEquals": {"aws:SourceVpce": "vpce-1"}})", kVpc) == kUndecided);
  // Several values of one operator, several operators of one key.
  CHECK(
      verdict(
          R"({"StringEquals": {"aws:SourceVpc": "vpc-1"}, "StringLike": {"aws:SourceVpc": "vpc-*"}})",
          kVpc) == kYes);
}

TEST_CASE("gaps name the condition that is lost or widened") {
  ModelledPolicy narrow = with_conditions(R"({"StringEquals": {"aws:SourceVpc": "vpc-1"}})");
  ModelledPolicy wide = with_conditions(R"({"StringLike": {"aws:SourceVpc": "vpc-*"}})");
  ModelledPolicy none = with_conditions("{}");
  SetImplication widened = implies_all(conditions_of(wide), conditions_of(narrow));
  REQUIRE(widened.gaps.size() == 1);
  CHECK(
      describe_gap(widened.gaps[0]) ==
      R"(condition StringEquals aws:SourceVpc "vpc-1" is widened to StringLike aws:SourceVpc "vpc-*")");
  SetImplication removed = implies_all(conditions_of(none), conditions_of(narrow));
  REQUIRE(removed.gaps.size() == 1);
  CHECK(removed.verdict == kNo);
  CHECK(describe_gap(removed.gaps[0]) == R"(condition StringEquals aws:SourceVpc "vpc-1" is gone)");
}

}  // namespace
}  // namespace iamlint::analysis
